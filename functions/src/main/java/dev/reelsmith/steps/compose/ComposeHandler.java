package dev.reelsmith.steps.compose;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.publish.Publishing;

/** The Compose step: see {@link Composition#compose}. */
public final class ComposeHandler extends JsonStepHandler<Composition.Request, Publishing.Request> {
    private final Composition composition;

    public ComposeHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public ComposeHandler(StepDependencies dependencies) {
        super(Composition.Request.class);
        this.composition = new Composition(dependencies);
    }

    @Override
    protected Publishing.Request handle(Composition.Request request, Context context) {
        return composition.compose(request);
    }
}
