package dev.reelsmith.local.asl;

/** Thrown when a task token belongs to a task that is no longer waiting: it completed, timed out, or its execution stopped (AWS {@code TaskTimedOut}). */
public final class TaskTimedOutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskTimedOutException(String message) {
        super(message);
    }
}
