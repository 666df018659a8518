package dev.reelsmith.api.problems;

import java.util.List;
import java.util.Map;

/**
 * The base of every failure the API answers with an RFC 9457 problem instead of a result: each subclass is one
 * condition with its HTTP status, its {@code type} (a stable URI clients can branch on) and a title; the message is
 * the problem's {@code detail}.
 */
public abstract class ProblemException extends RuntimeException {
    /** Where the problem types are documented; {@code type} is this plus a slug, e.g. {@code …/problems/not-found}. */
    public static final String TYPE_BASE = "https://reelsmith.dev/problems/";
    private static final long serialVersionUID = 1L;

    private final transient List<ProblemError> errors;

    protected ProblemException(String detail, List<ProblemError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    protected ProblemException(String detail) {
        this(detail, List.of());
    }

    /** The HTTP status. */
    public abstract int status();

    /** The last segment of the problem's type URI, e.g. {@code not-found}. */
    protected abstract String slug();

    /** A short summary that does not change between occurrences, e.g. "Session not found". */
    public abstract String title();

    /** The problem type URI. */
    public final String type() {
        return TYPE_BASE + slug();
    }

    /** What is wrong with each field or parameter; empty when the detail says it all. */
    public final List<ProblemError> errors() {
        return errors;
    }

    /** Extra response headers (e.g. {@code Allow} for 405). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
