package dev.reelsmith.agents.shots;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.ShotType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The built-in shot library (classpath {@value #RESOURCE}): for every beat purpose a short list of shots that
 * serve it, with composition and lighting presets, and for every shot type the phrase and framing used in
 * prompts. The shot planner sends the relevant presets to the text model as suggestions; the offline planner
 * picks from them, varying framing and movement from shot to shot.
 */
public final class ShotLibrary {
    public static final String RESOURCE = "/agents/shot-library.json";

    private static volatile ShotLibrary builtIn;

    private final Map<BeatPurpose, List<ShotPreset>> presets;
    private final Map<ShotType, Framing> framings;

    /** How a shot type is named and framed in prompts. */
    public record Framing(String phrase, String framing) {
    }

    private ShotLibrary(Map<BeatPurpose, List<ShotPreset>> presets, Map<ShotType, Framing> framings) {
        this.presets = presets;
        this.framings = framings;
    }

    /** The library shipped with Reelsmith; every purpose and every shot type has an entry. */
    public static ShotLibrary builtIn() {
        ShotLibrary library = builtIn;
        if (library == null) {
            try (InputStream in = ShotLibrary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the shot library " + RESOURCE + " is missing from the classpath");
                }
                library = parse(Json.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shot library", e);
            }
            builtIn = library;
        }
        return library;
    }

    static ShotLibrary parse(JsonNode root) throws IOException {
        Map<BeatPurpose, List<ShotPreset>> presets = new EnumMap<>(BeatPurpose.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("purposes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<ShotPreset> list = new ArrayList<>();
            for (JsonNode preset : entry.getValue()) {
                list.add(Json.mapper().treeToValue(preset, ShotPreset.class));
            }
            presets.put(BeatPurpose.fromLabel(entry.getKey()), List.copyOf(list));
        }
        Map<ShotType, Framing> framings = new EnumMap<>(ShotType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("shotTypes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            framings.put(ShotType.fromLabel(entry.getKey()),
                    new Framing(entry.getValue().path("phrase").asText(), entry.getValue().path("framing").asText()));
        }
        for (BeatPurpose purpose : BeatPurpose.values()) {
            if (!presets.containsKey(purpose) || presets.get(purpose).isEmpty()) {
                throw new IllegalStateException("the shot library has no presets for purpose " + purpose.label());
            }
        }
        for (ShotType type : ShotType.values()) {
            if (!framings.containsKey(type)) {
                throw new IllegalStateException("the shot library does not describe shot type " + type.label());
            }
        }
        return new ShotLibrary(presets, framings);
    }

    /** The presets for a purpose, best first. */
    public List<ShotPreset> presets(BeatPurpose purpose) {
        return presets.get(purpose);
    }

    /** The prompt phrase and framing of a shot type. */
    public Framing framing(ShotType type) {
        return framings.get(type);
    }

    /** Every shot type's framing, for the model's context. */
    public Map<ShotType, Framing> framings() {
        return Map.copyOf(framings);
    }
}
