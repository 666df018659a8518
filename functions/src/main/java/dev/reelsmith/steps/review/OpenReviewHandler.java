package dev.reelsmith.steps.review;

import com.amazonaws.services.lambda.runtime.Context;
import dev.reelsmith.steps.JsonStepHandler;
import dev.reelsmith.steps.StepDependencies;

/**
 * Called with {@code .waitForTaskToken}: stores the gate's task token on the session and announces the gate. The
 * execution waits until the API (or {@code reelsmith run --review}) answers with the token.
 */
public final class OpenReviewHandler extends JsonStepHandler<Review.Gate, Review.Opened> {
    private final Review review;

    public OpenReviewHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public OpenReviewHandler(StepDependencies dependencies) {
        super(Review.Gate.class);
        this.review = new Review(dependencies);
    }

    @Override
    protected Review.Opened handle(Review.Gate gate, Context context) {
        return review.open(gate);
    }
}
