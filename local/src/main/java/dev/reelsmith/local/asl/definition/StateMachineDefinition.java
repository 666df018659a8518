package dev.reelsmith.local.asl.definition;

import java.util.Objects;

/**
 * A parsed, validated Amazon States Language definition.
 *
 * @param timeoutSeconds the execution timeout ({@code TimeoutSeconds}), or {@code null} for none
 */
public record StateMachineDefinition(String comment, QueryLanguage queryLanguage, Integer timeoutSeconds,
                                     Workflow workflow) {
    public StateMachineDefinition {
        Objects.requireNonNull(queryLanguage, "queryLanguage");
        Objects.requireNonNull(workflow, "workflow");
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be positive, was " + timeoutSeconds);
        }
    }

    /** Parses and validates {@code json}; see {@link DefinitionParser}. */
    public static StateMachineDefinition parse(String json) {
        return DefinitionParser.parse(json);
    }
}
