package dev.reelsmith.steps.publish;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/** Publishes the composed video, poster and cost report, and completes the session. */
public final class PublishHandler extends JsonStepHandler<Publishing.Request, Publishing.Published> {
    private final Publishing publishing;

    public PublishHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public PublishHandler(StepDependencies dependencies) {
        super(Publishing.Request.class);
        this.publishing = new Publishing(dependencies);
    }

    @Override
    protected Publishing.Published handle(Publishing.Request request, Context context) {
        return publishing.publish(request);
    }
}
