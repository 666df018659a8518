package dev.reelsmith.domain;

import java.util.Objects;

/**
 * Thrown when a domain record is built with a field value that breaks one of its rules: a missing value, text
 * that is too long or contains control characters, a number out of range, or fields that contradict each other.
 *
 * <p>Upload records ({@link Brief}, {@link SongSidecar}) name the field by its path from the document root, e.g.
 * {@code brand.colors[1]}, so that upload validation can point at it; the rule uses the JSON Schema keyword when
 * there is one ({@code maxLength}, {@code pattern}, {@code minimum}, …).
 */
public class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field   the field's path, e.g. {@code keyMessages[2]}, or empty for the whole record
     * @param rule    the broken rule, e.g. {@code maxLength}
     * @param message the full message, naming the field, the rule and the value
     */
    public InvalidFieldException(String field, String rule, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The field's path from the record's document root, e.g. {@code brand.logoKey} or {@code keyMessages[0]}. */
    public String field() {
        return field;
    }

    /** The broken rule, named like the JSON Schema keyword where one exists. */
    public String rule() {
        return rule;
    }
}
