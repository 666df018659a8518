package dev.reelsmith.providers.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated, typed answer.
 *
 * @param value    the answer bound to the requested type
 * @param json     the answer as JSON (what is persisted as the artifact)
 * @param usage    tokens and cost over all attempts
 * @param attempts 1, or 2 when the first answer had to be repaired
 */
public record StructuredResult<T>(T value, JsonNode json, TokenUsage usage, int attempts) {
    public StructuredResult {
        if (value == null || json == null || usage == null) {
            throw new IllegalArgumentException("value, json and usage are required");
        }
        if (attempts < 1 || attempts > 2) {
            throw new IllegalArgumentException("attempts must be 1 or 2, was " + attempts);
        }
    }
}
