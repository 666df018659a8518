package dev.reelsmith.local.asl;

/** Thrown when StartExecution reuses an execution name of the state machine with a different input, or the execution with that name has closed (AWS {@code ExecutionAlreadyExists}). */
public final class ExecutionAlreadyExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExecutionAlreadyExistsException(String message) {
        super(message);
    }
}
