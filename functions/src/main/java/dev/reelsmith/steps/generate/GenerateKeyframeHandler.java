package dev.reelsmith.steps.generate;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/** The GenerateKeyframe step: see {@link Generation#keyframe}. */
public final class GenerateKeyframeHandler extends JsonStepHandler<Generation.ShotRequest, Generation.KeyframeResult> {
    private final Generation generation;

    public GenerateKeyframeHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public GenerateKeyframeHandler(StepDependencies dependencies) {
        super(Generation.ShotRequest.class);
        this.generation = new Generation(dependencies);
    }

    @Override
    protected Generation.KeyframeResult handle(Generation.ShotRequest input, Context context) {
        return generation.keyframe(input);
    }
}
