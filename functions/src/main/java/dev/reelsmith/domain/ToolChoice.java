package dev.reelsmith.domain;

import java.math.BigDecimal;

/**
 * One generation tool the production planner picked for a shot, with what it will bill: {@code quantity}
 * {@code unit}s at {@code unitPriceUsd}. The quantity is what the vendor bills, not what the shot needs (a 3.2 s
 * shot on a tool that makes 5 s clips bills 5 seconds).
 *
 * @param toolId         the tool's id in the catalog, e.g. {@code runway-gen4-turbo}
 * @param provider       the provider id, e.g. {@code runway}
 * @param model          the model id as the vendor names it, e.g. {@code gen4_turbo}
 * @param kind           image for keyframes, video for motion
 * @param quantity       billed units, at least 0
 * @param unit           what the quantity counts: {@code image} or {@code second}
 * @param unitPriceUsd   catalog price of one unit
 * @param costUsd        {@code quantity × unitPriceUsd}
 * @param latencySeconds typical wall time of the call (catalog estimate)
 * @param priceVerified  false when the catalog price is not confirmed by an official source
 */
public record ToolChoice(String toolId, String provider, String model, ToolKind kind, BigDecimal quantity,
                         String unit, BigDecimal unitPriceUsd, BigDecimal costUsd, double latencySeconds,
                         boolean priceVerified) {
    public ToolChoice {
        FieldRules rules = FieldRules.labelled("tool choice " + toolId);
        rules.requiredText("toolId", toolId, 80);
        rules.requiredText("provider", provider, 40);
        rules.providerId("provider", provider);
        rules.requiredText("model", model, 200);
        rules.required("kind", kind, "image or video");
        Money.notNegative(rules, "quantity", quantity);
        rules.requiredText("unit", unit, 20);
        Money.notNegative(rules, "unitPriceUsd", unitPriceUsd);
        Money.notNegative(rules, "costUsd", costUsd);
        if (!Money.same(costUsd, quantity.multiply(unitPriceUsd))) {
            throw rules.fail("costUsd", "consistency", "must be quantity × unitPriceUsd = "
                    + quantity.multiply(unitPriceUsd).toPlainString() + ", was " + costUsd.toPlainString());
        }
        rules.notNegative("latencySeconds", latencySeconds);
    }
}
