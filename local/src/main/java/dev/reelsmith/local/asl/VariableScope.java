package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.StatesFailure;
import dev.reelsmith.local.asl.data.VariableLookup;
import dev.reelsmith.local.asl.definition.StatesErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one workflow scope. The top-level workflow has one scope; each Parallel branch and Map iteration
 * gets its own, which reads the enclosing scopes but never writes them, so what a branch assigns stays in the
 * branch. Values change only when a state completes ({@link #assign}), so every expression of a state sees the
 * values from when the state was entered.
 */
final class VariableScope implements VariableLookup {
    private final VariableScope parent;
    private final Map<String, JsonNode> own = new LinkedHashMap<>();

    VariableScope(VariableScope parent, Map<String, JsonNode> initial) {
        this.parent = parent;
        own.putAll(initial);
    }

    @Override
    public synchronized Optional<JsonNode> get(String name) {
        JsonNode value = own.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        return parent == null ? Optional.empty() : parent.get(name);
    }

    @Override
    public Map<String, JsonNode> all() {
        Map<String, JsonNode> all = parent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parent.all());
        synchronized (this) {
            all.putAll(own);
        }
        return all;
    }

    /** Sets all {@code values} at once, after the state that assigns them completed. */
    void assign(Map<String, JsonNode> values) {
        for (String name : values.keySet()) {
            if (parent != null && parent.get(name).isPresent()) {
                throw new StatesFailure(StatesErrors.RUNTIME, "Cannot assign the variable '" + name
                        + "': it belongs to an outer scope");
            }
        }
        synchronized (this) {
            own.putAll(values);
        }
    }

    /** A copy of this scope's own variables. */
    synchronized Map<String, JsonNode> ownValues() {
        return new LinkedHashMap<>(own);
    }
}
