package dev.reelsmith.api.problems;

/**
 * Thrown when the text model's answer still broke the artifact's rules after a repair, or the model rejected the
 * request.
 */
public final class PlannerFailedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PlannerFailedException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 502;
    }

    @Override
    protected String slug() {
        return "planner-failed";
    }

    @Override
    public String title() {
        return "Text model failed";
    }
}
