package dev.reelsmith.steps.plan;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.SessionRef;
import dev.reelsmith.steps.StepDependencies;

/** The BudgetGate step: see {@link BudgetGate#check}. */
public final class BudgetGateHandler extends JsonStepHandler<SessionRef, BudgetGate.Result> {
    private final BudgetGate gate;

    public BudgetGateHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public BudgetGateHandler(StepDependencies dependencies) {
        super(SessionRef.class);
        this.gate = new BudgetGate(dependencies);
    }

    @Override
    protected BudgetGate.Result handle(SessionRef input, Context context) {
        return gate.check(input.sessionId());
    }
}
