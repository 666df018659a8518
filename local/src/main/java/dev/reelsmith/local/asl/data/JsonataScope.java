package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a JSONata expression in a state can read: the reserved {@code $states} variable ({@code input},
 * {@code result} after a successful task, {@code errorOutput} in a Catch, {@code context}) and the workflow
 * variables. One scope serves every expression of one evaluation step, so the conversion to JSONata's data model
 * happens once.
 */
public final class JsonataScope {
    private final JsonNode input;
    private final JsonNode result;
    private final JsonNode errorOutput;
    private final JsonNode context;
    private final VariableLookup variables;
    private Map<String, Object> states;

    /**
     * @param result the state's result, or {@code null} where {@code $states.result} is not defined
     * @param errorOutput the error output, or {@code null} outside a Catch
     */
    public JsonataScope(JsonNode input, JsonNode result, JsonNode errorOutput, JsonNode context,
                        VariableLookup variables) {
        this.input = input;
        this.result = result;
        this.errorOutput = errorOutput;
        this.context = context;
        this.variables = variables;
    }

    /** A scope with the same data plus {@code $states.result}. */
    public JsonataScope withResult(JsonNode newResult) {
        return new JsonataScope(input, newResult, errorOutput, context, variables);
    }

    public VariableLookup variables() {
        return variables;
    }

    synchronized Map<String, Object> states() {
        if (states == null) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("input", JsonataSupport.toJava(input));
            if (result != null) {
                map.put("result", JsonataSupport.toJava(result));
            }
            if (errorOutput != null) {
                map.put("errorOutput", JsonataSupport.toJava(errorOutput));
            }
            map.put("context", JsonataSupport.toJava(context));
            states = map;
        }
        return states;
    }
}
