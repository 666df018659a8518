package dev.reelsmith.store.cache;

import dev.reelsmith.providers.Cost;
import java.util.Map;
import java.util.Objects;

/**
 * What a fresh generation result is cached with, besides its file: how to serve it again and what it cost.
 *
 * @param mimeType   e.g. {@code image/png}, {@code video/mp4}
 * @param providerId the provider that generated it, e.g. {@code runway}
 * @param modelId    the provider's model id
 * @param cost       what the generation was billed
 * @param attributes facts a later hit needs to rebuild its result, e.g. {@code width}, {@code height},
 *                   {@code seed}, {@code durationSeconds}; may be empty
 */
public record GenerationRecord(String mimeType, String providerId, String modelId, Cost cost,
                               Map<String, String> attributes) {
    public GenerationRecord {
        notBlank(mimeType, "mimeType");
        notBlank(providerId, "providerId");
        notBlank(modelId, "modelId");
        Objects.requireNonNull(cost, "cost must not be null");
        Objects.requireNonNull(attributes, "attributes must not be null");
        attributes.forEach((name, value) -> {
            notBlank(name, "attribute names");
            Objects.requireNonNull(value, "attributes[" + name + "] must not be null");
        });
        attributes = Map.copyOf(attributes);
    }

    static void notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
