package dev.reelsmith.providers.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import java.util.List;

/**
 * A small answer type for the text-model tests: a schema for the structure and a constructor rule the schema
 * cannot express (no beat may repeat the title), like the planning records have.
 */
public record Pitch(String title, int durationSeconds, List<String> beats) {
    public static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "additionalProperties": false,
              "required": ["title", "durationSeconds", "beats"],
              "properties": {
                "title": {"type": "string", "minLength": 1, "maxLength": 80},
                "durationSeconds": {"type": "integer", "minimum": 6, "maximum": 600},
                "beats": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
              }
            }""";

    public Pitch {
        beats = List.copyOf(beats);
        if (beats.contains(title)) {
            throw new IllegalArgumentException("beats must not repeat the title \"" + title + "\"");
        }
    }

    public static JsonNode schema() {
        return json(SCHEMA);
    }

    /** A request for a pitch with the given output limit. */
    public static StructuredRequest<Pitch> request(int maxTokens) {
        return new StructuredRequest<>("pitch", "You write video pitches.", "Pitch a 30 second coffee ad.",
                schema(), Pitch.class, 0.7, maxTokens, Json.mapper().createObjectNode());
    }

    public static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
