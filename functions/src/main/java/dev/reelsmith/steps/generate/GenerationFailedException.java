package dev.reelsmith.steps.generate;

/**
 * Thrown when a vendor finished a job without a result (its own FAILED or CANCELLED state). Not retried as is: the
 * state machine falls back to the next tool the plan ranks.
 */
public class GenerationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GenerationFailedException(String message) {
        super(message);
    }
}
