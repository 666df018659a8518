package dev.reelsmith.steps.plan;

/**
 * Thrown by the budget gate when the production plan's estimate exceeds the run's budget: the run stops before
 * anything is spent, and the message carries the estimate, the budget and the most expensive shots.
 */
public class OverBudgetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OverBudgetException(String message) {
        super(message);
    }
}
