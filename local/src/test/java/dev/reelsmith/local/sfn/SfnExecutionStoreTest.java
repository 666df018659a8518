package dev.reelsmith.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.HistoryEvent;
import dev.reelsmith.local.asl.HistoryEventType;
import dev.reelsmith.local.asl.StateMachine;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SfnExecutionStoreTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    private static final String PASS = """
            {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Result":"hi","ResultPath":"$.out","End":true}}}""";
    private static final String CALLBACK = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":"ready","ResultPath":"$.prepared","Next":"Review"},
              "Review":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters":{"QueueUrl":"https://sqs.local/reviews","MessageBody":{"token.$":"$$.Task.Token"}},
                "ResultPath":"$.review","End":true}}}""";

    @TempDir
    Path data;

    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    private AslEngine engine() {
        TaskResources resources = new TaskResources().register("arn:aws:states:::sqs:sendMessage", invocation -> {
            tokens.add(invocation.input().at("/MessageBody/token").textValue());
            return AwsJson.object().put("MessageId", "m-1");
        });
        return AslEngine.builder().taskResources(resources).build();
    }

    @Test
    void restoreInto_shouldBringBackStateMachinesAndClosedExecutions_withTheirHistory() throws Exception {
        // given
        String machineArn;
        String executionArn;
        List<HistoryEvent> history;
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine first = engine()) {
            store.restoreInto(first);
            machineArn = first.createStateMachine("Greeter", PASS, ROLE).arn();
            executionArn = first.startExecution(machineArn, "run-1", "{\"n\":1}").executionArn();
            first.awaitCompletion(executionArn, Duration.ofSeconds(10));
            history = first.getExecutionHistory(executionArn);
        }

        // when
        ExecutionStore.Restored restored;
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine second = engine()) {
            restored = store.restoreInto(second);
            StateMachine machine = second.describeStateMachine(machineArn);
            ExecutionDescription execution = second.describeExecution(executionArn);
            List<HistoryEvent> restoredHistory = second.getExecutionHistory(executionArn);
            List<ExecutionDescription> listed = second.listExecutions(machineArn, ExecutionStatus.SUCCEEDED);

            // then
            assertThat(restored).isEqualTo(new ExecutionStore.Restored(1, 1, 0, List.of()));
            assertThat(machine.definitionJson()).isEqualTo(PASS);
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo("{\"n\":1,\"out\":\"hi\"}");
            // persisted timestamps keep milliseconds, the precision of the Step Functions API
            assertThat(restoredHistory).extracting(HistoryEvent::toJson)
                    .isEqualTo(history.stream().map(HistoryEvent::toJson).toList());
            assertThat(listed).extracting(ExecutionDescription::executionArn).containsExactly(executionArn);
        }
        assertThat(data.resolve("state-machines").resolve("Greeter.json")).exists();
        assertThat(data.resolve("executions").resolve("Greeter").resolve("run-1.json")).exists();
    }

    @Test
    void restoreInto_shouldResumeRunningExecution_soItsTaskTokenStillCompletesIt() throws Exception {
        // given
        String executionArn;
        String token;
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine first = engine()) {
            store.restoreInto(first);
            String machineArn = first.createStateMachine("Reviewer", CALLBACK, ROLE).arn();
            executionArn = first.startExecution(machineArn, "review-1", "{}").executionArn();
            token = tokens.poll(10, TimeUnit.SECONDS);
            String arn = executionArn;
            waitFor(() -> first.getExecutionHistory(arn).stream()
                    .anyMatch(e -> e.type() == HistoryEventType.TaskSubmitted));
        }

        // when
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine second = engine()) {
            ExecutionStore.Restored restored = store.restoreInto(second);
            String arn = executionArn;
            // the engine resumes asynchronously; the token is live again once the task records it
            waitFor(() -> second.snapshot(arn).root().taskToken() != null);
            second.sendTaskSuccess(token, "{\"approved\":true}");
            ExecutionDescription done = second.awaitCompletion(executionArn, Duration.ofSeconds(10));

            // then
            assertThat(restored.resumedExecutions()).isEqualTo(1);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(AwsJson.mapper().readTree(done.output())).isEqualTo(AwsJson.mapper().readTree(
                    "{\"prepared\":\"ready\",\"review\":{\"approved\":true}}"));
            assertThat(second.getExecutionHistory(executionArn)).filteredOn(e ->
                    e.type() == HistoryEventType.PassStateEntered).hasSize(1);
        }
    }

    @Test
    void restoreInto_shouldReportUnreadableFiles_andRestoreTheRest() throws Exception {
        // given
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine first = engine()) {
            store.restoreInto(first);
            first.createStateMachine("Kept", PASS, ROLE);
        }
        Files.writeString(data.resolve("state-machines").resolve("Torn.json"), "{\"name\":");

        // when
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine second = engine()) {
            ExecutionStore.Restored restored = store.restoreInto(second);

            // then
            assertThat(restored.stateMachines()).isEqualTo(1);
            assertThat(restored.problems()).singleElement().asString().contains("Torn.json");
            assertThat(second.listStateMachines()).extracting(StateMachine::name).containsExactly("Kept");
        }
    }

    @Test
    void flush_shouldRemoveTheFile_whenStateMachineIsDeleted() {
        // given
        try (ExecutionStore store = ExecutionStore.open(data, Duration.ofMillis(50)); AslEngine engine = engine()) {
            store.restoreInto(engine);
            String arn = engine.createStateMachine("Temporary", PASS, ROLE).arn();
            store.flush();
            Path file = data.resolve("state-machines").resolve("Temporary.json");
            assertThat(file).exists();

            // when
            engine.deleteStateMachine(arn);
            store.flush();

            // then
            assertThat(file).doesNotExist();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
