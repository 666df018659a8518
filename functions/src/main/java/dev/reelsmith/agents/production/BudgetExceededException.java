package dev.reelsmith.agents.production;

import java.math.RoundingMode;

/**
 * Thrown when no plan fits the budget: even the cheapest way to make every shot (with generated clips when
 * downgrades are not allowed, with the free local tools when they are) costs more than the run may spend.
 * Terminal: the brief's budget or preferences must change. Carries the breakdown of that cheapest plan.
 */
public class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CostBreakdown breakdown;

    public BudgetExceededException(String reason, CostBreakdown breakdown) {
        super(reason + " (cheapest plan $" + breakdown.totalUsd().setScale(2, RoundingMode.HALF_UP).toPlainString()
                + ", budget $" + breakdown.budgetUsd().setScale(2, RoundingMode.HALF_UP).toPlainString() + ")");
        this.breakdown = breakdown;
    }

    /** The cheapest plan, shot by shot. */
    public CostBreakdown breakdown() {
        return breakdown;
    }
}
