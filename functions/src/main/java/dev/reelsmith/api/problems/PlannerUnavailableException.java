package dev.reelsmith.api.problems;

/** Thrown when the text model is throttled, out of quota or unavailable; the request can be retried later. */
public final class PlannerUnavailableException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PlannerUnavailableException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    protected String slug() {
        return "planner-unavailable";
    }

    @Override
    public String title() {
        return "Text model unavailable";
    }
}
