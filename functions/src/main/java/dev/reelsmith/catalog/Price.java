package dev.reelsmith.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a tool costs, where the figure comes from, and whether an official source confirms it.
 *
 * @param unit      {@code image} (per generated image), {@code second} (per second of clip or music) or
 *                  {@code 1k-tokens} (per thousand input tokens; {@code outputUsd} per thousand output tokens)
 * @param usd       price of one unit in US dollars, at least 0
 * @param outputUsd for {@code 1k-tokens}: price per thousand output tokens; null otherwise
 * @param source    where the figure was read (a URL or a document and section)
 * @param verified  false when the figure is a third-party or launch figure not confirmed by the vendor
 */
public record Price(String unit, BigDecimal usd, BigDecimal outputUsd, String source, boolean verified) {
    public static final String IMAGE = "image";
    public static final String SECOND = "second";
    public static final String THOUSAND_TOKENS = "1k-tokens";

    public Price {
        if (!IMAGE.equals(unit) && !SECOND.equals(unit) && !THOUSAND_TOKENS.equals(unit)) {
            throw new IllegalArgumentException("price.unit must be one of image, second, 1k-tokens, was " + unit);
        }
        Objects.requireNonNull(usd, "price.usd");
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("price.usd must be >= 0, was " + usd.toPlainString());
        }
        if (THOUSAND_TOKENS.equals(unit) != (outputUsd != null)) {
            throw new IllegalArgumentException("price.outputUsd must be given exactly when unit is 1k-tokens, unit was "
                    + unit);
        }
        if (outputUsd != null && outputUsd.signum() < 0) {
            throw new IllegalArgumentException("price.outputUsd must be >= 0, was " + outputUsd.toPlainString());
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("price.source must name where the price was read");
        }
    }

    /** True when the tool costs nothing. */
    public boolean isFree() {
        return usd.signum() == 0 && (outputUsd == null || outputUsd.signum() == 0);
    }
}
