package dev.reelsmith.providers.text.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Lens;
import dev.reelsmith.domain.Lighting;
import dev.reelsmith.domain.ShotType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the shot list from the shot planner's context without a model: one shot per slot, framing from the
 * beat's library presets (rotated so consecutive shots differ and repeated sections do not repeat themselves),
 * lighting adapted to the world (neon for a night-time synthwave video, dawn for a pre-work run), the beat's
 * visual intent on its first shot and the world's cutaways on the others, and keyframe prompts that carry the
 * continuity subject, style keywords and palette (as colour names) in every shot.
 */
final class ShotAuthor {
    private static final Set<BeatPurpose> PRODUCT_BEATS = EnumSet.of(BeatPurpose.SOLUTION,
            BeatPurpose.PROOF, BeatPurpose.BENEFIT, BeatPurpose.OFFER, BeatPurpose.CTA, BeatPurpose.HOW_IT_WORKS,
            BeatPurpose.SUMMARY);
    private static final String BASE_NEGATIVE = "blurry, low resolution, distorted anatomy, extra fingers, duplicated "
            + "limbs, warped faces, watermark, signature, garbled text, misspelled logo";
    private static final List<CameraMovement> SWAP_MOVES = List.of(CameraMovement.TILT_UP, CameraMovement.PAN_RIGHT,
            CameraMovement.PULL_OUT, CameraMovement.PUSH_IN, CameraMovement.PAN_LEFT);

    private final Worlds worlds;

    ShotAuthor(Worlds worlds) {
        this.worlds = worlds;
    }

    /** A preset as the context carries it. */
    private record Preset(ShotType type, CameraMovement move, Lens lens, Lighting lighting, String composition) {
    }

    ObjectNode write(JsonNode context) {
        boolean song = context.has("song");
        JsonNode brief = context.path("brief");
        Worlds.ProductWorld productWorld = song ? null : worlds.forBrief(brief);
        Worlds.SongWorld songWorld = song ? worlds.forSong(context.path("song")) : null;
        ProductFacts facts = song ? null : new ProductFacts(brief);
        boolean explainer = "explainer".equals(context.path("kind").asText());
        Tone tone = song ? Tone.of(context.path("song").path("mood").asText(null), Tone.WARM)
                : Tone.of(brief.path("tone").asText(null), explainer ? Tone.CLEAR : Tone.ENERGETIC);
        Map<String, String> lighting = song ? songWorld.lighting() : productWorld.lighting();
        List<String> cutaways = song ? songWorld.cutaways() : productWorld.cutaways();

        JsonNode fixed = context.path("continuity");
        ObjectNode continuity = Json.mapper().createObjectNode();
        continuity.put("seed", fixed.path("seed").asLong());
        String subject = fixed.hasNonNull("subject") ? fixed.path("subject").asText()
                : ScriptAuthor.capitalise(songWorld.protagonist()) + ", in " + songWorld.setting();
        continuity.put("subject", subject);
        List<String> palette = Worlds.texts(fixed.path("palette"));
        if (palette.isEmpty()) {
            palette = song ? songWorld.palette() : productWorld.palette();
        }
        continuity.set("palette", Json.mapper().valueToTree(palette));
        List<String> keywords = Worlds.texts(fixed.path("styleKeywords"));
        if (keywords.isEmpty()) {
            List<String> chosen = new ArrayList<>(song ? songWorld.styleKeywords() : productWorld.styleKeywords());
            chosen.add(tone.styleKeyword());
            keywords = chosen;
        }
        continuity.set("styleKeywords", Json.mapper().valueToTree(keywords));

        String aspect = context.path("aspectRatio").asText();
        String colours = String.join(", ", ColourNames.of(palette));
        String subjectSentence = (song ? "Protagonist and world, the same in every shot: " : "Product, identical in every shot: ")
                + subject.strip().replaceAll("[.]+$", "");
        String negativeBase = BASE_NEGATIVE + (song ? ", lyrics text, subtitles" : ", competitor logos, off-brand colours, "
                + "deformed or melted product");

        ObjectNode out = Json.mapper().createObjectNode();
        out.put("kind", context.path("kind").asText());
        out.put("aspectRatio", aspect);
        out.put("durationSeconds", context.path("durationSeconds").asDouble());
        ArrayNode shots = out.putArray("shots");
        JsonNode beats = context.path("beats");
        int total = 0;
        for (JsonNode beat : beats) {
            total += beat.path("slots").size();
        }
        Map<BeatPurpose, Integer> seen = new EnumMap<>(BeatPurpose.class);
        Preset previous = null;
        BeatPurpose previousPurpose = null;
        int index = 0;
        for (int b = 0; b < beats.size(); b++) {
            JsonNode beat = beats.get(b);
            BeatPurpose purpose = BeatPurpose.fromLabel(beat.path("purpose").asText());
            int occurrence = seen.merge(purpose, 1, Integer::sum) - 1;
            List<Preset> presets = presets(beat.path("presets"));
            JsonNode slots = beat.path("slots");
            String message = beat.path("keyMessage").asText(null);
            ScriptAuthor.Template template = song ? null : new ScriptAuthor.Template(facts, productWorld, message,
                    facts.detailFor(message, beat.path("index").asInt() + 1));
            for (int j = 0; j < slots.size(); j++) {
                JsonNode slot = slots.get(j);
                Preset preset = choose(presets, occurrence + j, previous);
                Lighting light = Lighting.fromLabel(lighting.getOrDefault(preset.lighting().label(), preset.lighting().label()));
                String description = description(beat, j, occurrence, cutaways, song ? songWorld : null, template);
                String text = null;
                if (purpose == BeatPurpose.CTA ? j == slots.size() - 1 : j == 0) {
                    text = beat.path("onScreenText").asText(null);
                }
                String composition = preset.composition();
                if (text != null) {
                    composition = ScriptAuthor.cut(composition + "; clean space for the on-screen text", 200);
                }
                ObjectNode shot = shots.addObject();
                shot.put("id", total > 99 ? String.format(Locale.ROOT, "s%03d", index + 1)
                        : String.format(Locale.ROOT, "s%02d", index + 1));
                shot.put("beatIndex", beat.path("index").asInt());
                shot.put("index", index);
                shot.put("startSeconds", slot.path("startSeconds").asDouble());
                shot.put("durationSeconds", slot.path("durationSeconds").asDouble());
                shot.put("shotType", preset.type().label());
                shot.put("cameraMovement", preset.move().label());
                shot.put("lens", preset.lens().label());
                shot.put("lighting", light.label());
                shot.put("composition", composition);
                shot.put("description", ScriptAuthor.cut(description, 1000));
                String phrase = context.path("shotTypes").path(preset.type().label()).path("phrase").asText(preset.type().label());
                String prompt = String.format(Locale.ROOT, "%s, %s lens: %s. Composition: %s. Lighting: %s. %s. Style: %s. "
                                + "Colour palette: %s. %s%s.", ScriptAuthor.capitalise(phrase), preset.lens().label(),
                        description.strip().replaceAll("[.]+$", ""), composition, lightingPhrase(light), subjectSentence,
                        String.join(", ", keywords), colours, aspectPhrase(aspect),
                        text != null ? ", with clean negative space for on-screen text" : "");
                shot.put("keyframePrompt", ScriptAuthor.cut(prompt, 4000));
                shot.put("negativePrompt", ScriptAuthor.cut(negativeBase + (text != null ? ", text, lettering, captions" : ""),
                        1000));
                shot.set("continuity", continuity);
                if (text != null) {
                    shot.put("onScreenText", text);
                }
                shot.put("transitionIn", (j == 0 && index > 0 ? transition(purpose, previousPurpose, tone, song) : "cut"));
                previous = preset;
                index++;
            }
            previousPurpose = purpose;
        }
        return out;
    }

    private static List<Preset> presets(JsonNode array) {
        List<Preset> presets = new ArrayList<>();
        for (JsonNode p : array) {
            presets.add(new Preset(ShotType.fromLabel(p.path("shotType").asText()),
                    CameraMovement.fromLabel(p.path("cameraMovement").asText()), Lens.fromLabel(p.path("lens").asText()),
                    Lighting.fromLabel(p.path("lighting").asText()), p.path("composition").asText()));
        }
        if (presets.isEmpty()) {
            presets.add(new Preset(ShotType.MEDIUM, CameraMovement.PUSH_IN, Lens.NORMAL_50, Lighting.NATURAL,
                    "subject on the left third, lead room to the right"));
        }
        return presets;
    }

    /**
     * Rotates through the presets from {@code start}, taking the first whose framing differs from the previous
     * shot's; if it repeats the previous camera move, the move is swapped so neither framing nor move repeats.
     */
    private static Preset choose(List<Preset> presets, int start, Preset previous) {
        int n = presets.size();
        if (previous == null) {
            return presets.get(start % n);
        }
        for (int k = 0; k < n; k++) {
            Preset candidate = presets.get((start + k) % n);
            if (candidate.type() != previous.type()) {
                return candidate.move() != previous.move() ? candidate : withMove(candidate, previous.move());
            }
        }
        return withMove(presets.get(start % n), previous.move());
    }

    private static Preset withMove(Preset preset, CameraMovement avoid) {
        for (CameraMovement move : SWAP_MOVES) {
            if (move != avoid && move != preset.move()) {
                return new Preset(preset.type(), move, preset.lens(), preset.lighting(), preset.composition());
            }
        }
        return preset;
    }

    /**
     * What a shot shows: the beat's visual intent on its first shot; on later shots of an ad beat, the intent's
     * other moments (its clauses) so the cut stays inside the same scene, else a cutaway that suits the beat
     * (product details only once the product is on screen); music videos return to the intent every third shot
     * and cut away to the world's textures in between.
     */
    private static String description(JsonNode beat, int slot, int occurrence, List<String> cutaways,
                                      Worlds.SongWorld songWorld, ScriptAuthor.Template template) {
        String intent = beat.path("visualIntent").asText();
        if (slot == 0) {
            return intent;
        }
        BeatPurpose purpose = BeatPurpose.fromLabel(beat.path("purpose").asText());
        if (songWorld == null) {
            List<String> moments = moments(intent);
            if (moments.size() >= 2) {
                return ScriptAuthor.capitalise(moments.get(1 + (slot - 1) % (moments.size() - 1))) + ".";
            }
        } else if (slot % 3 == 0) {
            return "Closer on the same moment: " + ProductFacts.lowerFirst(intent);
        }
        boolean productOnScreen = songWorld == null && PRODUCT_BEATS.contains(purpose);
        List<String> suitable = cutaways.stream().filter(c -> (c.contains("{product}") || c.contains("{detail}"))
                == productOnScreen).toList();
        if (suitable.isEmpty()) {
            suitable = cutaways;
        }
        if (suitable.isEmpty()) {
            return "Closer on the same moment: " + ProductFacts.lowerFirst(intent);
        }
        String cutaway = suitable.get(Math.floorMod(slot - 1 + occurrence * 2, suitable.size()));
        String filled = songWorld != null
                ? cutaway.replace("{protagonist}", ScriptAuthor.shortName(songWorld.protagonist()))
                        .replace("{setting}", songWorld.setting())
                : template.fill(cutaway);
        return ScriptAuthor.capitalise(filled) + ", within the moment: " + ProductFacts.lowerFirst(firstSentence(intent));
    }

    /** The clauses of a visual intent that can stand as shots of their own (four words or more). */
    static List<String> moments(String intent) {
        List<String> moments = new ArrayList<>();
        for (String piece : intent.split(";\\s+|:\\s+|\\.\\s+|,\\s+(?=[a-z])")) {
            String moment = piece.strip().replaceAll("[.]+$", "");
            if (moment.split("\\s+").length >= 4) {
                moments.add(moment);
            }
        }
        return moments;
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return (end > 0 ? text.substring(0, end) : text).strip().replaceAll("[.]+$", "") + ".";
    }

    private static String transition(BeatPurpose purpose, BeatPurpose previous, Tone tone, boolean song) {
        if (song) {
            if (purpose == BeatPurpose.BRIDGE || purpose == BeatPurpose.OUTRO || previous == BeatPurpose.INTRO
                    && tone != Tone.ENERGETIC) {
                return "crossfade";
            }
            return "cut";
        }
        if (purpose == BeatPurpose.SOLUTION && (previous == BeatPurpose.AGITATION || previous == BeatPurpose.PROBLEM)) {
            return "dip-to-black";
        }
        if (purpose == BeatPurpose.CTA && (tone == Tone.WARM || tone == Tone.PREMIUM)) {
            return "crossfade";
        }
        if ((purpose == BeatPurpose.HOW_IT_WORKS && previous != BeatPurpose.HOW_IT_WORKS) || purpose == BeatPurpose.SUMMARY) {
            return "crossfade";
        }
        return "cut";
    }

    private static String lightingPhrase(Lighting lighting) {
        return switch (lighting) {
            case NATURAL -> "soft natural daylight";
            case GOLDEN_HOUR -> "warm golden-hour sunlight with long shadows";
            case BLUE_HOUR -> "cool blue-hour twilight";
            case OVERCAST -> "soft, even overcast light";
            case HIGH_KEY -> "bright high-key lighting with minimal shadows";
            case LOW_KEY -> "dramatic low-key lighting with deep shadows";
            case STUDIO -> "controlled studio lighting, softbox key and crisp rim light";
            case BACKLIT -> "strong backlight with a glowing rim";
            case PRACTICAL -> "motivated practical lights within the scene";
            case NEON -> "saturated neon light with coloured reflections";
            case NIGHT -> "night-time darkness lit by street lights";
        };
    }

    private static String aspectPhrase(String aspect) {
        return switch (aspect) {
            case "9:16" -> "Vertical 9:16 frame, subject kept inside the central safe area";
            case "1:1" -> "Square 1:1 frame, subject centred";
            default -> "Widescreen 16:9 frame";
        };
    }
}
