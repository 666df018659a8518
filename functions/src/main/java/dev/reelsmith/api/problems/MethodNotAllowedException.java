package dev.reelsmith.api.problems;

import java.util.List;
import java.util.Map;

/** Thrown when a route exists for the path but not for the method; the response lists the allowed ones. */
public final class MethodNotAllowedException extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final String allowed;

    public MethodNotAllowedException(String detail, List<String> allowed) {
        super(detail);
        this.allowed = String.join(", ", allowed);
    }

    @Override
    public int status() {
        return 405;
    }

    @Override
    protected String slug() {
        return "method-not-allowed";
    }

    @Override
    public String title() {
        return "Method not allowed";
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("allow", allowed);
    }
}
