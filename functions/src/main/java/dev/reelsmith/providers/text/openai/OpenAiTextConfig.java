package dev.reelsmith.providers.text.openai;

import dev.reelsmith.providers.text.TokenPrices;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OpenAiTextModel} calls an OpenAI-compatible Chat Completions endpoint.
 *
 * @param baseUrl         the API root, e.g. {@link #DEFAULT_BASE_URL}; {@code /chat/completions} is appended. Any
 *                        OpenAI-compatible server works if it supports {@code response_format: json_schema}
 * @param model           the model name, e.g. {@link #DEFAULT_MODEL}
 * @param prices          what the model costs per 1,000 tokens (from the tool catalog)
 * @param maxOutputTokens the model's largest answer in tokens, 1–200,000: requests are clamped to it and a repair
 *                        after a cut-off answer never asks for more
 * @param connectTimeout  how long connecting may take, 1 s – 5 min
 * @param requestTimeout  how long one call may take until the response arrives, 1 s – 15 min (the Lambda limit)
 * @param sendTemperature whether to send {@code temperature}; reasoning models (o-series, gpt-5) reject any value
 *                        but the default, so set false for them
 */
public record OpenAiTextConfig(URI baseUrl, String model, TokenPrices prices, int maxOutputTokens,
                               Duration connectTimeout, Duration requestTimeout, boolean sendTemperature) {
    /** OpenAI's own API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");
    /** A non-reasoning model with strict structured outputs that accepts a temperature. */
    public static final String DEFAULT_MODEL = "gpt-4.1-mini";
    /** Half of gpt-4.1-mini's 32,768-token output limit, and above what one planning artifact needs. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 16_384;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long plans take a minute or more to generate; Lambda allows 15. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(3);

    public OpenAiTextConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!baseUrl.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme)) || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL without query, fragment or user info,"
                    + " such as https://api.openai.com/v1, was " + baseUrl);
        }
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUrl = URI.create(text);
        if (model == null || !model.matches("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,255}")) {
            throw new IllegalArgumentException("model must be a model name such as gpt-4.1-mini, was " + model);
        }
        Objects.requireNonNull(prices, "prices");
        if (maxOutputTokens < 1 || maxOutputTokens > 200_000) {
            throw new IllegalArgumentException("maxOutputTokens must be between 1 and 200000, was " + maxOutputTokens);
        }
        requireBetween(connectTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5), "connectTimeout");
        requireBetween(requestTimeout, Duration.ofSeconds(1), Duration.ofMinutes(15), "requestTimeout");
    }

    private static void requireBetween(Duration value, Duration min, Duration max, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min.toSeconds() + " s and "
                    + max.toSeconds() + " s, was " + value);
        }
    }

    /** OpenAI's API with the default output limit and timeouts, sending the temperature. */
    public static OpenAiTextConfig of(String model, TokenPrices prices) {
        return new OpenAiTextConfig(DEFAULT_BASE_URL, model, prices, DEFAULT_MAX_OUTPUT_TOKENS,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, true);
    }

    /** The same settings against another OpenAI-compatible server. */
    public OpenAiTextConfig withBaseUrl(URI otherBaseUrl) {
        return new OpenAiTextConfig(otherBaseUrl, model, prices, maxOutputTokens, connectTimeout, requestTimeout,
                sendTemperature);
    }

    /** The same settings with other timeouts. */
    public OpenAiTextConfig withTimeouts(Duration otherConnectTimeout, Duration otherRequestTimeout) {
        return new OpenAiTextConfig(baseUrl, model, prices, maxOutputTokens, otherConnectTimeout, otherRequestTimeout,
                sendTemperature);
    }
}
