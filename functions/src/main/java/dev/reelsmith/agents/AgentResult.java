package dev.reelsmith.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.Objects;

/**
 * What a planning agent produced: the artifact, its JSON (what is persisted), the tokens and cost of every model
 * call it took, and how many answers the model gave (2 when the first had to be repaired).
 *
 * @param value    the artifact
 * @param json     the artifact as JSON
 * @param usage    tokens and cost over all calls
 * @param attempts model answers requested, 0 when no call was needed
 */
public record AgentResult<T>(T value, JsonNode json, TokenUsage usage, int attempts) {
    public AgentResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(usage, "usage");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
    }
}
