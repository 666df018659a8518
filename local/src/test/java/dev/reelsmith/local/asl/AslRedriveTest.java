package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** RedriveExecution, snapshots and restore. */
class AslRedriveTest {
    private static final String PAID = "arn:aws:states:::lambda:invoke";
    private static final String FLAKY = "arn:aws:states:::sqs:sendMessage";

    /** A task that fails the first time it sees each listed input, then succeeds. */
    private static RecordingTask failingOnceFor(Set<String> inputs) {
        Set<String> failed = Collections.synchronizedSet(new HashSet<>());
        return new RecordingTask(invocation -> {
            String key = JsonValues.print(invocation.input());
            if (inputs.contains(key) && failed.add(key)) {
                throw new AslTaskFailure("Vendor.Unavailable", "try later: " + key);
            }
            return invocation.input();
        });
    }

    @Test
    void redrive_shouldRestartFromTheFailedState_keepingCompletedStatesAndVariables() {
        // given
        String definition = """
                {"StartAt":"Generate","States":{
                  "Generate":{"Type":"Task","Resource":"%s","Parameters":{"shot.$":"$.shot"},"ResultPath":"$.image",
                    "Assign":{"generated.$":"$.shot"},"Next":"Publish"},
                  "Publish":{"Type":"Task","Resource":"%s","Parameters":{"image.$":"$.image","gen.$":"$generated",
                    "redrives.$":"$$.Execution.RedriveCount"},"End":true}}}""".formatted(PAID, FLAKY);

        try (AslHarness harness = new AslHarness()) {
            RecordingTask paid = RecordingTask.echo();
            AtomicInteger publishes = new AtomicInteger();
            RecordingTask publish = new RecordingTask(invocation -> {
                if (publishes.getAndIncrement() == 0) {
                    throw new AslTaskFailure("Vendor.Unavailable", "503");
                }
                return invocation.input();
            });
            harness.resources.register(PAID, paid).register(FLAKY, publish);
            String arn = harness.start(definition, "{\"shot\":\"s1\"}");
            ExecutionDescription failed = harness.await(arn);

            // when
            ExecutionDescription redriven = harness.engine.redriveExecution(arn);
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.redriveStatus()).isEqualTo("REDRIVABLE");
            assertThat(redriven.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.redriveCount()).isEqualTo(1);
            assertThat(paid.calls()).as("the completed, paid-for state is not run again").isEqualTo(1);
            assertThat(publish.calls()).isEqualTo(2);
            assertThat(json(done.output())).isEqualTo(json("{\"image\":{\"shot\":\"s1\"},\"gen\":\"s1\",\"redrives\":1}"));
            assertThat(harness.types(arn)).containsSubsequence(HistoryEventType.ExecutionFailed,
                    HistoryEventType.ExecutionRedriven, HistoryEventType.TaskStateEntered,
                    HistoryEventType.ExecutionSucceeded);
            assertThat(harness.events(arn, HistoryEventType.ExecutionRedriven).get(0).details().get("redriveCount").intValue())
                    .isEqualTo(1);
        }
    }

    @Test
    void redrive_shouldRerunOnlyTheMapIterationsThatDidNotSucceed() {
        // given
        String definition = """
                {"StartAt":"Shots","States":{"Shots":{"Type":"Map","ItemsPath":"$.shots","MaxConcurrency":1,
                  "ItemProcessor":{"StartAt":"Render","States":{"Render":{"Type":"Task","Resource":"%s","End":true}}},
                  "End":true}}}""".formatted(PAID);

        try (AslHarness harness = new AslHarness()) {
            RecordingTask render = failingOnceFor(Set.of("\"c\""));
            harness.resources.register(PAID, render);
            String arn = harness.start(definition, "{\"shots\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}");
            ExecutionDescription failed = harness.await(arn);
            List<String> firstRun = render.invocations().stream().map(i -> i.input().textValue()).toList();

            // when
            harness.engine.redriveExecution(arn);
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(failed.error()).isEqualTo("Vendor.Unavailable");
            assertThat(firstRun).containsExactly("a", "b", "c");
            List<String> all = render.invocations().stream().map(i -> i.input().textValue()).toList();
            assertThat(all.subList(3, all.size())).containsExactly("c", "d", "e");
            assertThat(done.output()).isEqualTo("[\"a\",\"b\",\"c\",\"d\",\"e\"]");
        }
    }

    @Test
    void redrive_shouldRerunOnlyTheParallelBranchesThatFailed_fromTheirFailedState() {
        // given
        String definition = """
                {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Keyframes","States":{"Keyframes":{"Type":"Task","Resource":"%1$s","Parameters":{"k":1},"End":true}}},
                  {"StartAt":"Music","States":{"Music":{"Type":"Task","Resource":"%1$s","Parameters":{"m":1},"Next":"Settle"},
                    "Settle":{"Type":"Wait","Seconds":1,"Next":"Master"},
                    "Master":{"Type":"Task","Resource":"%1$s","Parameters":{"master":1},"End":true}}}]}}}""".formatted(PAID);

        try (AslHarness harness = new AslHarness()) {
            RecordingTask work = failingOnceFor(Set.of("{\"master\":1}"));
            harness.resources.register(PAID, work);
            String arn = harness.start(definition, "{}");
            harness.await(arn);
            int firstRunCalls = work.calls();

            // when
            harness.engine.redriveExecution(arn);
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(firstRunCalls).isEqualTo(3);
            assertThat(work.invocations().subList(3, work.calls())).extracting(i -> JsonValues.print(i.input()))
                    .containsExactly("{\"master\":1}");
            assertThat(done.output()).isEqualTo("[{\"k\":1},{\"master\":1}]");
        }
    }

    @Test
    void redrive_shouldBeRefused_forRunningAndSucceededExecutions() {
        // given
        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            String running = harness.start("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":5,\"End\":true}}}",
                    "{}");
            String succeeded = harness.start("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}", "{}");
            harness.await(succeeded);

            // when / then
            assertThatThrownBy(() -> harness.engine.redriveExecution(running))
                    .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("RUNNING");
            assertThatThrownBy(() -> harness.engine.redriveExecution(succeeded))
                    .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("SUCCEEDED");
        }
    }

    @Test
    void redrive_shouldContinueAnAbortedExecution_fromTheStateItWasIn() {
        // given
        String definition = """
                {"StartAt":"First","States":{"First":{"Type":"Task","Resource":"%s","Next":"Hold"},
                  "Hold":{"Type":"Wait","Seconds":600,"Next":"Last"},
                  "Last":{"Type":"Pass","Result":"done","End":true}}}""".formatted(PAID);

        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            RecordingTask first = RecordingTask.echo();
            harness.resources.register(PAID, first);
            String arn = harness.start(definition, "{}");
            AslHarness.eventually(() -> harness.types(arn).contains(HistoryEventType.WaitStateEntered));
            harness.engine.stopExecution(arn, null, null);

            // when
            harness.engine.redriveExecution(arn);
            harness.clock.autoAdvance(true);
            harness.clock.engineIdle();
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.output()).isEqualTo("\"done\"");
            assertThat(first.calls()).isEqualTo(1);
        }
    }

    @Test
    void snapshot_shouldRoundTripThroughJson_andRestoreIntoANewEngine_whereItCanBeRedriven() {
        // given
        String definition = """
                {"StartAt":"Count","States":{"Count":{"Type":"Pass","Assign":{"n":1},"Next":"Call"},
                  "Call":{"Type":"Task","Resource":"%s","Parameters":{"n.$":"$n"},"End":true}}}""".formatted(FLAKY);
        String text;
        List<HistoryEvent> originalHistory;
        try (AslHarness before = new AslHarness()) {
            before.resources.register(FLAKY, failingOnceFor(Set.of("{\"n\":1}")));
            String arn = before.start(definition, "{}");
            before.await(arn);
            originalHistory = before.history(arn);
            text = before.engine.snapshot(arn).toJson().toString();
        }

        try (AslHarness after = new AslHarness()) {
            RecordingTask call = RecordingTask.echo();
            after.resources.register(FLAKY, call);
            ExecutionSnapshot snapshot = ExecutionSnapshot.fromJson(json(text));

            // when
            ExecutionDescription restored = after.engine.restore(snapshot);
            after.engine.redriveExecution(restored.executionArn());
            ExecutionDescription done = after.await(restored.executionArn());

            // then
            assertThat(restored.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(after.history(restored.executionArn()).subList(0, originalHistory.size()))
                    .isEqualTo(originalHistory);
            assertThat(done.output()).isEqualTo("{\"n\":1}");
            assertThat(call.calls()).isEqualTo(1);
        }
    }

    @Test
    void restore_shouldResumeARunningCallback_keepingItsTaskToken() {
        // given
        String definition = """
                {"StartAt":"Prepare","States":{"Prepare":{"Type":"Task","Resource":"%s","Next":"Review"},
                  "Review":{"Type":"Task","Resource":"%s.waitForTaskToken",
                    "Parameters":{"token.$":"$$.Task.Token"},"End":true}}}""".formatted(PAID, FLAKY);
        Map<String, String> sent = new ConcurrentHashMap<>();
        String text;
        try (AslHarness before = new AslHarness()) {
            before.resources.register(PAID, RecordingTask.echo());
            before.resources.register(FLAKY, new RecordingTask(invocation -> {
                sent.put("token", invocation.input().get("token").textValue());
                return json("{}");
            }));
            String arn = before.start(definition, "{}");
            AslHarness.eventually(() -> before.types(arn).contains(HistoryEventType.TaskSubmitted));
            text = before.engine.snapshot(arn).toJson().toString();
        }

        try (AslHarness after = new AslHarness()) {
            RecordingTask prepare = RecordingTask.echo();
            RecordingTask review = RecordingTask.echo();
            after.resources.register(PAID, prepare).register(FLAKY, review);
            ExecutionDescription restored = after.engine.restore(ExecutionSnapshot.fromJson(json(text)));
            AslHarness.eventually(() -> {
                try {
                    after.engine.sendTaskSuccess(sent.get("token"), "{\"approved\":true}");
                    return true;
                } catch (TaskTimedOutException notWaitingYet) {
                    return false;
                }
            });

            // when
            ExecutionDescription done = after.await(restored.executionArn());

            // then
            assertThat(restored.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(done.output()).isEqualTo("{\"approved\":true}");
            assertThat(prepare.calls()).isZero();
            assertThat(review.calls()).as("the callback is not sent twice").isZero();
        }
    }
}
