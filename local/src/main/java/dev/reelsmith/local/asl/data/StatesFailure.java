package dev.reelsmith.local.asl.data;

/**
 * Thrown when processing a state fails with a Step Functions error ({@code States.Runtime},
 * {@code States.QueryEvaluationError}, {@code States.ResultPathMatchFailure}, ...). The engine turns it into the
 * state's error output and applies Retry/Catch to it.
 */
public final class StatesFailure extends RuntimeException {
    private final String error;
    private final String cause;

    public StatesFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    /** The error name, e.g. {@code States.Runtime}. */
    public String error() {
        return error;
    }

    /** The human-readable cause. */
    public String cause() {
        return cause;
    }
}
