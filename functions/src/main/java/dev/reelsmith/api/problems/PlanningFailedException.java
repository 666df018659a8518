package dev.reelsmith.api.problems;

import java.util.List;

/**
 * Thrown when the planning agents cannot plan the given brief: over budget, past the deadline, no tool can make a
 * shot, or a given script or shot list does not fit the brief.
 */
public final class PlanningFailedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PlanningFailedException(String detail, List<ProblemError> errors) {
        super(detail, errors);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    protected String slug() {
        return "planning-failed";
    }

    @Override
    public String title() {
        return "Planning failed";
    }
}
