package dev.reelsmith.local.asl;

/** Thrown when an execution cannot be redriven: it is running or succeeded, or its redrive period or count is exhausted (AWS {@code ExecutionNotRedrivable}). */
public final class ExecutionNotRedrivableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExecutionNotRedrivableException(String message) {
        super(message);
    }
}
