package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONata-state field value ({@code Arguments}, {@code Output}, {@code Assign}, {@code Items},
 * {@code ItemSelector}, ...): any JSON value in which every {@code "{% ... %}"} string, at any depth, is replaced by
 * the value of its expression and everything else is kept as written.
 */
public final class JsonataTemplate {
    private final Node root;

    private JsonataTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles {@code template}, parsing every expression in it.
     *
     * @throws IllegalArgumentException when an expression does not parse
     */
    public static JsonataTemplate compile(JsonNode template) {
        return new JsonataTemplate(compileNode(template));
    }

    /**
     * Builds the value.
     *
     * @param field the field's name in the state, used in error messages ({@code Output})
     * @throws StatesFailure {@code States.QueryEvaluationError} when an expression fails or yields nothing
     */
    public JsonNode evaluate(JsonataScope scope, String field) {
        return root.evaluate(scope, field);
    }

    private static Node compileNode(JsonNode template) {
        if (JsonataSupport.isExpression(template)) {
            JsonataSupport.validate(template.textValue());
            return new Expression(template.textValue());
        }
        if (template.isObject()) {
            List<Map.Entry<String, Node>> entries = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                entries.add(Map.entry(field.getKey(), compileNode(field.getValue())));
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

    private interface Node {
        JsonNode evaluate(JsonataScope scope, String field);
    }

    private record Expression(String text) implements Node {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            return JsonataSupport.evaluate(text, scope, field);
        }
    }

    private record ObjectTemplate(List<Map.Entry<String, Node>> entries) implements Node {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            ObjectNode out = JsonValues.nodes().objectNode();
            for (Map.Entry<String, Node> entry : entries) {
                out.set(entry.getKey(), entry.getValue().evaluate(scope, field + "/" + entry.getKey()));
            }
            return out;
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            ArrayNode out = JsonValues.nodes().arrayNode(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                out.add(elements.get(i).evaluate(scope, field + "[" + i + "]"));
            }
            return out;
        }
    }

    private record Literal(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(JsonataScope scope, String field) {
            return value;
        }
    }
}
