package dev.reelsmith.api.problems;

/** Thrown when a request carries neither an IAM principal nor a JWT subject, so it cannot own anything. */
public final class UnauthenticatedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    protected String slug() {
        return "unauthenticated";
    }

    @Override
    public String title() {
        return "No caller identity";
    }
}
