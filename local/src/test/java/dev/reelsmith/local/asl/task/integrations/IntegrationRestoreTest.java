package dev.reelsmith.local.asl.task.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionSnapshot;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.HistoryEvent;
import dev.reelsmith.local.asl.HistoryEventType;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.lambda.LambdaFunction;
import dev.reelsmith.local.lambda.LambdaFunctions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A callback task survives a restart: the restored execution keeps waiting on the token the reviewer already has
 * (ADR 0003, "Restarts"), and that token is accepted as soon as the restore has returned.
 */
class IntegrationRestoreTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    private static final String REVIEW = """
            {"StartAt":"Review","States":{"Review":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"FUNCTION","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""";

    private static LambdaFunctions lambdas() {
        return new LambdaFunctions("us-east-1", "123456789012")
                .register(LambdaFunction.of("review-gate", IntegrationTestHandlers.ReviewGate.class.getName()));
    }

    private static void awaitSubmitted(AslEngine engine, String execution) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (engine.getExecutionHistory(execution).stream().map(HistoryEvent::type)
                .noneMatch(type -> type == HistoryEventType.TaskSubmitted)) {
            assertThat(System.nanoTime()).as("TaskSubmitted within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void restore_shouldAcceptTheWaitingTasksToken_theMomentRestoreReturns() throws Exception {
        // given
        IntegrationTestHandlers.ReviewGate.TOKENS.clear();
        ExecutionSnapshot snapshot;
        String token;
        try (LambdaFunctions lambdas = lambdas(); AslEngine before = engine(lambdas)) {
            String machine = before.createStateMachine("Review", REVIEW.replace("FUNCTION",
                    lambdas.functionArn("review-gate")), ROLE).arn();
            String execution = before.startExecution(machine, "run-1", "{}").executionArn();
            token = IntegrationTestHandlers.ReviewGate.TOKENS.poll(20, TimeUnit.SECONDS);
            awaitSubmitted(before, execution);
            snapshot = ExecutionSnapshot.fromJson(MAPPER.readTree(before.snapshot(execution).toJson().toString()));
        }

        try (LambdaFunctions lambdas = lambdas(); AslEngine after = engine(lambdas)) {
            // when
            ExecutionDescription restored = after.restore(snapshot);
            after.sendTaskSuccess(token, "{\"approved\":true}");
            ExecutionDescription done = after.awaitCompletion(restored.executionArn(), Duration.ofSeconds(20));

            // then
            assertThat(restored.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(MAPPER.readTree(done.output())).isEqualTo(MAPPER.readTree("{\"approved\":true}"));
            assertThat(IntegrationTestHandlers.ReviewGate.TOKENS).isEmpty();
        }
    }

    private static AslEngine engine(LambdaFunctions lambdas) {
        TaskResources resources = new TaskResources();
        LocalIntegrations.builder().lambda(lambdas).build().registerInto(resources);
        return AslEngine.builder().taskResources(resources).build();
    }

    @Test
    void localCloud_shouldResumeACallbackAfterARestart_withoutInvokingTheFunctionAgain(@TempDir Path data)
            throws Exception {
        // given
        IntegrationTestHandlers.ReviewGate.TOKENS.clear();
        String execution;
        String token;
        try (LocalCloud cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data)
                .lambdas(lambdas()).start()) {
            String definition = REVIEW.replace("FUNCTION", cloud.lambdas().functionArn("review-gate"));
            String machine = cloud.stepFunctions().createStateMachine(c -> c.name("Review").definition(definition)
                    .roleArn(ROLE)).stateMachineArn();
            execution = cloud.stepFunctions().startExecution(s -> s.stateMachineArn(machine).name("run-2")
                    .input("{}")).executionArn();
            token = IntegrationTestHandlers.ReviewGate.TOKENS.poll(20, TimeUnit.SECONDS);
            awaitSubmitted(cloud.engine(), execution);
        }

        try (LocalCloud cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data)
                .lambdas(lambdas()).start()) {
            // when / then
            assertThatCode(() -> cloud.stepFunctions().sendTaskSuccess(s -> s.taskToken(token)
                    .output("{\"approved\":true}"))).doesNotThrowAnyException();
            ExecutionDescription done = cloud.engine().awaitCompletion(execution, Duration.ofSeconds(20));
            assertThat(cloud.restored().orElseThrow().resumedExecutions()).isEqualTo(1);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(MAPPER.readTree(done.output())).isEqualTo(MAPPER.readTree("{\"approved\":true}"));
            assertThat(IntegrationTestHandlers.ReviewGate.TOKENS).isEmpty();
        }
    }
}
