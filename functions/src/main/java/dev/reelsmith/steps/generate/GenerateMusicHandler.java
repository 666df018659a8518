package dev.reelsmith.steps.generate;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/** The GenerateMusic step: see {@link Generation#music}. */
public final class GenerateMusicHandler extends JsonStepHandler<Generation.MusicState, Generation.MusicState> {
    private final Generation generation;

    public GenerateMusicHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public GenerateMusicHandler(StepDependencies dependencies) {
        super(Generation.MusicState.class);
        this.generation = new Generation(dependencies);
    }

    @Override
    protected Generation.MusicState handle(Generation.MusicState input, Context context) {
        return generation.music(input);
    }
}
