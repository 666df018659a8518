package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting, naming, stopping and timing out executions, and the history they leave. */
class AslExecutionLifecycleTest {
    private static final String WAITING = """
            {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""";

    @Test
    void startExecution_shouldReturnTheRunningExecution_whenNameAndInputAreTheSame() {
        // given
        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            StateMachine machine = harness.machine(WAITING);
            ExecutionDescription first = harness.engine.startExecution(machine.arn(), "run-1", "{\"a\":1}");

            // when
            ExecutionDescription again = harness.engine.startExecution(machine.arn(), "run-1", "{ \"a\" : 1 }");

            // then
            assertThat(again.executionArn()).isEqualTo(first.executionArn());
            assertThat(harness.engine.listExecutions(machine.arn(), null)).hasSize(1);
            assertThatThrownBy(() -> harness.engine.startExecution(machine.arn(), "run-1", "{\"a\":2}"))
                    .isInstanceOf(ExecutionAlreadyExistsException.class)
                    .hasMessageContaining(first.executionArn());
        }
    }

    @Test
    void startExecution_shouldRejectTheName_ofAClosedExecution() {
        // given
        try (AslHarness harness = new AslHarness()) {
            StateMachine machine = harness.machine("{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}");
            harness.await(harness.engine.startExecution(machine.arn(), "daily-2024-05-01", "{}").executionArn());

            // when / then
            assertThatThrownBy(() -> harness.engine.startExecution(machine.arn(), "daily-2024-05-01", "{}"))
                    .isInstanceOf(ExecutionAlreadyExistsException.class);
        }
    }

    @Test
    void startExecution_shouldValidateNamesAndInput() {
        // given
        try (AslHarness harness = new AslHarness()) {
            StateMachine machine = harness.machine(WAITING);

            // when / then
            assertThatThrownBy(() -> harness.engine.startExecution(machine.arn(), "has space", "{}"))
                    .isInstanceOf(InvalidNameException.class);
            assertThatThrownBy(() -> harness.engine.startExecution(machine.arn(), "x".repeat(81), "{}"))
                    .isInstanceOf(InvalidNameException.class);
            assertThatThrownBy(() -> harness.engine.startExecution(machine.arn(), "ok", "{broken"))
                    .isInstanceOf(InvalidExecutionInputException.class);
            assertThatThrownBy(() -> harness.engine.startExecution(machine.arn() + "Nope", "ok", "{}"))
                    .isInstanceOf(StateMachineDoesNotExistException.class);
        }
    }

    @Test
    void createStateMachine_shouldBeIdempotent_butRejectAConflictingDefinition() {
        // given
        try (AslHarness harness = new AslHarness()) {
            StateMachine first = harness.engine.createStateMachine("Orders", WAITING, AslHarness.ROLE);

            // when
            StateMachine again = harness.engine.createStateMachine("Orders", WAITING, AslHarness.ROLE);

            // then
            assertThat(again).isSameAs(first);
            assertThat(first.arn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Orders");
            assertThatThrownBy(() -> harness.engine.createStateMachine("Orders",
                    "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}", AslHarness.ROLE))
                    .isInstanceOf(StateMachineAlreadyExistsException.class);
        }
    }

    @Test
    void stopExecution_shouldAbortIt_interruptingItsTask_andRecordExecutionAbortedLast() {
        // given
        String definition = """
                {"StartAt":"Render","States":{"Render":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            RecordingTask render = new RecordingTask(invocation -> RecordingTask.blockUntilInterrupted());
            harness.resources.register("arn:aws:states:::lambda:invoke", render);
            String arn = harness.start(definition, "{}");
            AslHarness.eventually(() -> render.calls() == 1);

            // when
            ExecutionDescription stopped = harness.engine.stopExecution(arn, "User.Cancelled", "changed my mind");

            // then
            assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(stopped.error()).isEqualTo("User.Cancelled");
            assertThat(stopped.stopDate()).isNotNull();
            AslHarness.eventually(() -> render.interruptions() == 1);
            List<HistoryEvent> history = harness.history(arn);
            HistoryEvent last = history.get(history.size() - 1);
            assertThat(last.type()).isEqualTo(HistoryEventType.ExecutionAborted);
            assertThat(last.details().get("cause").textValue()).isEqualTo("changed my mind");
            assertThat(harness.engine.stopExecution(arn, null, null).status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }

    @Test
    void timeoutSeconds_shouldTimeTheExecutionOut() {
        // given
        String definition = """
                {"TimeoutSeconds":60,"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":120,"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(done.error()).isEqualTo("States.Timeout");
            assertThat(done.stopDate()).isEqualTo(AslHarness.START.plusSeconds(60));
            assertThat(harness.types(arn)).containsExactly(HistoryEventType.ExecutionStarted,
                    HistoryEventType.WaitStateEntered, HistoryEventType.ExecutionTimedOut);
        }
    }

    @Test
    void history_shouldRecordAwsEventTypesWithConsecutiveIdsAndPreviousEventIds() {
        // given
        String definition = """
                {"StartAt":"Prepare","States":{
                  "Prepare":{"Type":"Pass","Next":"Pause"},
                  "Pause":{"Type":"Wait","Seconds":5,"Next":"Call"},
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Route"},
                  "Route":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],"Default":"Broken"},
                  "Broken":{"Type":"Fail","Error":"Broken"},
                  "Done":{"Type":"Succeed"}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::lambda:invoke", RecordingTask.echo());

            // when
            String arn = harness.start(definition, "{\"ok\":true}");
            harness.await(arn);
            List<HistoryEvent> history = harness.history(arn);

            // then
            assertThat(history).extracting(HistoryEvent::type).containsExactly(HistoryEventType.ExecutionStarted,
                    HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited,
                    HistoryEventType.WaitStateEntered, HistoryEventType.WaitStateExited,
                    HistoryEventType.TaskStateEntered, HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted,
                    HistoryEventType.TaskSucceeded, HistoryEventType.TaskStateExited,
                    HistoryEventType.ChoiceStateEntered, HistoryEventType.ChoiceStateExited,
                    HistoryEventType.SucceedStateEntered, HistoryEventType.SucceedStateExited,
                    HistoryEventType.ExecutionSucceeded);
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i).id()).isEqualTo(i + 1);
            }
            assertThat(history.get(0).previousEventId()).isZero();
            assertThat(history.get(1).previousEventId()).isZero();
            for (int i = 2; i < history.size(); i++) {
                assertThat(history.get(i).previousEventId()).isEqualTo(i);
            }
            assertThat(history.get(4).timestamp()).isEqualTo(AslHarness.START.plusSeconds(5));
            assertThat(history.get(6).details().get("parameters").textValue()).isEqualTo("{\"ok\":true}");
            assertThat(HistoryEvent.fromJson(history.get(6).toJson())).isEqualTo(history.get(6));
        }
    }

    @Test
    void listeners_shouldSeeEveryEventInOrder_andEachStatusChange() {
        // given
        List<Long> eventIds = Collections.synchronizedList(new ArrayList<>());
        List<ExecutionStatus> statuses = Collections.synchronizedList(new ArrayList<>());
        try (AslHarness harness = new AslHarness()) {
            harness.engine.addListener(new ExecutionListener() {
                @Override
                public void onEvent(String executionArn, HistoryEvent event) {
                    eventIds.add(event.id());
                }

                @Override
                public void onStatusChange(ExecutionDescription description) {
                    statuses.add(description.status());
                }
            });

            // when
            harness.run("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");

            // then
            assertThat(eventIds).containsExactly(1L, 2L, 3L, 4L);
            assertThat(statuses).containsExactly(ExecutionStatus.RUNNING, ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void payloads_shouldFailWithDataLimitExceeded_aboveTheQuota_whichCatchCannotHandle() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Grow","States":{"Grow":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Z"}],"End":true},
                  "Z":{"Type":"Pass","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::lambda:invoke",
                    new RecordingTask(invocation -> json("\"" + "x".repeat(262_144) + "\"")));

            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.DataLimitExceeded");
        }
    }

    @Test
    void tasks_shouldFailWithStatesRuntime_whenNoResourceIsRegistered() {
        // given
        String definition = """
                {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(done.cause()).contains("arn:aws:states:::dynamodb:putItem");
            assertThat(harness.types(arn)).contains(HistoryEventType.TaskStartFailed);
        }
    }

    @Test
    void awaitCompletion_shouldTimeOut_inRealTime_whenTheExecutionKeepsRunning() {
        // given
        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            String arn = harness.start(WAITING, "{}");

            // when / then
            assertThatThrownBy(() -> harness.engine.awaitCompletion(arn, Duration.ofMillis(50)))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            harness.clock.advance(Duration.ofHours(1));
            assertThat(harness.await(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }
}
