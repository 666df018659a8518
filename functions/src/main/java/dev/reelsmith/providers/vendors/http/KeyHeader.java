package dev.reelsmith.providers.vendors.http;

import java.util.Objects;

/**
 * Where a vendor expects its API key: the header name and what precedes the key in it.
 *
 * @param name   e.g. {@code Authorization}
 * @param prefix e.g. {@code "Bearer "}; empty for headers that carry the bare key
 */
public record KeyHeader(String name, String prefix) {
    /** {@code Authorization: Bearer <key>} (Runway, Luma, OpenAI, Replicate). */
    public static final KeyHeader BEARER = new KeyHeader("Authorization", "Bearer ");
    /** {@code x-goog-api-key: <key>} (the Gemini API). */
    public static final KeyHeader GOOGLE = new KeyHeader("x-goog-api-key", "");

    public KeyHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
    }
}
