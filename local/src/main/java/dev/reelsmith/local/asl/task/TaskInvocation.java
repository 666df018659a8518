package dev.reelsmith.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a Task state's resource, as a {@link TaskResource} sees it.
 *
 * @param resource the parsed {@code Resource} of the state
 * @param input the effective input: JSONPath {@code Parameters} (or the filtered state input) or JSONata
 *     {@code Arguments}, already evaluated
 * @param executionArn the execution this task belongs to
 * @param stateName the Task state's name
 * @param context the context object ({@code $$} / {@code $states.context}) at this attempt
 * @param taskToken the callback token for {@code .waitForTaskToken} resources, otherwise empty
 * @param timeoutAt when the state's {@code TimeoutSeconds} expires; resources doing long synchronous work may
 *     use it, the engine enforces it regardless
 */
public record TaskInvocation(ResourceArn resource, JsonNode input, String executionArn, String stateName,
                             JsonNode context, Optional<String> taskToken, Instant timeoutAt) {
    public TaskInvocation {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(taskToken, "taskToken");
        Objects.requireNonNull(timeoutAt, "timeoutAt");
    }
}
