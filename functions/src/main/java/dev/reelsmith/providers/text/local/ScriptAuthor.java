package dev.reelsmith.providers.text.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.Json;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a script from the script writer's context without a model: it keeps the skeleton's timing and
 * key-message placement and fills each beat from the matching world's templates (ads and explainers) or song
 * world's section visuals (music videos), with emotions from the tone or the song's mood. Narration is dropped
 * when it could not be spoken within the beat. English copy only.
 */
final class ScriptAuthor {
    private static final int MAX_VISUAL = 1000;
    private static final int MAX_TEXT = 200;

    private final Worlds worlds;

    ScriptAuthor(Worlds worlds) {
        this.worlds = worlds;
    }

    ObjectNode write(JsonNode context) {
        ObjectNode script = Json.mapper().createObjectNode();
        script.put("kind", context.path("kind").asText());
        script.put("targetDurationSeconds", context.path("targetDurationSeconds").asDouble());
        ArrayNode beats = script.putArray("beats");
        if (context.has("song")) {
            writeSong(context, beats);
        } else {
            writeBrief(context, beats);
        }
        script.putArray("clarifyingQuestions");
        return script;
    }

    private void writeBrief(JsonNode context, ArrayNode beats) {
        JsonNode brief = context.path("brief");
        Worlds.ProductWorld world = worlds.forBrief(brief);
        ProductFacts facts = new ProductFacts(brief);
        boolean explainer = "explainer".equals(context.path("kind").asText());
        Tone tone = Tone.of(brief.path("tone").asText(null), explainer ? Tone.CLEAR : Tone.ENERGETIC);
        double wordsPerSecond = context.path("maxWordsPerSecond").asDouble(3.0);
        Map<BeatPurpose, Integer> seen = new EnumMap<>(BeatPurpose.class);
        for (JsonNode skeleton : context.path("skeleton")) {
            BeatPurpose purpose = BeatPurpose.fromLabel(skeleton.path("purpose").asText());
            int occurrence = seen.merge(purpose, 1, Integer::sum) - 1;
            double duration = skeleton.path("durationSeconds").asDouble();
            String message = skeleton.path("keyMessage").asText(null);
            int index = skeleton.path("index").asInt();
            Worlds.Lines lines = world.beats().getOrDefault(purpose.label(),
                    worlds.genericProduct().beats().get(purpose.label()));
            if (occurrence == 1) {
                // a repeated purpose (a second how-it-works or benefit) must not show the same picture again
                lines = worlds.genericProduct().beats().get(purpose.label());
            } else if (occurrence > 1) {
                lines = new Worlds.Lines("Close on the {detail}: " + (message == null ? "{product} up close" : "{message}") + ".",
                        message == null ? null : "{message}.", message == null ? null : "{message}");
            }
            Template template = new Template(facts, world, message, facts.detailFor(message, index));
            ObjectNode beat = beats.addObject();
            copyTiming(skeleton, beat);
            String visual = template.fill(lines.visual());
            beat.put("visualIntent", cut(visual, MAX_VISUAL));
            String narration = speakable(template.fill(lines.narration()), duration, wordsPerSecond);
            if (narration == null && message != null && purpose != BeatPurpose.CTA) {
                narration = speakable(sentence(message), duration, wordsPerSecond);
            }
            putText(beat, "narration", narration);
            String text = template.fill(lines.text());
            if (text == null && message != null) {
                text = message;
            }
            if (purpose == BeatPurpose.CTA) {
                text = facts.cta;
            }
            putText(beat, "onScreenText", text == null ? null : cut(text, MAX_TEXT));
            beat.put("emotion", tone.emotion(purpose));
            if (skeleton.has("keyMessageIndex")) {
                beat.put("keyMessageIndex", skeleton.path("keyMessageIndex").asInt());
            }
        }
    }

    private void writeSong(JsonNode context, ArrayNode beats) {
        JsonNode song = context.path("song");
        Worlds.SongWorld world = worlds.forSong(song);
        List<String> moods = moods(song.path("mood").asText(null), world.moods());
        Map<BeatPurpose, Integer> seen = new EnumMap<>(BeatPurpose.class);
        boolean first = true;
        for (JsonNode skeleton : context.path("skeleton")) {
            BeatPurpose purpose = BeatPurpose.fromLabel(skeleton.path("purpose").asText());
            int occurrence = seen.merge(purpose, 1, Integer::sum) - 1;
            List<String> variants = world.sections().getOrDefault(purpose.label(), world.sections().get("verse"));
            String visual = variants.get(occurrence % variants.size())
                    .replace("{protagonist}", shortName(world.protagonist())).replace("{setting}", world.setting());
            visual = capitalise(visual);
            String lyric = skeleton.path("lyricLine").asText(null);
            if (lyric != null) {
                visual = visual + " The images echo the lyric \"" + lyric.split(" / ")[0] + "\".";
            }
            if (occurrence > 0 && occurrence >= variants.size()) {
                visual = visual + " This time the world is brighter and busier than before.";
            }
            ObjectNode beat = beats.addObject();
            copyTiming(skeleton, beat);
            beat.put("visualIntent", cut(visual, MAX_VISUAL));
            if (first && song.hasNonNull("title")) {
                String card = song.path("title").asText() + (song.hasNonNull("artist") ? " — " + song.path("artist").asText() : "");
                beat.put("onScreenText", cut(card, MAX_TEXT));
            }
            if (lyric != null) {
                beat.put("lyricLine", lyric);
            }
            beat.put("emotion", songEmotion(purpose, skeleton.path("energy").asDouble(0.5), moods));
            first = false;
        }
    }

    private static void copyTiming(JsonNode skeleton, ObjectNode beat) {
        beat.put("index", skeleton.path("index").asInt());
        beat.put("purpose", skeleton.path("purpose").asText());
        beat.put("startSeconds", skeleton.path("startSeconds").asDouble());
        beat.put("durationSeconds", skeleton.path("durationSeconds").asDouble());
        if (skeleton.hasNonNull("sectionLabel")) {
            beat.put("sectionLabel", skeleton.path("sectionLabel").asText());
        }
    }

    private static List<String> moods(String mood, List<String> fallback) {
        if (mood == null || mood.isBlank()) {
            return fallback;
        }
        List<String> words = List.of(mood.split("\\s*,\\s*|\\s+and\\s+")).stream().map(String::strip)
                .filter(w -> !w.isEmpty() && w.length() <= 40).toList();
        return words.isEmpty() ? fallback : words;
    }

    private static String songEmotion(BeatPurpose purpose, double energy, List<String> moods) {
        int n = moods.size();
        return switch (purpose) {
            case INTRO, VERSE -> moods.get(0);
            case PRE_CHORUS -> "anticipation";
            case CHORUS -> energy >= 0.85 ? "euphoria" : moods.get(1 % n);
            case BRIDGE -> n > 2 ? moods.get(2) : "reflection";
            case INSTRUMENTAL -> moods.get(1 % n);
            case OUTRO -> moods.get(n - 1);
            default -> moods.get(0);
        };
    }

    /** The narration if a person can say it within the beat, else null. */
    private static String speakable(String narration, double seconds, double wordsPerSecond) {
        if (narration == null || narration.isBlank()) {
            return null;
        }
        int words = narration.trim().split("\\s+").length;
        return words <= wordsPerSecond * seconds + 1 ? cut(narration, 600) : null;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /**
     * "a driver in a silver bomber jacket at the wheel of …" becomes "the driver": the continuity subject carries
     * the full description in every prompt, so scene text can name the protagonist briefly.
     */
    static String shortName(String protagonist) {
        String head = protagonist.strip().split("\\s+(in|with|at|behind|on|wearing|holding)\\s+")[0];
        return head.replaceFirst("^(?i)(a|an|the)\\s+", "the ");
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String head = text.substring(0, text.offsetByCodePoints(0, max - 1));
        int space = head.lastIndexOf(' ');
        return (space > max / 2 ? head.substring(0, space) : head).stripTrailing() + "…";
    }

    /** Fills a world template's placeholders for one beat. */
    static final class Template {
        private final ProductFacts facts;
        private final Worlds.ProductWorld world;
        private final String message;
        private final String detail;

        Template(ProductFacts facts, Worlds.ProductWorld world, String message, String detail) {
            this.facts = facts;
            this.world = world;
            this.message = message;
            this.detail = detail;
        }

        String fill(String template) {
            if (template == null) {
                return null;
            }
            String text = template;
            if (message != null) {
                // mid-sentence the message loses its capital: "a cutaway: up to 3 units of heat …"
                text = text.replace(": {message}", ": " + ProductFacts.lowerFirst(message.strip().replaceAll("[.]+$", "")));
            }
            text = text
                    .replace("{protagonist}", world.protagonist())
                    .replace("{setting}", world.setting().replace("{product}", facts.name))
                    .replace("{product}", facts.name)
                    .replace("{look}", facts.look)
                    .replace("{detail}", detail)
                    .replace("{audience}", facts.audience)
                    .replace("{cta}", facts.cta)
                    .replace("{offer}", facts.offer == null ? facts.cta : facts.offer)
                    .replace("{message}", message == null ? facts.name : message.strip().replaceAll("[.]+$", ""));
            // "close on the {detail}" with a detail that brings its own article
            text = text.replaceAll("\\b([Tt])he (a|an|the) ", "$2 ").replace("..", ".");
            return capitalise(text.strip());
        }
    }
}
