package dev.reelsmith.providers.vendors.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.providers.vendors.http.ErrorBodies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Caches secret values for at most {@code maxAge}, so a container reads each secret once per period (not once per
 * call) and still picks up a rotated key without a redeploy. Values are kept only in memory.
 */
final class SecretCache {
    /** The field names a JSON secret may keep the key under, in order of preference. */
    private static final String[] KEY_FIELDS = {"apiKey", "api_key", "key", "token", "secret"};

    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    SecretCache(Duration maxAge, Clock clock) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("maxAge must be between 0 and 24 h, was " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cached value of {@code name}, fetched anew when older than the maximum age. */
    synchronized String get(String name, Function<String, String> fetch) {
        Instant now = clock.instant();
        Entry entry = entries.get(name);
        if (entry != null && !now.isAfter(entry.fetchedAt.plus(maxAge))) {
            return entry.value;
        }
        String value = keyOf(fetch.apply(name));
        entries.put(name, new Entry(value, now));
        return value;
    }

    /**
     * The key inside a stored value: a plain string as is (trimmed), or from a JSON object the first of
     * {@code apiKey}, {@code api_key}, {@code key}, {@code token}, {@code secret}, or its only string field.
     */
    static String keyOf(String stored) {
        String text = stored == null ? "" : stored.strip();
        if (!text.startsWith("{")) {
            return text;
        }
        JsonNode node = ErrorBodies.parse(text);
        if (!node.isObject()) {
            return text;
        }
        for (String field : KEY_FIELDS) {
            if (node.path(field).isTextual()) {
                return node.path(field).textValue().strip();
            }
        }
        if (node.size() == 1) {
            Iterator<JsonNode> values = node.elements();
            JsonNode only = values.next();
            if (only.isTextual()) {
                return only.textValue().strip();
            }
        }
        throw new IllegalArgumentException("the secret is a JSON object without an apiKey field");
    }

    private record Entry(String value, Instant fetchedAt) {
    }
}
