package dev.reelsmith.local.asl;

/**
 * Thrown when a well-formed task token was not issued by this engine, or was issued so long ago that the engine no
 * longer knows it (AWS {@code TaskDoesNotExist}). A token whose task has ended is {@link TaskTimedOutException}.
 */
public final class TaskDoesNotExistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskDoesNotExistException(String message) {
        super(message);
    }
}
