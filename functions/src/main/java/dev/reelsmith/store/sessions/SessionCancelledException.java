package dev.reelsmith.store.sessions;

/**
 * Thrown when a step tries to move a session that was cancelled meanwhile (its execution was stopped while the step
 * was running). Terminal: the execution is already aborted, and the session stays cancelled.
 */
public class SessionCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionCancelledException(String message) {
        super(message);
    }
}
