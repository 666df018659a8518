package dev.reelsmith.steps.plan;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.SessionRef;
import dev.reelsmith.steps.StepDependencies;

/** The WriteScript step: see {@link Planning#writeScript}. */
public final class WriteScriptHandler extends JsonStepHandler<SessionRef, Planning.ScriptResult> {
    private final Planning planning;

    public WriteScriptHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public WriteScriptHandler(StepDependencies dependencies) {
        super(SessionRef.class);
        this.planning = new Planning(dependencies);
    }

    @Override
    protected Planning.ScriptResult handle(SessionRef input, Context context) {
        return planning.writeScript(input.sessionId());
    }
}
