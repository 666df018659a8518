package dev.reelsmith.steps.generate;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/** The StartClip step: see {@link Generation#startClip}. */
public final class StartClipHandler extends JsonStepHandler<Generation.ShotRequest, Generation.ClipState> {
    private final Generation generation;

    public StartClipHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public StartClipHandler(StepDependencies dependencies) {
        super(Generation.ShotRequest.class);
        this.generation = new Generation(dependencies);
    }

    @Override
    protected Generation.ClipState handle(Generation.ShotRequest input, Context context) {
        return generation.startClip(input);
    }
}
