package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A definite JSONPath: {@code $} followed by {@code .name}, {@code ['name']} or {@code [index]} steps, nothing
 * else. The States Language requires these "reference paths" for ResultPath; the engine also reads every definite
 * path through this class, because it can tell a missing array element from a JSON {@code null}.
 */
public final class ReferencePath {
    private final String text;
    private final List<Object> steps;

    private ReferencePath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses {@code text} if it is a reference path. */
    public static Optional<ReferencePath> parse(String text) {
        if (text == null || !text.startsWith("$")) {
            return Optional.empty();
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    char d = text.charAt(i);
                    if (d == '*' || d == '(' || d == ')' || d == '@' || d == '?' || d == ']' || d == '\''
                            || d == '"' || Character.isWhitespace(d)) {
                        return Optional.empty();
                    }
                    i++;
                }
                if (i == start) {
                    return Optional.empty();
                }
                steps.add(text.substring(start, i));
            } else if (c == '[') {
                int close;
                if (i + 1 < n && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
                    char quote = text.charAt(i + 1);
                    int end = text.indexOf(quote, i + 2);
                    if (end < 0 || end + 1 >= n || text.charAt(end + 1) != ']') {
                        return Optional.empty();
                    }
                    steps.add(text.substring(i + 2, end));
                    close = end + 1;
                } else {
                    close = text.indexOf(']', i);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    String index = text.substring(i + 1, close);
                    if (index.isEmpty() || !index.chars().allMatch(Character::isDigit) || index.length() > 9) {
                        return Optional.empty();
                    }
                    steps.add(Integer.parseInt(index));
                }
                i = close + 1;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new ReferencePath(text, List.copyOf(steps)));
    }

    /** The steps: {@link String} field names and {@link Integer} array indexes. */
    public List<Object> steps() {
        return steps;
    }

    /** The node at this path in {@code root}, or empty when any step is missing. */
    public Optional<JsonNode> read(JsonNode root) {
        JsonNode current = root;
        for (Object step : steps) {
            if (step instanceof String name) {
                if (!current.isObject() || !current.has(name)) {
                    return Optional.empty();
                }
                current = current.get(name);
            } else {
                int index = (Integer) step;
                if (!current.isArray() || index >= current.size()) {
                    return Optional.empty();
                }
                current = current.get(index);
            }
        }
        return Optional.of(current);
    }

    /** The path in Jayway's normalised form, {@code $['a'][0]}, as AWS error messages print it. */
    public String normalised(int stepCount) {
        StringBuilder out = new StringBuilder("$");
        for (int k = 0; k < stepCount && k < steps.size(); k++) {
            Object step = steps.get(k);
            out.append(step instanceof String ? "['" + step + "']" : "[" + step + "]");
        }
        return out.toString();
    }

    /** How many leading steps of this path exist in {@code root}. */
    public int existingPrefix(JsonNode root) {
        JsonNode current = root;
        int count = 0;
        for (Object step : steps) {
            JsonNode next = step instanceof String name
                    ? (current.isObject() ? current.get(name) : null)
                    : (current.isArray() && (Integer) step < current.size() ? current.get((Integer) step) : null);
            if (next == null) {
                return count;
            }
            current = next;
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return text;
    }
}
