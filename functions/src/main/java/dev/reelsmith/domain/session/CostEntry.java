package dev.reelsmith.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One paid (or free, or cached) generation call, recorded exactly once under {@link #id()}.
 *
 * @param id           deterministic: the same call retried has the same id, e.g. {@code keyframe#s01#openai-gpt-image-1.5-low#0}
 * @param stage        where it was spent
 * @param shotId       the shot, or null for run-wide calls (music, text models)
 * @param toolId       the catalog tool
 * @param provider     the provider id
 * @param model        the model id
 * @param quantity     billed units
 * @param unit         what the quantity counts ({@code image}, {@code second}, {@code token})
 * @param unitPriceUsd price of one unit
 * @param totalUsd     what was billed (0 for local and for cache hits)
 * @param cached       true when the result came from the generation cache (nothing billed)
 * @param at           when it was recorded
 */
public record CostEntry(String id, Stage stage, String shotId, String toolId, String provider, String model,
                        BigDecimal quantity, String unit, BigDecimal unitPriceUsd, BigDecimal totalUsd,
                        boolean cached, Instant at) {
    public CostEntry {
        if (id == null || id.isBlank() || id.length() > 300) {
            throw new IllegalArgumentException("cost entry id must be 1-300 characters, was " + id);
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(toolId, "toolId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
        for (BigDecimal amount : new BigDecimal[] {quantity, unitPriceUsd, totalUsd}) {
            if (amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("cost entry " + id + ": quantity, unitPriceUsd and totalUsd must "
                        + "be at least 0, were " + quantity + ", " + unitPriceUsd + ", " + totalUsd);
            }
        }
        Objects.requireNonNull(at, "at");
    }
}
