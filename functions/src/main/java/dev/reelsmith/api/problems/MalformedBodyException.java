package dev.reelsmith.api.problems;

import java.util.List;

/** Thrown when a request body is missing, not UTF-8 JSON, or not a JSON object. */
public final class MalformedBodyException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String detail, List<ProblemError> errors) {
        super(detail, errors);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    protected String slug() {
        return "malformed-body";
    }

    @Override
    public String title() {
        return "Malformed request body";
    }
}
