package dev.reelsmith.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shared field checks behind the records' constructors, so that every record words the same rule the same way
 * ("keyMessages[2] must be at most 200 characters, was 231") and names it like the JSON Schema keyword.
 *
 * <p>User text is bounded and checked, never rewritten: quotes, colons, %{ sequences, backslashes, emoji and
 * right-to-left scripts pass through untouched. Only control characters (other than tab and line breaks) and unpaired
 * surrogates are rejected, because they cannot be rendered and break downstream tools.
 */
final class FieldRules {
    static final Pattern HEX_COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final String pathPrefix;
    private final String messagePrefix;

    private FieldRules(String pathPrefix, String messagePrefix) {
        this.pathPrefix = pathPrefix;
        this.messagePrefix = messagePrefix;
    }

    /** Fields at the document root: field {@code kind} is reported as {@code kind}. */
    static FieldRules root() {
        return new FieldRules("", "");
    }

    /** Fields of a nested object: {@code under("brand")} reports {@code colors[0]} as {@code brand.colors[0]}. */
    static FieldRules under(String parent) {
        return new FieldRules(parent + ".", "");
    }

    /** Fields of one item in a list, reported with a label: {@code "shot s03: durationSeconds must …"}. */
    static FieldRules labelled(String label) {
        return new FieldRules("", label + ": ");
    }

    String path(String field) {
        return pathPrefix + field;
    }

    InvalidFieldException fail(String field, String rule, String problem) {
        return new InvalidFieldException(path(field), rule, messagePrefix + path(field) + " " + problem);
    }

    <T> T required(String field, T value, String hint) {
        if (value == null) {
            throw fail(field, "required", "is required" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
        return value;
    }

    /** Non-null, non-blank text of at most {@code maxLength} code points. */
    String requiredText(String field, String value, int maxLength) {
        if (value == null) {
            throw fail(field, "required", "is required");
        }
        return text(field, value, maxLength);
    }

    /** Null, or non-blank text of at most {@code maxLength} code points. */
    String optionalText(String field, String value, int maxLength) {
        return value == null ? null : text(field, value, maxLength);
    }

    private String text(String field, String value, int maxLength) {
        if (value.isBlank()) {
            throw fail(field, "pattern", "must not be blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw fail(field, "maxLength", "must be at most " + maxLength + " characters, was " + length);
        }
        String problem = unrenderable(value);
        if (problem != null) {
            throw fail(field, "pattern", problem);
        }
        return value;
    }

    /**
     * Describes the first character that text must not contain, or returns null when there is none. Tab, line
     * feed and carriage return are allowed (multi-line descriptions and lyrics pasted from any editor).
     */
    static String unrenderable(String value) {
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            position++;
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return "must be valid Unicode, found an unpaired surrogate " + codePoint(cp) + " at character " + position;
            }
            if (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
                return "must not contain control characters other than tab and line breaks, found "
                        + codePoint(cp) + " at character " + position;
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /** A defensive copy; null becomes empty; null items and more than {@code maxItems} items are rejected. */
    <T> List<T> list(String field, List<T> values, int maxItems) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw fail(field, "maxItems", "must have at most " + maxItems + " items, was " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw fail(field + "[" + i + "]", "type", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** Like {@link #list} but each item must also be distinct. */
    <T> List<T> distinctList(String field, List<T> values, int maxItems) {
        List<T> copy = list(field, values, maxItems);
        Set<T> seen = new HashSet<>();
        for (T value : copy) {
            if (!seen.add(value)) {
                throw fail(field, "uniqueItems", "must not contain duplicates, "
                        + (value instanceof AspectRatio ratio ? ratio.label() : value) + " appears more than once");
            }
        }
        return copy;
    }

    List<String> texts(String field, List<String> values, int maxItems, int maxLength) {
        List<String> copy = list(field, values, maxItems);
        for (int i = 0; i < copy.size(); i++) {
            text(field + "[" + i + "]", copy.get(i), maxLength);
        }
        return copy;
    }

    String hexColor(String field, String value) {
        if (value == null || !HEX_COLOR.matcher(value).matches()) {
            throw fail(field, "pattern", "must be a colour as #RRGGBB, was " + value);
        }
        return value;
    }

    List<String> hexColors(String field, List<String> values, int maxItems) {
        List<String> copy = list(field, values, maxItems);
        for (int i = 0; i < copy.size(); i++) {
            hexColor(field + "[" + i + "]", copy.get(i));
        }
        return copy;
    }

    /** Aspect ratios to deliver: null means the default {@code [16:9]}; otherwise non-empty and distinct. */
    List<AspectRatio> aspectRatios(String field, List<AspectRatio> values) {
        if (values == null) {
            return List.of(AspectRatio.LANDSCAPE);
        }
        if (values.isEmpty()) {
            throw fail(field, "minItems", "must not be empty; the first aspect ratio is the primary one");
        }
        return distinctList(field, values, AspectRatio.values().length);
    }

    int between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw fail(field, value < min ? "minimum" : "maximum",
                    "must be between " + min + " and " + max + ", was " + value);
        }
        return (int) value;
    }

    /** A position in a list: at least 0. */
    int index(String field, int value) {
        if (value < 0) {
            throw fail(field, "minimum", "must be >= 0, was " + value);
        }
        return value;
    }

    long longBetween(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw fail(field, value < min ? "minimum" : "maximum",
                    "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A finite number of seconds, at least 0. */
    double notNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw fail(field, "minimum", "must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** A finite number greater than 0 and at most {@code max}. */
    double positiveAtMost(String field, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw fail(field, value > max ? "maximum" : "exclusiveMinimum",
                    "must be greater than 0 and at most " + formatNumber(max) + ", was " + value);
        }
        return value;
    }

    /** Provider ids as the tool catalog spells them: lowercase letters, digits and hyphens. */
    String providerId(String field, String value) {
        if (value != null && !value.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw fail(field, "pattern",
                    "must be a provider id (lowercase letters, digits and hyphens, at most 40), was " + value);
        }
        return value;
    }

    List<String> providerIds(String field, List<String> values) {
        List<String> copy = distinctList(field, values, 32);
        for (int i = 0; i < copy.size(); i++) {
            providerId(field + "[" + i + "]", copy.get(i));
        }
        return copy;
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
