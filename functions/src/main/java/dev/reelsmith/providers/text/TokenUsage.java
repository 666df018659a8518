package dev.reelsmith.providers.text;

import java.math.BigDecimal;

/**
 * Tokens billed for a call and what they cost.
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param costUsd      price of both at the model's catalog rates (zero for {@code local})
 */
public record TokenUsage(long inputTokens, long outputTokens, BigDecimal costUsd) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, BigDecimal.ZERO);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, were " + inputTokens + " and " + outputTokens);
        }
        if (costUsd == null || costUsd.signum() < 0) {
            throw new IllegalArgumentException("costUsd must be >= 0, was " + costUsd);
        }
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                costUsd.add(other.costUsd));
    }
}
