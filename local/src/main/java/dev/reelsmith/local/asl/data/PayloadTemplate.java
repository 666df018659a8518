package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath payload template: {@code Parameters}, {@code ResultSelector}, {@code ItemSelector} and JSONPath
 * {@code Assign}. Fields whose name ends in {@code .$} take their value from a path ({@code $.x}, {@code $$.x},
 * {@code $variable}) or an intrinsic function; the suffix is dropped from the output key. Everything else is copied
 * as written, at any depth, arrays included. Compiled once when the definition is loaded.
 */
public final class PayloadTemplate {
    /** Separates the pointer from the reason in {@link #problems}; cannot occur in either. */
    public static final char SEPARATOR = '\u0000';
    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles {@code template}.
     *
     * @throws IllegalArgumentException when a {@code .$} field is not a string path or intrinsic function
     */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(compileNode(template));
    }

    /**
     * Every problem in {@code template}, each as a JSON-pointer suffix ({@code /a/b.$}), {@link #SEPARATOR} and the
     * reason; empty when {@link #compile} will succeed.
     */
    public static List<String> problems(JsonNode template) {
        List<String> problems = new ArrayList<>();
        collectProblems(template, "", problems);
        return problems;
    }

    private static void collectProblems(JsonNode template, String pointer, List<String> problems) {
        if (template.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    try {
                        if (!field.getValue().isTextual()) {
                            throw new IllegalArgumentException("the value of '" + key + "' must be a path or an"
                                    + " intrinsic function string, was " + JsonValues.print(field.getValue()));
                        }
                        dynamic(key, field.getValue().textValue());
                    } catch (IllegalArgumentException e) {
                        problems.add(pointer + "/" + key + SEPARATOR + e.getMessage());
                    }
                } else {
                    collectProblems(field.getValue(), pointer + "/" + key, problems);
                }
            }
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                collectProblems(template.get(i), pointer + "[" + i + "]", problems);
            }
        }
    }

    /** The names of the template's top-level fields without the {@code .$} suffix (for Assign: the variables). */
    public static List<String> topLevelNames(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.fieldNames().forEachRemaining(name -> names.add(stripSuffix(name)));
        return names;
    }

    /**
     * Builds the payload.
     *
     * @param subject what {@code $} refers to (the effective input, the task result, ...)
     * @throws StatesFailure {@code States.Runtime} when a path selects nothing; {@code States.IntrinsicFailure}
     *     when an intrinsic function fails
     */
    public JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables) {
        return root.evaluate(subject, context, variables);
    }

    private static Node compileNode(JsonNode template) {
        if (template.isObject()) {
            List<Entry> entries = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    JsonNode value = field.getValue();
                    if (!value.isTextual()) {
                        throw new IllegalArgumentException("the value of '" + key
                                + "' must be a path or an intrinsic function string, was " + JsonValues.print(value));
                    }
                    entries.add(new Entry(stripSuffix(key), dynamic(key, value.textValue())));
                } else {
                    entries.add(new Entry(key, compileNode(field.getValue())));
                }
            }
            return new ObjectTemplate(List.copyOf(entries));
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            template.forEach(element -> elements.add(compileNode(element)));
            return new ArrayTemplate(List.copyOf(elements));
        }
        return new Literal(template);
    }

    private static Node dynamic(String key, String expression) {
        if (Intrinsics.isCall(expression)) {
            return new CallValue(key, Intrinsics.parse(expression));
        }
        try {
            JsonPaths.validate(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the value of '" + key + "' is not a valid path: " + e.getMessage(), e);
        }
        return new PathValue(key, expression);
    }

    private static String stripSuffix(String key) {
        return key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
    }

    /** The error for a path that selects nothing, worded as Step Functions words it. */
    static StatesFailure missingPath(String path, String field, JsonNode subject, JsonNode context) {
        JsonNode searched = JsonPaths.isContextPath(path) ? context : subject;
        return new StatesFailure("States.Runtime", "The JSONPath '" + path + "' specified for the field '" + field
                + "' could not be found in the input '" + JsonValues.print(searched) + "'");
    }

    private interface Node {
        JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables);
    }

    private record Entry(String key, Node value) {
    }

    private record ObjectTemplate(List<Entry> entries) implements Node {
        @Override
        public JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables) {
            ObjectNode out = JsonValues.nodes().objectNode();
            for (Entry entry : entries) {
                out.set(entry.key(), entry.value().evaluate(subject, context, variables));
            }
            return out;
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables) {
            ArrayNode out = JsonValues.nodes().arrayNode(elements.size());
            for (Node element : elements) {
                out.add(element.evaluate(subject, context, variables));
            }
            return out;
        }
    }

    private record Literal(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables) {
            return value;
        }
    }

    private record PathValue(String field, String path) implements Node {
        @Override
        public JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables) {
            try {
                return JsonPaths.read(path, subject, context, variables);
            } catch (JsonPaths.NoResultsException e) {
                throw missingPath(path, field, subject, context);
            }
        }
    }

    private record CallValue(String field, Intrinsics.Call call) implements Node {
        @Override
        public JsonNode evaluate(JsonNode subject, JsonNode context, VariableLookup variables) {
            try {
                return Intrinsics.evaluate(call, subject, context, variables);
            } catch (JsonPaths.NoResultsException e) {
                throw new StatesFailure("States.Runtime", "The JSONPath in the intrinsic function specified for the"
                        + " field '" + field + "' could not be found: " + e.getMessage());
            }
        }
    }
}
