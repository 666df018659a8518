package dev.reelsmith.providers.text;

import java.util.Objects;

/**
 * One reason a model's answer is unusable.
 *
 * @param pointer where: an RFC 6901 JSON pointer into the answer ({@code /shots/3/durationSeconds}); for a missing
 *                or unexpected property it names that property; empty for the whole answer
 * @param rule    which rule: the JSON Schema keyword ({@code required}, {@code type}, {@code minimum}, …), or
 *                {@code syntax} (not JSON), {@code maxTokens} (cut off), {@code malformed} (flagged by the
 *                vendor), or for a record's own constructor check its rule name, else {@code invalid}
 * @param message what is wrong, e.g. {@code must have a minimum value of 1}
 */
public record AnswerProblem(String pointer, String rule, String message) {
    public AnswerProblem {
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

    /** One line, as listed to the model and in exceptions: {@code /shots/3 (required): required property …}. */
    public String describe() {
        return (pointer.isEmpty() ? "(document)" : pointer) + " (" + rule + "): " + message;
    }
}
