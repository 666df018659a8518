package dev.reelsmith.api.problems;

/** Thrown when no route matches the request's path. */
public final class RouteNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public RouteNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    protected String slug() {
        return "no-such-route";
    }

    @Override
    public String title() {
        return "No such route";
    }
}
