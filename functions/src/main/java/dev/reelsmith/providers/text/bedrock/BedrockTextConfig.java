package dev.reelsmith.providers.text.bedrock;

import dev.reelsmith.providers.text.TokenPrices;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link BedrockTextModel} calls Bedrock.
 *
 * @param modelId         a model id or inference profile id that supports Converse with a forced tool
 *                        (Anthropic Claude 3+, Amazon Nova, Mistral Large), e.g. {@link #DEFAULT_MODEL_ID}
 * @param prices          what the model costs per 1,000 tokens (from the tool catalog)
 * @param maxOutputTokens the model's largest answer in tokens, 1–200,000: requests are clamped to it and a
 *                        repair after a cut-off answer never asks for more
 * @param timeout         how long one Converse call may take end to end, 1 s – 15 min (the Lambda limit)
 */
public record BedrockTextConfig(String modelId, TokenPrices prices, int maxOutputTokens, Duration timeout) {
    /**
     * Claude Haiku 4.5 through the global cross-region inference profile: fast and inexpensive enough for
     * planning, supports forced tool use, and callable from any commercial region (Claude 4.5 models are not
     * offered on-demand by bare model id). Check availability with {@code ListInferenceProfiles}.
     */
    public static final String DEFAULT_MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
    /** Well under Claude Haiku 4.5's 64k output limit, and above what one planning artifact needs. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 16_384;
    /** Long plans take a minute or more to generate; Lambda allows 15. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    public BedrockTextConfig {
        if (modelId == null || !modelId.matches("[A-Za-z0-9][A-Za-z0-9.:/_+-]{0,2047}")) {
            throw new IllegalArgumentException("modelId must be a Bedrock model id, inference profile id or ARN, was "
                    + modelId);
        }
        Objects.requireNonNull(prices, "prices");
        if (maxOutputTokens < 1 || maxOutputTokens > 200_000) {
            throw new IllegalArgumentException("maxOutputTokens must be between 1 and 200000, was " + maxOutputTokens);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout must be between 1 s and 15 min, was " + timeout);
        }
    }

    /** A model with the default output limit and timeout. */
    public static BedrockTextConfig of(String modelId, TokenPrices prices) {
        return new BedrockTextConfig(modelId, prices, DEFAULT_MAX_OUTPUT_TOKENS, DEFAULT_TIMEOUT);
    }
}
