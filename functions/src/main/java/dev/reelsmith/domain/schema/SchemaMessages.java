package dev.reelsmith.domain.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns the schema validator's findings into {@link Violation}s worded for people who write briefs, not for
 * people who write schemas: "durationSeconds must be at least 6, was 3" rather than "$.durationSeconds: must have
 * a minimum value of 6".
 *
 * <p>Patterns are recognised by their text, so the wording follows the schema files; an unrecognised pattern
 * still gets a correct, if plainer, message.
 */
final class SchemaMessages {
    /** The schemas' pattern for text: no control characters other than tab, line feed and carriage return. */
    static final String TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";
    static final String NON_BLANK_PATTERN = "\\S";
    static final String HEX_COLOR_PATTERN = "^#[0-9A-Fa-f]{6}$";
    static final String PROVIDER_ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";
    static final String LANGUAGE_PATTERN = "^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$";
    static final String URL_PATTERN = "^https?://[^\\s/?#]+[^\\s]*$";
    static final String OBJECT_KEY_PATTERN = "^(?!/)(?!.*//)(?!(?:.*/)?\\.{1,2}(?:/|$))[^\\u0000-\\u001F\\u007F\\\\]+$";

    private static final int PREVIEW_LENGTH = 60;

    private final String upload;
    private final JsonNode schema;

    /**
     * @param upload the document's name in messages, e.g. {@code brief}
     * @param schema the root schema document, to look up allowed property names and rule descriptions
     */
    SchemaMessages(String upload, JsonNode schema) {
        this.upload = upload;
        this.schema = schema;
    }

    Violation toViolation(ValidationMessage finding) {
        String keyword = finding.getType();
        List<Object> path = elements(finding.getInstanceLocation());
        boolean namesProperty = finding.getProperty() != null
                && (keyword.equals("required") || keyword.equals("additionalProperties")
                || keyword.equals("dependentRequired"));
        List<Object> parent = List.copyOf(path);
        if (namesProperty) {
            path.add(finding.getProperty());
        }
        String field = label(path);
        JsonNode value = finding.getInstanceNode();
        JsonNode rule = finding.getSchemaNode();
        String message = switch (keyword) {
            case "required", "dependentRequired" -> field + " is required" + condition(finding);
            case "additionalProperties" -> unknownProperty(finding, finding.getProperty(), label(parent));
            case "type" -> field + " must be " + expectedType(rule) + ", was " + typeAndValue(value);
            case "enum" -> field + " must be one of " + listed(rule) + ", was " + shown(value);
            case "const" -> field + " must be " + rule + ", was " + shown(value);
            case "minimum" -> field + " must be at least " + number(rule) + ", was " + number(value) + condition(finding);
            case "maximum" -> field + " must be at most " + number(rule) + ", was " + number(value) + condition(finding);
            case "exclusiveMinimum" -> field + " must be greater than " + number(rule) + ", was " + number(value);
            case "exclusiveMaximum" -> field + " must be less than " + number(rule) + ", was " + number(value);
            case "multipleOf" -> multipleOf(field, rule, value);
            case "minLength" -> rule.asInt() == 1 ? field + " must not be empty"
                    : field + " must be at least " + rule.asInt() + " characters, was " + codePoints(value);
            case "maxLength" -> field + " must be at most " + rule.asInt() + " characters, was " + codePoints(value);
            case "pattern" -> pattern(field, rule.asText(), value);
            case "minItems" -> (rule.asInt() == 1 ? field + " must not be empty"
                    : field + " must have at least " + rule.asInt() + " items, was " + value.size()) + condition(finding);
            case "maxItems" -> field + " must have at most " + rule.asInt() + " items, was " + value.size();
            case "uniqueItems" -> field + " must not contain duplicates, " + repeated(value) + " appears more than once";
            default -> field + " " + withoutLocation(finding);
        };
        return new Violation(pointer(path), keyword, message);
    }

    static List<Object> elements(JsonNodePath path) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    /** An RFC 6901 pointer: {@code ["brand", "colors", 0]} becomes {@code /brand/colors/0}. */
    static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object element : path) {
            pointer.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** How the field is named in messages: {@code brand.colors[0]}, or the upload's name for the whole document. */
    String label(List<Object> path) {
        if (path.isEmpty()) {
            return upload;
        }
        StringBuilder label = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer) {
                label.append('[').append(element).append(']');
            } else {
                label.append(label.length() == 0 ? "" : ".").append(element);
            }
        }
        return label.toString();
    }

    private String unknownProperty(ValidationMessage finding, String name, String parent) {
        List<Object> location = elements(finding.getSchemaLocation().getFragment());
        JsonNode properties = schema.at(pointer(location.subList(0, location.size() - 1))).path("properties");
        List<String> allowed = new ArrayList<>();
        properties.fieldNames().forEachRemaining(allowed::add);
        String message = "unknown property \"" + name + "\" in " + parent;
        String suggestion = closest(name, allowed);
        if (suggestion != null) {
            return message + "; did you mean \"" + suggestion + "\"?";
        }
        return allowed.isEmpty() ? message : message + "; expected one of " + String.join(", ", allowed);
    }

    /** The allowed name nearest to a misspelt one, or null when none is plausibly meant. */
    static String closest(String name, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            String candidateLower = candidate.toLowerCase(Locale.ROOT);
            int distance = candidateLower.equals(lower) ? 0 : levenshtein(lower, candidateLower);
            boolean prefix = candidateLower.startsWith(lower) || lower.startsWith(candidateLower);
            if (prefix && Math.min(lower.length(), candidateLower.length()) >= 4) {
                distance = Math.min(distance, 1);
            }
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** For rules inside an if/then, the then-schema's description: " (ads need at least one key message)". */
    private String condition(ValidationMessage finding) {
        List<Object> location = elements(finding.getSchemaLocation().getFragment());
        int then = location.lastIndexOf("then");
        if (then < 0) {
            return "";
        }
        String description = schema.at(pointer(location.subList(0, then + 1))).path("description").asText("");
        return description.isEmpty() ? "" : " (" + description + ")";
    }

    private static String pattern(String field, String pattern, JsonNode value) {
        String text = value.asText();
        return switch (pattern) {
            case TEXT_PATTERN -> field + " " + controlCharacter(text);
            case NON_BLANK_PATTERN -> field + " must not be blank";
            case HEX_COLOR_PATTERN -> field + " must be a colour as #RRGGBB, was " + shown(value);
            case PROVIDER_ID_PATTERN -> field + " must be a provider id (lowercase letters, digits and hyphens, at most 40),"
                    + " was " + shown(value);
            case LANGUAGE_PATTERN -> field + " must be a BCP 47 language tag such as en or pt-BR, was " + shown(value);
            case URL_PATTERN -> field + " must be an http(s) URL such as https://example.com/offer, was " + shown(value);
            case OBJECT_KEY_PATTERN -> field + " must be a relative object key (no leading /, no . or .. segments,"
                    + " no empty segments, no backslashes or control characters), was " + shown(value);
            default -> field + " must match the pattern " + pattern + ", was " + shown(value);
        };
    }

    /** Names the first control character, so that an invisible problem can be found. */
    private static String controlCharacter(String text) {
        int position = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            position++;
            if (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
                return String.format(Locale.ROOT, "must not contain control characters other than tab and line breaks,"
                        + " found U+%04X at character %d", cp, position);
            }
        }
        return "must not contain control characters other than tab and line breaks";
    }

    private static String multipleOf(String field, JsonNode rule, JsonNode value) {
        BigDecimal step = rule.decimalValue().stripTrailingZeros();
        if (step.unscaledValue().abs().equals(BigInteger.ONE) && step.scale() > 0) {
            return field + " must have at most " + step.scale() + " decimal places, was " + number(value);
        }
        return field + " must be a multiple of " + number(rule) + ", was " + number(value);
    }

    private static String expectedType(JsonNode rule) {
        List<String> types = rule.isArray()
                ? StreamSupport.stream(rule.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList())
                : List.of(rule.asText());
        return types.stream().map(SchemaMessages::article).collect(Collectors.joining(" or "));
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "array", "object" -> "an " + type;
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    private static String typeOf(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String typeAndValue(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()
                || value.isNumber() && !Double.isFinite(value.doubleValue())) {
            return value != null && value.isNumber() ? shown(value) : typeOf(value);
        }
        return typeOf(value) + " " + shown(value);
    }

    private static String listed(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", "));
    }

    private static String repeated(JsonNode array) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (!seen.add(item)) {
                return shown(item);
            }
        }
        return "an item";
    }

    private static String number(JsonNode node) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
            return shown(node);
        }
        return node.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static int codePoints(JsonNode value) {
        String text = value.asText();
        return text.codePointCount(0, text.length());
    }

    /** A scalar as JSON (strings quoted, escaped and abbreviated); arrays and objects by their type. */
    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isContainerNode()) {
            return typeOf(value);
        }
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            return "a number too large to represent";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.codePointCount(0, text.length()) > PREVIEW_LENGTH) {
                text = text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)) + "…";
            }
            return new TextNode(text).toString();
        }
        return value.toString();
    }

    private static String withoutLocation(ValidationMessage finding) {
        String message = finding.getMessage();
        String location = finding.getInstanceLocation().toString() + ": ";
        return message.startsWith(location) ? message.substring(location.length()) : message;
    }
}
