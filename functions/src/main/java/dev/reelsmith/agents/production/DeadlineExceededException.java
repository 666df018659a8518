package dev.reelsmith.agents.production;

import java.util.Locale;

/**
 * Thrown when no plan within the budget finishes before the brief's deadline, even with the fastest tools.
 * Terminal: the deadline, budget or preferences must change. Carries the breakdown of the fastest plan found.
 */
public class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CostBreakdown breakdown;

    public DeadlineExceededException(CostBreakdown breakdown) {
        super(String.format(Locale.ROOT, "no plan within the budget meets the %d-minute deadline: the fastest takes about "
                + "%.1f minutes", breakdown.deadlineMinutes(), breakdown.estimatedMinutes()));
        this.breakdown = breakdown;
    }

    /** The fastest plan within the budget, shot by shot. */
    public CostBreakdown breakdown() {
        return breakdown;
    }
}
