package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * JSONPath {@code ResultPath}: where a state's result goes in its raw input. {@code $} (the default) replaces the
 * input, {@code null} discards the result and passes the input through, and a reference path such as
 * {@code $.a.b} copies the input and sets the field, creating missing objects on the way. When a step lands on
 * something that is not an object the state fails with {@code States.ResultPathMatchFailure}.
 */
public final class ResultPaths {
    private ResultPaths() {
    }

    /**
     * Checks that {@code resultPath} is a reference path on the input (no variables, context or wildcards).
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void validate(String resultPath) {
        if (resultPath.startsWith("$$") || JsonPaths.isVariablePath(resultPath)
                || ReferencePath.parse(resultPath).isEmpty()) {
            throw new IllegalArgumentException("ResultPath must be a reference path such as '$.result', was '"
                    + resultPath + "'");
        }
    }

    /** Places {@code result} into {@code input} at {@code resultPath} ({@code null}: discard the result). */
    public static JsonNode apply(JsonNode input, String resultPath, JsonNode result) {
        if (resultPath == null) {
            return input;
        }
        ReferencePath path = ReferencePath.parse(resultPath)
                .orElseThrow(() -> new IllegalStateException("unvalidated ResultPath " + resultPath));
        List<Object> steps = path.steps();
        if (steps.isEmpty()) {
            return result;
        }
        if (!input.isObject()) {
            throw mismatch(resultPath, input);
        }
        ObjectNode root = ((ObjectNode) input).deepCopy();
        JsonNode current = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String name) {
                if (!current.isObject()) {
                    throw mismatch(resultPath, input);
                }
                ObjectNode object = (ObjectNode) current;
                if (last) {
                    object.set(name, result);
                } else {
                    JsonNode child = object.get(name);
                    if (child == null || child.isNull()) {
                        child = object.putObject(name);
                    }
                    current = child;
                }
            } else {
                int index = (Integer) step;
                if (!current.isArray() || index >= current.size()) {
                    throw mismatch(resultPath, input);
                }
                ArrayNode array = (ArrayNode) current;
                if (last) {
                    array.set(index, result);
                } else {
                    current = array.get(index);
                }
            }
        }
        return root;
    }

    private static StatesFailure mismatch(String resultPath, JsonNode input) {
        return new StatesFailure("States.ResultPathMatchFailure", "Unable to apply ResultPath \"" + resultPath
                + "\" to input \"" + JsonValues.print(input) + "\"");
    }
}
