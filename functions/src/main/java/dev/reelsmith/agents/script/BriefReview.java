package dev.reelsmith.agents.script;

import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.VideoKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a brief is too thin or too contradictory to plan without guessing, and words the questions
 * its author must answer. Blocking gaps (no product, no song for a music video, more key messages than the
 * duration can hold, a zero budget with the free tools blocked) stop the script; once the writer is asking
 * anyway, the non-blocking gaps (audience, call to action, tone) are asked about too, so the author edits the
 * brief once.
 */
public final class BriefReview {
    private BriefReview() {
    }

    /** The questions to ask before writing; empty when the brief can be planned as it is. */
    public static List<String> questions(PlanningInput input) {
        Brief brief = input.brief();
        if (brief == null) {
            // A song is its own subject; the sidecar is optional by design.
            return List.of();
        }
        List<String> blocking = new ArrayList<>();
        String what = brief.kind() == VideoKind.EXPLAINER ? "explainer" : brief.kind() == VideoKind.AD ? "ad" : "video";
        if (brief.kind() == VideoKind.MUSIC_VIDEO) {
            blocking.add("Which song is this music video for? Upload it as songs/<name>.mp3 (or .wav) with an optional "
                    + "songs/<name>.json sidecar; a music video is cut to the song's beats and sections, so it cannot "
                    + "be planned from a brief alone.");
        }
        if (brief.product() == null && brief.kind() != VideoKind.MUSIC_VIDEO) {
            blocking.add("What product or service is this " + what + " for? Add product.name exactly as it should "
                    + "appear on screen, and product.description saying what it looks like (shape, colours, materials, "
                    + "packaging) so every shot shows the same thing.");
        }
        int messages = brief.keyMessages().size();
        if (brief.kind() != VideoKind.MUSIC_VIDEO && messages > 0) {
            int beats = ScriptSkeleton.minimumBeats(brief);
            double needed = beats * Pacing.MIN_AD_SHOT_SECONDS;
            if (needed > brief.durationSeconds() + 1e-9) {
                blocking.add(String.format(Locale.ROOT, "The brief asks for %d key messages in %d seconds, but each "
                                + "message needs a beat of at least %.1f s plus one for the call to action (%.1f s in all). "
                                + "Which messages matter most, or can the video run %d seconds?", messages,
                        brief.durationSeconds(), Pacing.MIN_AD_SHOT_SECONDS, needed, (int) Math.ceil(needed)));
            }
        }
        if (input.budgetUsd().signum() == 0 && !input.preferences().permits("local")) {
            blocking.add("The budget is 0 USD, which pays only for the free local tools, but providerPreferences "
                    + (input.preferences().blocked().contains("local") ? "blocks local" : "does not allow local")
                    + ". Raise budgetUsd or allow the local provider.");
        }
        if (blocking.isEmpty()) {
            return List.of();
        }
        List<String> questions = new ArrayList<>(blocking);
        if (brief.audience() == null && brief.kind() != VideoKind.MUSIC_VIDEO) {
            questions.add("Who is the audience? One sentence on who they are and what they care about (e.g. \"urban "
                    + "runners training for their first half marathon\") decides the setting, casting and tone of every shot.");
        }
        if (brief.cta() == null && brief.kind() == VideoKind.AD) {
            questions.add("What should viewers do at the end? Add cta.text (at most 60 characters) and, if there is "
                    + "one, cta.url.");
        }
        if (brief.tone() == null) {
            questions.add("How should it feel? A few words of tone (e.g. \"warm, unhurried\" or \"urgent, exciting\") "
                    + "set the pace, lighting and music.");
        }
        return List.copyOf(questions.subList(0, Math.min(questions.size(), 10)));
    }
}
