package dev.reelsmith.steps.failure;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/**
 * EventBridge target for the pipeline's "Step Functions Execution Status Change" events: every run that ends
 * failed, timed out or aborted is recorded (see {@link Failure}).
 */
public final class RecordFailureHandler extends JsonStepHandler<JsonNode, Failure.Recorded> {
    private final Failure failure;

    public RecordFailureHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public RecordFailureHandler(StepDependencies dependencies) {
        super(JsonNode.class);
        this.failure = new Failure(dependencies);
    }

    @Override
    protected Failure.Recorded handle(JsonNode event, Context context) {
        return failure.record(event);
    }
}
