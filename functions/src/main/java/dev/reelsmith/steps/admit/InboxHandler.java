package dev.reelsmith.steps.admit;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/**
 * EventBridge target for inbox uploads ({@code Object Created} from S3): claims the object version exactly once and
 * starts its workflow execution. Duplicate and replayed events start nothing.
 */
public final class InboxHandler extends JsonStepHandler<JsonNode, Inbox.Outcome> {
    private final Inbox inbox;

    public InboxHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public InboxHandler(StepDependencies dependencies) {
        super(JsonNode.class);
        this.inbox = new Inbox(dependencies);
    }

    @Override
    protected Inbox.Outcome handle(JsonNode event, Context context) {
        return inbox.accept(event);
    }
}
