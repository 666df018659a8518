package dev.reelsmith.local.asl.task;

/**
 * Thrown by a {@link TaskResource} when the work it performs fails; becomes the Task state's error
 * ({@code Error}/{@code Cause} in the error output, {@code TaskFailed} in the history) and goes through the
 * state's Retry and Catch exactly as an AWS task failure does.
 */
public final class AslTaskFailure extends RuntimeException {
    private final String error;
    private final String cause;

    /**
     * @param error the error name Retry/Catch match on (for a Lambda handler: the exception's class name)
     * @param cause human-readable detail; {@code null} is reported as an empty cause
     */
    public AslTaskFailure(String error, String cause) {
        super(error + (cause == null || cause.isEmpty() ? "" : ": " + cause));
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("error must not be blank, was " + (error == null ? "null" : "'" + error + "'"));
        }
        this.error = error;
        this.cause = cause == null ? "" : cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
