package dev.reelsmith.steps.plan;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.SessionRef;
import dev.reelsmith.steps.StepDependencies;

/** The PlanShots step: see {@link Planning#planShots}. */
public final class PlanShotsHandler extends JsonStepHandler<SessionRef, Planning.ShotsResult> {
    private final Planning planning;

    public PlanShotsHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public PlanShotsHandler(StepDependencies dependencies) {
        super(SessionRef.class);
        this.planning = new Planning(dependencies);
    }

    @Override
    protected Planning.ShotsResult handle(SessionRef input, Context context) {
        return planning.planShots(input.sessionId());
    }
}
