package dev.reelsmith.steps.generate;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/** The PollClip step: see {@link Generation#poll}. */
public final class PollClipHandler extends JsonStepHandler<Generation.ClipState, Generation.ClipState> {
    private final Generation generation;

    public PollClipHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public PollClipHandler(StepDependencies dependencies) {
        super(Generation.ClipState.class);
        this.generation = new Generation(dependencies);
    }

    @Override
    protected Generation.ClipState handle(Generation.ClipState input, Context context) {
        return generation.poll(input);
    }
}
