package dev.reelsmith.steps.analyze;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.SessionRef;
import dev.reelsmith.steps.StepDependencies;

/** Songs: duration, loudness, tempo, beats, sections to {@code analysis.json}; briefs: nothing to measure. */
public final class AnalyzeHandler extends JsonStepHandler<SessionRef, Analyze.Result> {
    private final Analyze analyze;

    public AnalyzeHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public AnalyzeHandler(StepDependencies dependencies) {
        super(SessionRef.class);
        this.analyze = new Analyze(dependencies);
    }

    @Override
    protected Analyze.Result handle(SessionRef input, Context context) {
        return analyze.run(input.sessionId());
    }
}
