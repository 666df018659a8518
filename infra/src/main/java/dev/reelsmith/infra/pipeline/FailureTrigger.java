package dev.reelsmith.infra.pipeline;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Records failed runs: an EventBridge rule on the default bus (where Step Functions sends its events) matching the
 * pipeline's "Execution Status Change" to FAILED, TIMED_OUT or ABORTED, targeting the RECORD_FAILURE function. The
 * definition has no catch-all failure path, so a failed execution stops at the failing state and can be redriven
 * from there; this rule is what marks the session failed, sends the dead letter and emits {@code RunFailed}.
 */
public final class FailureTrigger extends Construct {
    /** The execution statuses that end a run without a video. */
    public static final List<String> FAILED_STATUSES = List.of("FAILED", "TIMED_OUT", "ABORTED");

    private final Rule rule;

    public FailureTrigger(Construct scope, String id, IStateMachine stateMachine, IFunction recordFailure,
                          IQueue deadLetters) {
        super(scope, id);
        rule = Rule.Builder.create(this, "ExecutionFailed")
                .description("Reelsmith: a pipeline execution that failed, timed out or was stopped is recorded")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.states"))
                        .detailType(List.of("Step Functions Execution Status Change"))
                        .detail(Map.of(
                                "stateMachineArn", List.of(stateMachine.getStateMachineArn()),
                                "status", FAILED_STATUSES))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(recordFailure)
                        .deadLetterQueue(deadLetters)
                        .retryAttempts(8)
                        .maxEventAge(Duration.hours(2))
                        .build()))
                .build();
    }

    /** The rule. */
    public Rule rule() {
        return rule;
    }
}
