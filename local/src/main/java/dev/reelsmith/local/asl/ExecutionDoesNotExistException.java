package dev.reelsmith.local.asl;

/** Thrown when no execution has the given ARN (AWS {@code ExecutionDoesNotExist}). */
public final class ExecutionDoesNotExistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExecutionDoesNotExistException(String message) {
        super(message);
    }
}
