package dev.reelsmith.local.asl.definition;

import java.util.List;

/**
 * Thrown when a definition is not valid Amazon States Language; lists every problem found, each as
 * {@code CODE: message at /json/pointer} like the Step Functions {@code InvalidDefinition} error.
 */
public final class InvalidDefinitionException extends RuntimeException {
    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("Invalid State Machine Definition: " + String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
