package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.LambdaErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry (backoff, MaxDelaySeconds, jitter, per-retrier counts) and Catch (order, predefined errors, ResultPath). */
class AslRetryCatchTest {
    private static final String RESOURCE = "arn:aws:states:::lambda:invoke";

    /** A task failing with the given errors in turn, then succeeding. */
    private static RecordingTask failing(String... errors) {
        AtomicInteger attempt = new AtomicInteger();
        return new RecordingTask(invocation -> {
            int n = attempt.getAndIncrement();
            if (n < errors.length) {
                throw new AslTaskFailure(errors[n], "attempt " + n);
            }
            return json("\"ok\"");
        });
    }

    private static String task(String retry, String catchers) {
        String recovery = catchers.contains("\"Z\"") ? ",\"Z\":{\"Type\":\"Pass\",\"End\":true}" : "";
        return """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","Retry":%s,"Catch":%s,"End":true}%s}}"""
                .formatted(RESOURCE, retry, catchers, recovery);
    }

    /** Seconds between consecutive attempts, read from the TaskScheduled events. */
    private static List<Double> waits(AslHarness harness, String arn) {
        List<HistoryEvent> scheduled = harness.events(arn, HistoryEventType.TaskScheduled);
        List<Double> waits = new ArrayList<>();
        for (int i = 1; i < scheduled.size(); i++) {
            waits.add(Duration.between(scheduled.get(i - 1).timestamp(), scheduled.get(i).timestamp()).toMillis() / 1000.0);
        }
        return waits;
    }

    @Test
    void retry_shouldWaitIntervalTimesBackoffRate_asInTheGuide() {
        // given
        String definition = task("[{\"ErrorEquals\":[\"States.Timeout\"],\"IntervalSeconds\":3,\"MaxAttempts\":2,"
                + "\"BackoffRate\":1.5}]", "[]");

        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = failing("States.Timeout", "States.Timeout", "States.Timeout");
            harness.resources.register(RESOURCE, task);

            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(waits(harness, arn)).containsExactly(3.0, 4.5);
            assertThat(task.calls()).isEqualTo(3);
            assertThat(done.error()).isEqualTo("States.Timeout");
        }
    }

    @Test
    void retry_shouldCapTheIntervalAtMaxDelaySeconds() {
        // given
        String definition = task("[{\"ErrorEquals\":[\"Flaky\"],\"IntervalSeconds\":1,\"MaxAttempts\":5,"
                + "\"BackoffRate\":2,\"MaxDelaySeconds\":5}]", "[]");

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register(RESOURCE, failing("Flaky", "Flaky", "Flaky", "Flaky", "Flaky"));

            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(waits(harness, arn)).containsExactly(1.0, 2.0, 4.0, 5.0, 5.0);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void retry_shouldDrawFullJitterBetweenZeroAndTheComputedInterval() {
        // given
        String definition = task("[{\"ErrorEquals\":[\"Flaky\"],\"IntervalSeconds\":10,\"MaxAttempts\":4,"
                + "\"BackoffRate\":2,\"JitterStrategy\":\"FULL\"}]", "[]");
        Random expected = new Random(7);

        try (AslHarness harness = new AslHarness(new Random(7))) {
            harness.resources.register(RESOURCE, failing("Flaky", "Flaky", "Flaky", "Flaky"));

            // when
            String arn = harness.start(definition, "{}");
            harness.await(arn);
            List<Double> waits = waits(harness, arn);

            // then
            double[] computed = {10, 20, 40, 80};
            assertThat(waits).hasSize(4);
            for (int i = 0; i < computed.length; i++) {
                assertThat(waits.get(i)).isBetween(0.0, computed[i])
                        .isEqualTo(Math.round(expected.nextDouble() * computed[i] * 1000) / 1000.0);
            }
            assertThat(waits).as("jittered, not the computed intervals").isNotEqualTo(List.of(10.0, 20.0, 40.0, 80.0));
        }
    }

    @Test
    void retry_shouldCountAttemptsPerRetrier_andFallThroughToCatch_asInTheSpecification() {
        // given
        String definition = task("""
                [{"ErrorEquals":["ErrorA","ErrorB"],"IntervalSeconds":1,"BackoffRate":2.0,"MaxAttempts":2},
                 {"ErrorEquals":["ErrorC"],"IntervalSeconds":5}]""", "[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Z\"}]");

        try (AslHarness harness = new AslHarness()) {
            // the States Language specification's example: ErrorA, ErrorB, ErrorC, then ErrorB once more
            RecordingTask task = failing("ErrorA", "ErrorB", "ErrorC", "ErrorB");
            harness.resources.register(RESOURCE, task);

            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(waits(harness, arn)).containsExactly(1.0, 2.0, 5.0);
            assertThat(task.calls()).isEqualTo(4);
            assertThat(json(done.output())).isEqualTo(json("{\"Error\":\"ErrorB\",\"Cause\":\"attempt 3\"}"));
        }
    }

    @Test
    void retry_shouldNeverRetry_whenMaxAttemptsIsZero_andShouldExposeRetryCount() {
        // given
        String never = task("[{\"ErrorEquals\":[\"States.Timeout\"],\"MaxAttempts\":0},{\"ErrorEquals\":[\"States.ALL\"]}]",
                "[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Z\"}]");
        String counted = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","Parameters":{"retry.$":"$$.State.RetryCount"},
                  "Retry":[{"ErrorEquals":["Flaky"],"MaxAttempts":3}],"End":true}}}""".formatted(RESOURCE);

        try (AslHarness harness = new AslHarness()) {
            RecordingTask timeouts = failing("States.Timeout", "States.Timeout");
            harness.resources.register(RESOURCE, timeouts);
            ExecutionDescription neverRetried = harness.run(never, "{}");
            AtomicInteger attempts = new AtomicInteger();
            RecordingTask flaky = new RecordingTask(invocation -> {
                if (attempts.getAndIncrement() < 2) {
                    throw new AslTaskFailure("Flaky", "");
                }
                return invocation.input();
            });
            harness.resources.register(RESOURCE, flaky);

            // when
            ExecutionDescription retried = harness.run(counted, "{}");

            // then
            assertThat(timeouts.calls()).isEqualTo(1);
            assertThat(neverRetried.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(flaky.invocations()).extracting(invocation -> invocation.input().get("retry").intValue())
                    .containsExactly(0, 1, 2);
            assertThat(retried.output()).isEqualTo("{\"retry\":2}");
        }
    }

    @Test
    void catch_shouldUseTheFirstMatchingCatcher_inOrder() {
        // given
        String definition = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","Catch":[
                  {"ErrorEquals":["Other"],"Next":"Wrong"},
                  {"ErrorEquals":["States.TaskFailed"],"Next":"Generic"},
                  {"ErrorEquals":["Specific"],"Next":"Wrong"}],"End":true},
                  "Generic":{"Type":"Pass","Result":"generic","End":true},
                  "Wrong":{"Type":"Pass","Result":"wrong","End":true}}}""".formatted(RESOURCE);

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register(RESOURCE, failing("Specific"));

            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.output()).isEqualTo("\"generic\"");
        }
    }

    @Test
    void catch_shouldKeepTheInput_whenResultPathPlacesTheErrorOutput_asInTheGuide() {
        // given
        String definition = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","Catch":[
                  {"ErrorEquals":["java.lang.Exception"],"ResultPath":"$.error-info","Next":"RecoveryState"},
                  {"ErrorEquals":["States.ALL"],"Next":"EndState"}],"End":true},
                  "RecoveryState":{"Type":"Pass","End":true},"EndState":{"Type":"Pass","End":true}}}""".formatted(RESOURCE);

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register(RESOURCE, failing("java.lang.Exception"));

            // when
            ExecutionDescription done = harness.run(definition, "{\"order\":42}");

            // then
            assertThat(json(done.output())).isEqualTo(json(
                    "{\"order\":42,\"error-info\":{\"Error\":\"java.lang.Exception\",\"Cause\":\"attempt 0\"}}"));
        }
    }

    @Test
    void taskFailed_shouldMatchTaskErrors_butNotTimeouts_whileStatesAllMatchesBoth() {
        // given
        String definition = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","TimeoutSeconds":5,"Catch":[
                  {"ErrorEquals":["States.TaskFailed"],"Next":"TaskFailed"},
                  {"ErrorEquals":["States.ALL"],"Next":"All"}],"End":true},
                  "TaskFailed":{"Type":"Pass","Result":"TaskFailed","End":true},
                  "All":{"Type":"Pass","Result":"All","End":true}}}""".formatted(RESOURCE);

        try (AslHarness harness = new AslHarness()) {
            harness.clock.autoAdvance(false);
            harness.resources.register(RESOURCE, new RecordingTask(invocation -> RecordingTask.blockUntilInterrupted()));
            String timedOut = harness.start(definition, "{}");
            AslHarness.eventually(() -> harness.types(timedOut).contains(HistoryEventType.TaskStarted));
            harness.clock.advance(Duration.ofSeconds(5));
            ExecutionDescription afterTimeout = harness.await(timedOut);
            harness.resources.register(RESOURCE, failing("Boom"));

            // when
            ExecutionDescription afterFailure = harness.run(definition, "{}");

            // then
            assertThat(afterTimeout.output()).isEqualTo("\"All\"");
            assertThat(harness.events(timedOut, HistoryEventType.TaskTimedOut).get(0).details().get("error").textValue())
                    .isEqualTo("States.Timeout");
            assertThat(afterFailure.output()).isEqualTo("\"TaskFailed\"");
        }
    }

    @Test
    void statesRuntime_shouldNotBeCaughtOrRetried_evenByStatesAll() {
        // given
        String definition = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","InputPath":"$.missing",
                  "Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Z"}],
                  "End":true},"Z":{"Type":"Pass","End":true}}}""".formatted(RESOURCE);

        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = RecordingTask.echo();
            harness.resources.register(RESOURCE, task);

            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(task.calls()).isZero();
        }
    }

    @Test
    void javaExceptions_shouldBeNamedByTheirClass_asTheLambdaJavaRuntimeReportsThem() {
        // given
        String definition = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Fn",
                  "Catch":[{"ErrorEquals":["java.lang.IllegalStateException"],"Next":"Z"}],"End":true},
                  "Z":{"Type":"Pass","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:lambda:us-east-1:123456789012:function:Fn", new RecordingTask(invocation -> {
                throw LambdaErrors.fromHandlerException(new IllegalStateException("disk full"));
            }));

            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output()).get("Error").textValue()).isEqualTo("java.lang.IllegalStateException");
            assertThat(json(json(done.output()).get("Cause").textValue()).get("errorMessage").textValue())
                    .isEqualTo("disk full");
            assertThat(harness.types(arn)).contains(HistoryEventType.LambdaFunctionScheduled,
                    HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionFailed);
        }
    }
}
