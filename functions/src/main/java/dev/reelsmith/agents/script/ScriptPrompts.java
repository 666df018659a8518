package dev.reelsmith.agents.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.VideoKind;
import dev.reelsmith.providers.text.StructuredRequest;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Builds the script writer's request: the system prompt (role and rules), the user prompt (the brief or song
 * and the skeleton, in prose and as JSON) and the context (the same material as structured JSON, which the offline
 * planner reads). A remote model and the offline planner therefore see exactly the same material.
 */
public final class ScriptPrompts {
    /** The task name the offline planner dispatches on. */
    public static final String TASK = "script";

    private ScriptPrompts() {
    }

    /** The request for {@code input} with the computed {@code skeleton}. */
    public static StructuredRequest<Script> request(PlanningInput input, List<SkeletonBeat> skeleton) {
        ObjectNode context = context(input, skeleton);
        return new StructuredRequest<>(TASK, system(input), user(input, skeleton, context),
                ArtifactSchemas.schema(ArtifactSchemas.SCRIPT), Script.class, 0.7, 4000 + 200 * skeleton.size(), context);
    }

    static ObjectNode context(PlanningInput input, List<SkeletonBeat> skeleton) {
        ObjectNode context = Json.mapper().createObjectNode();
        context.put("kind", input.kind().label());
        context.put("name", input.name());
        context.put("title", input.title());
        context.put("targetDurationSeconds", input.targetDurationSeconds());
        context.put("minimumBeatSeconds", Pacing.minShotSeconds(input.kind()));
        context.put("durationToleranceSeconds", input.cutToSong() ? Pacing.SONG_DURATION_TOLERANCE_SECONDS
                : Pacing.AD_DURATION_TOLERANCE_SECONDS);
        context.put("maxWordsPerSecond", Pacing.MAX_WORDS_PER_SECOND);
        context.put("aspectRatio", input.aspectRatio().label());
        if (input.brief() != null) {
            context.set("brief", Json.mapper().valueToTree(input.brief()));
        }
        if (input.song() != null) {
            Analysis analysis = input.song().analysis();
            SongSidecar sidecar = input.song().sidecar();
            ObjectNode song = context.putObject("song");
            song.put("durationSeconds", analysis.durationSeconds());
            song.put("tempoBpm", analysis.tempoBpm());
            song.put("beatsPerBar", analysis.beatsPerBar());
            if (sidecar.title() != null) {
                song.put("title", sidecar.title());
            }
            if (sidecar.artist() != null) {
                song.put("artist", sidecar.artist());
            }
            if (sidecar.mood() != null) {
                song.put("mood", sidecar.mood());
            }
            if (sidecar.genre() != null) {
                song.put("genre", sidecar.genre());
            }
            song.set("style", Json.mapper().valueToTree(sidecar.style()));
        }
        context.set("skeleton", Json.mapper().valueToTree(skeleton));
        return context;
    }

    static String system(PlanningInput input) {
        String structure = switch (input.kind()) {
            case AD -> "an ad built on the ALT beats: hook (stop the scroll), problem, agitation, solution (the product "
                    + "reveal), proof, benefit, offer, cta";
            case EXPLAINER -> "an explainer: hook, problem, context, how it works, proof, benefit, summary, cta";
            case MUSIC_VIDEO -> "a music video whose scenes follow the song's sections (intro, verse, chorus, bridge, outro)";
        };
        return """
                You are ScriptSmith, the script writer of Reelsmith, an AI video production pipeline. You write %s.
                Every beat you write is turned into shots, keyframe images and clips, so write what a camera can see.

                Rules:
                1. Follow the skeleton exactly: the same beats in the same order with the same index, purpose,
                   startSeconds, durationSeconds, keyMessageIndex and sectionLabel. The timing is already computed.
                2. visualIntent: one or two concrete sentences a director could shoot: who or what, where, doing what,
                   in what light. Keep the product (or the video's protagonist) looking the same in every beat.
                3. narration: voice-over a person can say in the beat, at most %.1f words per second of the beat, or
                   null to let the picture breathe. Music videos have no narration.
                4. onScreenText: at most eight words, or null. A beat that carries a key message says it in
                   narration or shows it on screen; the last beat of an ad shows the call to action.
                5. emotion: the feeling to land, one or two words.
                6. lyricLine: copy the skeleton's lyricLine for music videos; null otherwise.
                7. clarifyingQuestions: leave empty unless the material is too thin or contradictory to write a script
                   without guessing; then ask specific questions the author can answer by editing the brief.
                8. Write narration and on-screen text in the brief's language (%s).
                Answer with one JSON object that matches the schema.""".formatted(structure,
                Pacing.MAX_WORDS_PER_SECOND, input.brief() == null ? "en" : input.brief().language());
    }

    static String user(PlanningInput input, List<SkeletonBeat> skeleton, ObjectNode context) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(input.title()).append("\n\n");
        Brief brief = input.brief();
        if (brief != null) {
            text.append("Kind: ").append(brief.kind().label()).append(", ").append(brief.durationSeconds())
                    .append(" s, ").append(input.aspectRatio().label()).append('\n');
            if (brief.product() != null) {
                text.append("Product: ").append(brief.product().name());
                if (brief.product().description() != null) {
                    text.append(" — ").append(brief.product().description());
                }
                text.append('\n');
            }
            for (int i = 0; i < brief.keyMessages().size(); i++) {
                text.append("Key message ").append(i).append(": ").append(brief.keyMessages().get(i)).append('\n');
            }
            line(text, "Audience", brief.audience());
            line(text, "Tone", brief.tone());
            if (brief.cta() != null) {
                line(text, "Call to action", brief.cta().text() + (brief.cta().url() == null ? "" : " (" + brief.cta().url() + ")"));
            }
            if (brief.music() != null) {
                line(text, "Music", brief.music().genre() + (brief.music().mood() == null ? "" : ", " + brief.music().mood())
                        + (brief.music().tempoBpm() == null ? "" : ", " + brief.music().tempoBpm() + " bpm"));
            }
        }
        if (input.song() != null) {
            SongSidecar sidecar = input.song().sidecar();
            Analysis analysis = input.song().analysis();
            text.append(String.format(Locale.ROOT, "Music video for a %.2f s song at %.1f bpm%n",
                    analysis.durationSeconds(), analysis.tempoBpm()));
            line(text, "Song", sidecar.title());
            line(text, "Artist", sidecar.artist());
            line(text, "Genre", sidecar.genre());
            line(text, "Mood", sidecar.mood());
            if (!sidecar.style().keywords().isEmpty()) {
                line(text, "Style", String.join(", ", sidecar.style().keywords()));
            }
        }
        text.append("\n## Skeleton\n");
        for (SkeletonBeat beat : skeleton) {
            text.append(String.format(Locale.ROOT, "- beat %d: %s, %.3f s + %.3f s", beat.index(), beat.purpose().label(),
                    beat.startSeconds(), beat.durationSeconds()));
            if (beat.sectionLabel() != null) {
                text.append(", section ").append(beat.sectionLabel());
            }
            if (beat.energy() != null) {
                text.append(String.format(Locale.ROOT, ", energy %.2f", beat.energy()));
            }
            if (beat.keyMessage() != null) {
                text.append(", carries key message ").append(beat.keyMessageIndex()).append(" \"")
                        .append(beat.keyMessage()).append('"');
            }
            if (beat.lyricLine() != null) {
                text.append(", lyrics \"").append(beat.lyricLine()).append('"');
            }
            text.append('\n');
        }
        if (input.kind() == VideoKind.MUSIC_VIDEO) {
            text.append("\nInvent one protagonist and one world for the whole video and let them change with the song.\n");
        }
        text.append("\n## The same material as JSON\n```json\n").append(json(context)).append("\n```\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append(label).append(": ").append(value).append('\n');
        }
    }

    private static String json(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
