package dev.reelsmith.domain.schema;

import java.util.Objects;

/**
 * One reason an upload was rejected.
 *
 * @param pointer where: an RFC 6901 JSON pointer into the upload, e.g. {@code /keyMessages/2}; for a missing or
 *                unknown property it names that property (e.g. {@code /product}); empty for the whole document
 * @param rule    which rule: the JSON Schema keyword ({@code required}, {@code type}, {@code minimum},
 *                {@code maxLength}, {@code pattern}, {@code enum}, {@code additionalProperties}, …), or for
 *                checks outside the schema {@code size}, {@code encoding}, {@code syntax}, {@code duplicateKey},
 *                {@code lrc}, {@code conflict}
 * @param message what is wrong, for people: "durationSeconds must be at least 6, was 3"
 */
public record Violation(String pointer, String rule, String message) {
    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("pointer must be empty or start with /, was " + pointer);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank, was " + rule);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank, was " + message);
        }
    }

    /** One line for logs and exception messages: {@code /durationSeconds (minimum): durationSeconds must be …}. */
    public String describe() {
        return (pointer.isEmpty() ? "(document)" : pointer) + " (" + rule + "): " + message;
    }
}
