package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code .waitForTaskToken}: callbacks, heartbeats, timeouts and invalidated tokens. */
class AslTaskTokenTest {
    private static final String SEND = "arn:aws:states:::sqs:sendMessage";

    private static String callback(String extra) {
        return """
                {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"%s.waitForTaskToken",
                  "Parameters":{"QueueUrl":"https://sqs.local/approvals","MessageBody":{"token.$":"$$.Task.Token","run.$":"$.run"}},
                  %s"End":true},"Rejected":{"Type":"Pass","End":true}}}""".formatted(SEND, extra);
    }

    private static String tokenOf(RecordingTask queue) {
        AslHarness.eventually(() -> queue.calls() == 1);
        return queue.invocations().get(0).input().at("/MessageBody/token").textValue();
    }

    @Test
    void sendTaskSuccess_shouldCompleteTheTask_withTheCallbackOutput() {
        // given
        try (AslHarness harness = new AslHarness()) {
            RecordingTask queue = new RecordingTask(invocation -> json("{\"MessageId\":\"m-1\"}"));
            harness.resources.register(SEND, queue);
            String arn = harness.start(callback("\"Catch\":[{\"ErrorEquals\":[\"Rejected\"],\"Next\":\"Rejected\"}],"),
                    "{\"run\":\"r1\"}");
            String token = tokenOf(queue);
            AslHarness.eventually(() -> harness.types(arn).contains(HistoryEventType.TaskSubmitted));

            // when
            harness.engine.sendTaskSuccess(token, "{\"approved\":true}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(queue.invocations().get(0).taskToken()).contains(token);
            assertThat(done.output()).isEqualTo("{\"approved\":true}");
            assertThat(harness.types(arn)).containsSubsequence(HistoryEventType.TaskScheduled,
                    HistoryEventType.TaskStarted, HistoryEventType.TaskSubmitted, HistoryEventType.TaskSucceeded);
            HistoryEvent submitted = harness.events(arn, HistoryEventType.TaskSubmitted).get(0);
            assertThat(submitted.details().get("resource").textValue()).isEqualTo("sendMessage.waitForTaskToken");
            assertThat(submitted.details().get("output").textValue()).isEqualTo("{\"MessageId\":\"m-1\"}");
        }
    }

    @Test
    void sendTaskFailure_shouldFailTheTask_withTheGivenErrorThatCatchMatches() {
        // given
        try (AslHarness harness = new AslHarness()) {
            RecordingTask queue = new RecordingTask(invocation -> json("{}"));
            harness.resources.register(SEND, queue);
            String arn = harness.start(callback("\"Catch\":[{\"ErrorEquals\":[\"Rejected\"],\"Next\":\"Rejected\"}],"),
                    "{\"run\":\"r2\"}");
            String token = tokenOf(queue);

            // when
            harness.engine.sendTaskFailure(token, "Rejected", "the reviewer said no");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"Error\":\"Rejected\",\"Cause\":\"the reviewer said no\"}"));
        }
    }

    @Test
    void heartbeat_shouldKeepTheTaskAlive_andItsAbsenceShouldFailItWithHeartbeatTimeout() {
        // given
        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            RecordingTask queue = new RecordingTask(invocation -> json("{}"));
            harness.resources.register(SEND, queue);
            String arn = harness.start(callback("\"HeartbeatSeconds\":60,\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],"
                    + "\"Next\":\"Rejected\"}],"), "{\"run\":\"r3\"}");
            String token = tokenOf(queue);
            AslHarness.eventually(() -> harness.types(arn).contains(HistoryEventType.TaskSubmitted));

            // when
            harness.clock.advance(Duration.ofSeconds(40));
            harness.engine.sendTaskHeartbeat(token);
            harness.clock.advance(Duration.ofSeconds(40));
            ExecutionStatus afterHeartbeat = harness.engine.describeExecution(arn).status();
            harness.clock.advance(Duration.ofSeconds(20));
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(afterHeartbeat).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(json(done.output()).get("Error").textValue()).isEqualTo("States.HeartbeatTimeout");
            HistoryEvent timedOut = harness.events(arn, HistoryEventType.TaskTimedOut).get(0);
            assertThat(timedOut.details().get("error").textValue()).isEqualTo("States.HeartbeatTimeout");
            assertThat(timedOut.timestamp()).isEqualTo(AslHarness.START.plusSeconds(100));
            assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{}")).isInstanceOf(TaskTimedOutException.class);
        }
    }

    @Test
    void timeoutSeconds_shouldFailABlockingTaskWithStatesTimeout_andInterruptIt() {
        // given
        String definition = """
                {"StartAt":"Render","States":{"Render":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "TimeoutSeconds":900,"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            RecordingTask render = new RecordingTask(invocation -> RecordingTask.blockUntilInterrupted());
            harness.resources.register("arn:aws:states:::lambda:invoke", render);
            String arn = harness.start(definition, "{}");
            AslHarness.eventually(() -> render.calls() == 1);

            // when
            harness.clock.advance(Duration.ofSeconds(899));
            ExecutionStatus before = harness.engine.describeExecution(arn).status();
            harness.clock.advance(Duration.ofSeconds(1));
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(before).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(done.error()).isEqualTo("States.Timeout");
            AslHarness.eventually(() -> render.interruptions() == 1);
            assertThat(harness.events(arn, HistoryEventType.TaskScheduled).get(0).details().get("timeoutInSeconds").intValue())
                    .isEqualTo(900);
        }
    }

    @Test
    void callbacks_shouldBeRejected_forUnknownTokensInvalidOutputAndStoppedExecutions() {
        // given
        try (AslHarness harness = new AslHarness()) {
            RecordingTask queue = new RecordingTask(invocation -> json("{}"));
            harness.resources.register(SEND, queue);
            String arn = harness.start(callback("\"Catch\":[{\"ErrorEquals\":[\"Rejected\"],\"Next\":\"Rejected\"}],"),
                    "{\"run\":\"r4\"}");
            String token = tokenOf(queue);
            AslHarness.eventually(() -> harness.types(arn).contains(HistoryEventType.TaskSubmitted));

            // when / then
            assertThatThrownBy(() -> harness.engine.sendTaskSuccess("not-a-token", "{}"))
                    .isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{not json"))
                    .isInstanceOf(InvalidOutputException.class);
            harness.engine.stopExecution(arn, "Operator", "cancelled by hand");
            assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{}"))
                    .isInstanceOf(TaskTimedOutException.class);
            assertThat(harness.engine.describeExecution(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }

    @Test
    void jsonataStates_shouldExposeTheTokenInTheContext() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Wait","States":{"Wait":{"Type":"Task",
                  "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Arguments":{"MessageBody":{"token":"{% $states.context.Task.Token %}"}},
                  "Output":{"decision":"{% $states.result.decision %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            RecordingTask queue = new RecordingTask(invocation -> json("{}"));
            harness.resources.register(SEND, queue);
            String arn = harness.start(definition, "{}");
            String token = tokenOf(queue);

            // when
            harness.engine.sendTaskSuccess(token, "{\"decision\":\"approve\"}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.output()).isEqualTo("{\"decision\":\"approve\"}");
        }
    }
}
