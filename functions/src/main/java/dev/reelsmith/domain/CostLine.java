package dev.reelsmith.domain;

import java.math.BigDecimal;

/**
 * A cost of a production plan that belongs to no single shot: the soundtrack, the planning calls.
 *
 * @param item    what it is for, e.g. {@code soundtrack} or {@code planning} (1-40 characters)
 * @param toolId  the catalog tool that makes it
 * @param costUsd what it costs
 * @param note    how the figure was reached (1-300 characters)
 */
public record CostLine(String item, String toolId, BigDecimal costUsd, String note) {
    public CostLine {
        FieldRules rules = FieldRules.labelled("cost line " + item);
        rules.requiredText("item", item, 40);
        rules.requiredText("toolId", toolId, 80);
        Money.notNegative(rules, "costUsd", costUsd);
        rules.requiredText("note", note, 300);
    }
}
