package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.local.asl.task.AslTaskFailure;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Inline Map and Parallel: concurrency, ordering, failure propagation and cancellation. */
class AslMapParallelTest {
    private static final String WORK = "arn:aws:states:::lambda:invoke";

    private static String mapOver(String maxConcurrency) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":%s,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Work","States":{
                    "Work":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}""".formatted(maxConcurrency, WORK);
    }

    @Test
    void map_shouldNeverRunMoreIterationsThanMaxConcurrency_andKeepResultsInItemOrder() {
        // given
        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = new RecordingTask(invocation -> {
                RecordingTask.sleep(25);
                return json("{\"done\":" + invocation.input().get("n") + "}");
            });
            harness.resources.register(WORK, task);

            // when
            String arn = harness.start(mapOver("3"), "{\"items\":[{\"n\":0},{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4},"
                    + "{\"n\":5},{\"n\":6},{\"n\":7},{\"n\":8},{\"n\":9},{\"n\":10},{\"n\":11}]}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(task.maxInFlight()).isEqualTo(3);
            assertThat(task.calls()).isEqualTo(12);
            assertThat(json(done.output())).hasSize(12);
            for (int i = 0; i < 12; i++) {
                assertThat(json(done.output()).get(i).get("done").intValue()).isEqualTo(i);
            }
            assertThat(harness.events(arn, HistoryEventType.MapIterationStarted)).hasSize(12);
            assertThat(harness.events(arn, HistoryEventType.MapIterationSucceeded)).hasSize(12);
            assertThat(harness.events(arn, HistoryEventType.MapStateStarted).get(0).details().get("length").intValue())
                    .isEqualTo(12);
        }
    }

    @Test
    void map_shouldRunAllIterationsAtOnce_whenMaxConcurrencyIsZero() {
        // given
        CountDownLatch allRunning = new CountDownLatch(8);
        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = new RecordingTask(invocation -> {
                allRunning.countDown();
                try {
                    // completes only if all eight iterations are in flight together
                    if (!allRunning.await(5, TimeUnit.SECONDS)) {
                        throw new AslTaskFailure("NotConcurrent", "iterations ran with a limit");
                    }
                } catch (InterruptedException e) {
                    throw new AslTaskFailure("Interrupted", "");
                }
                return invocation.input();
            });
            harness.resources.register(WORK, task);

            // when
            ExecutionDescription done = harness.run(mapOver("0"), "{\"items\":[1,2,3,4,5,6,7,8]}");

            // then
            assertThat(done.output()).isEqualTo("[1,2,3,4,5,6,7,8]");
            assertThat(task.maxInFlight()).isEqualTo(8);
        }
    }

    @Test
    void map_shouldSucceedWithAnEmptyArray_whenThereAreNoItems() {
        // given
        try (AslHarness harness = new AslHarness()) {
            harness.resources.register(WORK, RecordingTask.echo());

            // when
            ExecutionDescription done = harness.run(mapOver("2"), "{\"items\":[]}");

            // then
            assertThat(done.output()).isEqualTo("[]");
        }
    }

    @Test
    void map_shouldFailWithStatesRuntime_whenItemsPathIsNotAnArray() {
        // given
        try (AslHarness harness = new AslHarness()) {
            harness.resources.register(WORK, RecordingTask.echo());

            // when
            ExecutionDescription done = harness.run(mapOver("2"), "{\"items\":{\"not\":\"an array\"}}");

            // then
            assertThat(done.error()).isEqualTo("States.Runtime");
        }
    }

    @Test
    void map_shouldFailWithTheIterationsError_abortingTheIterationsStillRunning() {
        // given
        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = new RecordingTask(invocation -> {
                if (invocation.input().intValue() == 2) {
                    RecordingTask.sleep(20);
                    throw new AslTaskFailure("ItemRejected", "item 2 is bad");
                }
                return RecordingTask.blockUntilInterrupted();
            });
            harness.resources.register(WORK, task);

            // when
            String arn = harness.start(mapOver("0"), "{\"items\":[1,2,3]}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.error()).isEqualTo("ItemRejected");
            assertThat(done.cause()).isEqualTo("item 2 is bad");
            AslHarness.eventually(() -> task.interruptions() == 2);
            assertThat(harness.events(arn, HistoryEventType.MapIterationFailed)).hasSize(1);
            assertThat(harness.events(arn, HistoryEventType.MapIterationAborted)).hasSize(2);
            assertThat(harness.events(arn, HistoryEventType.TaskStateAborted)).hasSize(2);
            assertThat(harness.types(arn)).containsSubsequence(HistoryEventType.MapStateFailed,
                    HistoryEventType.ExecutionFailed);
        }
    }

    @Test
    void parallel_shouldOutputTheBranchResultsInBranchOrder() {
        // given
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Parameters":{"v.$":"$.value"},"ResultPath":"$.results",
                  "Branches":[
                    {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":30,"Next":"SlowDone"},
                      "SlowDone":{"Type":"Pass","Result":"slow","End":true}}},
                    {"StartAt":"Fast","States":{"Fast":{"Type":"Pass","InputPath":"$.v","End":true}}}],"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{\"value\":7}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"value\":7,\"results\":[\"slow\",7]}"));
            assertThat(harness.types(arn)).containsSubsequence(HistoryEventType.ParallelStateEntered,
                    HistoryEventType.ParallelStateStarted, HistoryEventType.ParallelStateSucceeded,
                    HistoryEventType.ParallelStateExited);
        }
    }

    @Test
    void parallel_shouldCancelTheOtherBranches_andFailWithTheFailedBranchsError() {
        // given
        String reject = "arn:aws:states:::sqs:sendMessage";
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"LongTask","States":{"LongTask":{"Type":"Task","Resource":"%s","End":true}}},
                  {"StartAt":"Check","States":{"Check":{"Type":"Task","Resource":"%s","End":true}}}]}}}"""
                .formatted(WORK, reject);
        CountDownLatch longTaskRunning = new CountDownLatch(1);

        try (AslHarness harness = new AslHarness()) {
            RecordingTask longTask = new RecordingTask(invocation -> {
                longTaskRunning.countDown();
                return RecordingTask.blockUntilInterrupted();
            });
            harness.resources.register(WORK, longTask);
            harness.resources.register(reject, new RecordingTask(invocation -> {
                try {
                    longTaskRunning.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new AslTaskFailure("OrderRejected", "out of stock");
            }));

            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.error()).isEqualTo("OrderRejected");
            assertThat(done.cause()).isEqualTo("out of stock");
            AslHarness.eventually(() -> longTask.interruptions() == 1);
            assertThat(harness.types(arn)).containsSubsequence(HistoryEventType.TaskFailed,
                    HistoryEventType.TaskStateAborted, HistoryEventType.ParallelStateFailed,
                    HistoryEventType.ExecutionFailed);
        }
    }

    @Test
    void parallel_shouldBeCaught_withTheBranchsErrorName() {
        // given
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done","Branches":[
                  {"StartAt":"Ok","States":{"Ok":{"Type":"Pass","End":true}}},
                  {"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Custom.Error","Cause":"why"}}}],
                  "Catch":[{"ErrorEquals":["Custom.Error"],"ResultPath":"$.failure","Next":"Done"}]},
                  "Done":{"Type":"Succeed"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"id\":1}");

            // then
            assertThat(json(done.output())).isEqualTo(json(
                    "{\"id\":1,\"failure\":{\"Error\":\"Custom.Error\",\"Cause\":\"why\"}}"));
        }
    }

    @Test
    void parallel_shouldRetryTheWholeState_whenABranchFails() {
        // given
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                  "Retry":[{"ErrorEquals":["Flaky"],"MaxAttempts":1}],"Branches":[
                  {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}]}}}""".formatted(WORK);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register(WORK, new RecordingTask(invocation -> {
                if (attempts.getAndIncrement() == 0) {
                    throw new AslTaskFailure("Flaky", "");
                }
                return json("\"second\"");
            }));

            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.output()).isEqualTo("[\"second\"]");
            assertThat(attempts.get()).isEqualTo(2);
        }
    }
}
