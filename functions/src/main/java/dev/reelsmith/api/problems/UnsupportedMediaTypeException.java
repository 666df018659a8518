package dev.reelsmith.api.problems;

/** Thrown when a request body is declared as something other than JSON. */
public final class UnsupportedMediaTypeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    protected String slug() {
        return "unsupported-media-type";
    }

    @Override
    public String title() {
        return "Unsupported media type";
    }
}
