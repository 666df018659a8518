package dev.reelsmith.local.asl;

import dev.reelsmith.local.asl.definition.StateMachineDefinition;
import java.time.Instant;
import java.util.Objects;

/** A registered state machine: its ARN and name, its definition as written and as parsed. */
public record StateMachine(String arn, String name, String roleArn, String definitionJson,
                           StateMachineDefinition definition, Instant creationDate) {
    public StateMachine {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(definitionJson, "definitionJson");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(creationDate, "creationDate");
    }
}
