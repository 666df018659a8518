package dev.reelsmith.providers.text;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a text model charges, in US dollars per 1,000 tokens. Supplied by the caller (the tool catalog), never
 * hard-coded in an adapter, because prices differ by model, region and contract and change over time.
 *
 * @param inputPer1k  price of 1,000 prompt tokens; never negative
 * @param outputPer1k price of 1,000 completion tokens; never negative
 */
public record TokenPrices(BigDecimal inputPer1k, BigDecimal outputPer1k) {
    /** For models that cost nothing (self-hosted, tests). */
    public static final TokenPrices FREE = new TokenPrices(BigDecimal.ZERO, BigDecimal.ZERO);

    public TokenPrices {
        Objects.requireNonNull(inputPer1k, "inputPer1k");
        Objects.requireNonNull(outputPer1k, "outputPer1k");
        if (inputPer1k.signum() < 0) {
            throw new IllegalArgumentException("inputPer1k must be >= 0, was " + inputPer1k);
        }
        if (outputPer1k.signum() < 0) {
            throw new IllegalArgumentException("outputPer1k must be >= 0, was " + outputPer1k);
        }
    }

    /** Prices written as decimal strings, e.g. {@code TokenPrices.of("0.001", "0.005")}, to avoid binary fractions. */
    public static TokenPrices of(String inputPer1k, String outputPer1k) {
        return new TokenPrices(new BigDecimal(inputPer1k), new BigDecimal(outputPer1k));
    }

    /**
     * The usage record for one billed call: exact decimal arithmetic, no rounding.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public TokenUsage usage(long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, were " + inputTokens + " and " + outputTokens);
        }
        BigDecimal cost = inputPer1k.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPer1k.multiply(BigDecimal.valueOf(outputTokens)))
                .movePointLeft(3);
        return new TokenUsage(inputTokens, outputTokens, cost);
    }
}
