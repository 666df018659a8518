package dev.reelsmith.agents.script;

import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.VideoKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a script must keep beyond its schema and record invariants: its beats add up to the target (ads
 * and explainers within ±0.5 s, songs exactly the audio's length), every key message is carried by a beat, no
 * beat is shorter than the minimum shot, ads and explainers open on a hook and close on the call to action,
 * narration can be spoken in its beat, and a music video's beats change on detected beats (within one frame).
 */
public final class ScriptValidator {
    private ScriptValidator() {
    }

    /** Every broken rule, one sentence each; empty when the script is fine. A script of questions only is fine. */
    public static List<String> validate(Script script, PlanningInput input) {
        List<String> problems = new ArrayList<>();
        if (script.kind() != input.kind()) {
            problems.add("kind must be " + input.kind().label() + ", was " + script.kind().label());
        }
        if (script.beats().isEmpty()) {
            if (!script.needsClarification()) {
                problems.add("beats must not be empty unless clarifyingQuestions are asked");
            }
            return problems;
        }
        double target = input.targetDurationSeconds();
        if (Math.abs(script.targetDurationSeconds() - target) > Pacing.SONG_DURATION_TOLERANCE_SECONDS) {
            problems.add(String.format(Locale.ROOT, "targetDurationSeconds must be %s, was %s", number(target),
                    number(script.targetDurationSeconds())));
        }
        double total = script.totalDurationSeconds();
        double tolerance = input.cutToSong() ? Pacing.SONG_DURATION_TOLERANCE_SECONDS : Pacing.AD_DURATION_TOLERANCE_SECONDS;
        if (Math.abs(total - target) > tolerance) {
            problems.add(String.format(Locale.ROOT, "the beats must add up to %s s (%s), but add up to %s s",
                    number(target), input.cutToSong() ? "exactly the song's length" : "within ±" + number(tolerance) + " s",
                    number(total)));
        }
        double min = Pacing.minShotSeconds(input.kind());
        for (Beat beat : script.beats()) {
            if (beat.durationSeconds() < min - 1e-9) {
                problems.add(String.format(Locale.ROOT, "beat %d (%s) lasts %s s, shorter than the %s s minimum shot",
                        beat.index(), beat.purpose().label(), number(beat.durationSeconds()), number(min)));
            }
            int words = Pacing.words(beat.narration());
            if (words > Pacing.MAX_WORDS_PER_SECOND * beat.durationSeconds() + 1) {
                problems.add(String.format(Locale.ROOT, "beat %d narration has %d words, too many to speak in %s s "
                                + "(at most %d); shorten it or move it to onScreenText", beat.index(), words,
                        number(beat.durationSeconds()), (int) (Pacing.MAX_WORDS_PER_SECOND * beat.durationSeconds() + 1)));
            }
        }
        if (input.brief() != null) {
            List<String> messages = input.brief().keyMessages();
            for (int m = 0; m < messages.size(); m++) {
                final int message = m;
                if (script.beats().stream().noneMatch(b -> Integer.valueOf(message).equals(b.keyMessageIndex()))) {
                    problems.add("key message " + m + " (\"" + messages.get(m) + "\") is not carried by any beat");
                }
            }
            for (Beat beat : script.beats()) {
                if (beat.keyMessageIndex() != null && beat.keyMessageIndex() >= messages.size()) {
                    problems.add("beat " + beat.index() + " carries key message " + beat.keyMessageIndex()
                            + ", but the brief has only " + messages.size());
                }
            }
        }
        if (input.kind() != VideoKind.MUSIC_VIDEO) {
            if (script.beats().get(0).purpose() != BeatPurpose.HOOK) {
                problems.add("the first beat must be the hook, was " + script.beats().get(0).purpose().label());
            }
            Beat last = script.beats().get(script.beats().size() - 1);
            if (last.purpose() != BeatPurpose.CTA) {
                problems.add("the last beat must be the call to action (cta), was " + last.purpose().label());
            }
        }
        if (input.cutToSong()) {
            BeatGrid grid = BeatGrid.of(input);
            for (Beat beat : script.beats().subList(1, script.beats().size())) {
                if (!grid.isEmpty() && !grid.onBeat(beat.startSeconds(), Pacing.FRAME_SECONDS)) {
                    problems.add(String.format(Locale.ROOT, "beat %d starts at %s s, more than a frame from any detected "
                                    + "beat (nearest %s s)", beat.index(), number(beat.startSeconds()),
                            number(grid.nearestBeat(beat.startSeconds()).getAsDouble())));
                }
            }
        }
        return problems;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
