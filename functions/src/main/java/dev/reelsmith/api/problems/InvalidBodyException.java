package dev.reelsmith.api.problems;

import java.util.List;

/** Thrown when a JSON body breaks its schema or the domain's rules; {@link #errors()} names every field. */
public final class InvalidBodyException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public InvalidBodyException(String detail, List<ProblemError> errors) {
        super(detail, errors);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    protected String slug() {
        return "invalid-body";
    }

    @Override
    public String title() {
        return "Invalid request body";
    }
}
