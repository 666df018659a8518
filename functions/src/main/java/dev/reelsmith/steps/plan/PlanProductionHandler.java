package dev.reelsmith.steps.plan;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.SessionRef;
import dev.reelsmith.steps.StepDependencies;

/** The PlanProduction step: see {@link Planning#planProduction}. */
public final class PlanProductionHandler extends JsonStepHandler<SessionRef, Planning.PlanResult> {
    private final Planning planning;

    public PlanProductionHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public PlanProductionHandler(StepDependencies dependencies) {
        super(SessionRef.class);
        this.planning = new Planning(dependencies);
    }

    @Override
    protected Planning.PlanResult handle(SessionRef input, Context context) {
        return planning.planProduction(input.sessionId());
    }
}
