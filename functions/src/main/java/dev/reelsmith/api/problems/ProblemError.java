package dev.reelsmith.api.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One thing wrong with a request, as listed in a problem's {@code errors}: a JSON pointer into the body (or the name
 * of a query parameter) and a sentence for the person who sent it.
 *
 * @param pointer   RFC 6901 pointer into the request body, {@code ""} for the whole body; null for parameter errors
 * @param parameter the query parameter, or null for body errors
 * @param message   what is wrong, e.g. "durationSeconds must be at least 6, was 3"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String pointer, String parameter, String message) {
    public ProblemError {
        if (pointer == null && parameter == null) {
            throw new IllegalArgumentException("a problem error names a pointer or a parameter");
        }
        if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("pointer must be empty or start with /, was " + pointer);
        }
        Objects.requireNonNull(message, "message");
    }

    /** An error at {@code pointer} in the body. */
    public static ProblemError at(String pointer, String message) {
        return new ProblemError(pointer, null, message);
    }

    /** An error in the query parameter {@code name}. */
    public static ProblemError parameter(String name, String message) {
        return new ProblemError(null, name, message);
    }
}
