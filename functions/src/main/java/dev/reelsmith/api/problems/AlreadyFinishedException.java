package dev.reelsmith.api.problems;

/** Thrown when a cancel is asked for a session that is already completed, failed, rejected or cancelled. */
public final class AlreadyFinishedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public AlreadyFinishedException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    protected String slug() {
        return "already-finished";
    }

    @Override
    public String title() {
        return "Session already finished";
    }
}
