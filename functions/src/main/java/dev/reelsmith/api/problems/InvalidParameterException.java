package dev.reelsmith.api.problems;

import java.util.List;

/**
 * Thrown when a query parameter is not one the operation accepts (a limit out of range, an unknown status, a cursor
 * this API did not issue).
 */
public final class InvalidParameterException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String detail, List<ProblemError> errors) {
        super(detail, errors);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    protected String slug() {
        return "invalid-parameter";
    }

    @Override
    public String title() {
        return "Invalid query parameter";
    }
}
