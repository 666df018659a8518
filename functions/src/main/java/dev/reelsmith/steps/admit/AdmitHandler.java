package dev.reelsmith.steps.admit;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/** The workflow's first step: checks the upload by content and limits, and admits or rejects the session. */
public final class AdmitHandler extends JsonStepHandler<Admission.Request, Admission.Result> {
    private final Admission admission;

    public AdmitHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public AdmitHandler(StepDependencies dependencies) {
        super(Admission.Request.class);
        this.admission = new Admission(dependencies);
    }

    @Override
    protected Admission.Result handle(Admission.Request request, Context context) {
        return admission.admit(request);
    }
}
