package dev.reelsmith.api.problems;

/** Thrown when a request body exceeds the API's limit. */
public final class PayloadTooLargeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    protected String slug() {
        return "payload-too-large";
    }

    @Override
    public String title() {
        return "Request body too large";
    }
}
