package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** The workflow variables visible to a state: its own scope and, read-only, the scopes around it. */
public interface VariableLookup {

    /** The variable's current value. */
    Optional<JsonNode> get(String name);

    /** Every visible variable; inner scopes shadow nothing, since names are unique across scopes. */
    Map<String, JsonNode> all();

    /** No variables at all. */
    VariableLookup NONE = new VariableLookup() {
        @Override
        public Optional<JsonNode> get(String name) {
            return Optional.empty();
        }

        @Override
        public Map<String, JsonNode> all() {
            return Map.of();
        }
    };
}
