package dev.reelsmith.providers;

import java.math.BigDecimal;

/**
 * What one generation call was billed: {@code quantity} units of {@code unit} at {@code unitPriceUsd} each,
 * {@code totalUsd} in all. Providers return it with every finished image, clip or music bed so the run's cost
 * report records exactly what was spent; the local providers return {@link #free} costs.
 *
 * <p>{@code totalUsd} is kept separately rather than derived because vendors round or bill in blocks (a 10 s
 * clip billed as two 5 s blocks, a minimum charge); {@link #of} computes it when the bill is a plain product.
 *
 * @param quantity     billed quantity, e.g. {@code 1} image or {@code 5} seconds; never negative
 * @param unit         what the quantity counts, e.g. {@link #IMAGE}, {@link #SECOND}, {@link #TOKEN}
 * @param unitPriceUsd price of one unit in US dollars; never negative
 * @param totalUsd     amount billed in US dollars; never negative
 */
public record Cost(BigDecimal quantity, String unit, BigDecimal unitPriceUsd, BigDecimal totalUsd) {
    /** Unit for per-image pricing. */
    public static final String IMAGE = "image";
    /** Unit for per-second pricing of clips and music. */
    public static final String SECOND = "second";
    /** Unit for token-priced models. */
    public static final String TOKEN = "token";

    public Cost {
        Checks.notNegative(quantity, "quantity");
        Checks.notBlank(unit, "unit");
        Checks.notNegative(unitPriceUsd, "unitPriceUsd");
        Checks.notNegative(totalUsd, "totalUsd");
    }

    /** A plain product bill: {@code quantity × unitPriceUsd}. */
    public static Cost of(BigDecimal quantity, String unit, BigDecimal unitPriceUsd) {
        Checks.notNegative(quantity, "quantity");
        Checks.notNegative(unitPriceUsd, "unitPriceUsd");
        return new Cost(quantity, unit, unitPriceUsd, quantity.multiply(unitPriceUsd));
    }

    /** What the local providers return: the quantity produced, at no charge. */
    public static Cost free(BigDecimal quantity, String unit) {
        return new Cost(quantity, unit, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** True when nothing was charged. */
    public boolean isFree() {
        return totalUsd.signum() == 0;
    }
}
