package dev.reelsmith.api.problems;

/** Thrown when a retry is asked for a session that has not failed (or whose execution cannot be redriven). */
public final class NotRetryableException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public NotRetryableException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    protected String slug() {
        return "not-retryable";
    }

    @Override
    public String title() {
        return "Session cannot be retried";
    }
}
