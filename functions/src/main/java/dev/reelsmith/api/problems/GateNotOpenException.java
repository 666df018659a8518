package dev.reelsmith.api.problems;

/**
 * Thrown when a review or answers call arrives while that gate is not open: before the run reached it, after it was
 * answered, or for a run that does not pause there.
 */
public final class GateNotOpenException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public GateNotOpenException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    protected String slug() {
        return "gate-not-open";
    }

    @Override
    public String title() {
        return "Gate not open";
    }
}
