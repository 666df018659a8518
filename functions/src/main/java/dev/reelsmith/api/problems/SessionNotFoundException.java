package dev.reelsmith.api.problems;

/**
 * Thrown when a session does not exist or belongs to another caller (both look the same from outside, on purpose).
 */
public final class SessionNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public SessionNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    protected String slug() {
        return "session-not-found";
    }

    @Override
    public String title() {
        return "Session not found";
    }
}
