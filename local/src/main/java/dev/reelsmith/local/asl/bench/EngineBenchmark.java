package dev.reelsmith.local.asl.bench;

import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionListener;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.HistoryEvent;
import dev.reelsmith.local.asl.StateMachine;
import dev.reelsmith.local.asl.definition.QueryLanguage;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * Measures the engine's own overhead: executions of a ten-state machine whose tasks do nothing, in real time.
 * Reports state transitions per second (every state entered counts, as in AWS billing) and the latency of a
 * transition: the time from one state being entered to the next one being entered in the same execution, which
 * covers input/output processing, history recording, the task hand-off and the hop back. Not a test: shared
 * machines are noisy, so it prints numbers rather than asserting them.
 *
 * <p>{@code java ... EngineBenchmark [executions] [concurrency] [JSONata|JSONPath]} (defaults 1000, 8, JSONata).
 */
public final class EngineBenchmark {
    private static final String NO_OP = "arn:aws:states:::lambda:invoke";
    private static final int WARM_UP_EXECUTIONS = 300;

    private EngineBenchmark() {
    }

    /** What one run measured. */
    public record Result(QueryLanguage language, int executions, int concurrency, long transitions, double seconds,
                         double transitionsPerSecond, double p50Millis, double p90Millis, double p99Millis,
                         double maxMillis) {

        /** The lines {@code reelsmith bench engine} prints. */
        public String report() {
            return String.format(Locale.ROOT, """
                    ASL engine overhead (%s, %d executions of a 10-state machine with no-op tasks, %d at a time)
                      transitions        %d in %.2f s
                      throughput         %.0f transitions/s   (target >= 2,000)
                      transition latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (target < 5 ms), max %.3f ms
                    """, language.awsName(), executions, concurrency, transitions, seconds, transitionsPerSecond,
                    p50Millis, p90Millis, p99Millis, maxMillis);
        }
    }

    public static void main(String[] args) throws Exception {
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        QueryLanguage language = args.length > 2 && args[2].equalsIgnoreCase("JSONPath")
                ? QueryLanguage.JSONPATH : QueryLanguage.JSONATA;
        System.out.print(run(executions, concurrency, language).report());
    }

    /** Runs the benchmark (after a warm-up that is not measured). */
    public static Result run(int executions, int concurrency, QueryLanguage language)
            throws InterruptedException, TimeoutException {
        if (executions < 1 || concurrency < 1) {
            throw new IllegalArgumentException("executions and concurrency must be positive, were " + executions
                    + " and " + concurrency);
        }
        Map<String, Long> lastEntered = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(concurrency);
        TaskResources resources = new TaskResources().register(NO_OP, TaskInvocation::input);
        try (AslEngine engine = AslEngine.builder().taskResources(resources).build()) {
            engine.addListener(new ExecutionListener() {
                @Override
                public void onEvent(String executionArn, HistoryEvent event) {
                    if (event.type().name().endsWith("StateEntered")) {
                        long now = System.nanoTime();
                        Long previous = lastEntered.put(executionArn, now);
                        if (previous != null) {
                            latencies.add(now - previous);
                        }
                    }
                }

                @Override
                public void onStatusChange(ExecutionDescription description) {
                    // each benchmark execution closes exactly once, freeing its slot
                    if (description.status().isClosed()) {
                        slots.release();
                    }
                }
            });
            StateMachine machine = engine.createStateMachine("EngineBenchmark", definition(language),
                    "arn:aws:iam::123456789012:role/Benchmark");
            execute(engine, machine, "warm-up-", WARM_UP_EXECUTIONS, slots);
            latencies.clear();
            long started = System.nanoTime();
            long transitions = execute(engine, machine, "run-", executions, slots);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] sorted;
            synchronized (latencies) {
                sorted = latencies.stream().mapToLong(Long::longValue).toArray();
            }
            Arrays.sort(sorted);
            return new Result(language, executions, concurrency, transitions, seconds, transitions / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    private static long execute(AslEngine engine, StateMachine machine, String prefix, int count, Semaphore slots)
            throws InterruptedException, TimeoutException {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            String arn = engine.startExecution(machine.arn(), prefix + i, "{\"shot\":" + i + ",\"ok\":true}")
                    .executionArn();
            arns.add(arn);
        }
        long transitions = 0;
        for (String arn : arns) {
            ExecutionDescription done = engine.awaitCompletion(arn, Duration.ofMinutes(2));
            if (done.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("benchmark execution " + arn + " ended " + done.status() + ": "
                        + done.error() + " " + done.cause());
            }
            transitions += engine.getExecutionHistory(arn).stream()
                    .filter(event -> event.type().name().endsWith("StateEntered")).count();
        }
        return transitions;
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Ten states: four no-op tasks, four Pass states, a Choice and a Succeed, with realistic data processing. */
    static String definition(QueryLanguage language) {
        if (language == QueryLanguage.JSONATA) {
            return """
                    {"QueryLanguage":"JSONata","StartAt":"Admit","States":{
                      "Admit":{"Type":"Pass","Assign":{"shot":"{% $states.input.shot %}"},"Next":"Analyze"},
                      "Analyze":{"Type":"Task","Resource":"%1$s","Arguments":{"shot":"{% $shot %}","step":"analyze"},
                        "Output":"{% $states.result %}","Next":"Script"},
                      "Script":{"Type":"Task","Resource":"%1$s","Arguments":{"shot":"{% $shot %}","step":"script"},
                        "Next":"Plan"},
                      "Plan":{"Type":"Pass","Output":{"shot":"{% $states.input.shot %}","ok":true},"Next":"Gate"},
                      "Gate":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.ok %}","Next":"Generate"}],
                        "Default":"Generate"},
                      "Generate":{"Type":"Task","Resource":"%1$s","Arguments":{"shot":"{% $shot %}","step":"generate"},
                        "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":2}],"Next":"Collect"},
                      "Collect":{"Type":"Pass","Assign":{"generated":"{% $states.input.step %}"},"Next":"Compose"},
                      "Compose":{"Type":"Task","Resource":"%1$s","Arguments":{"shot":"{% $shot %}","step":"compose"},
                        "Next":"Report"},
                      "Report":{"Type":"Pass","Output":{"shot":"{% $shot %}","last":"{% $generated %}"},"Next":"Done"},
                      "Done":{"Type":"Succeed"}}}""".replace("%1$s", NO_OP);
        }
        return """
                {"StartAt":"Admit","States":{
                  "Admit":{"Type":"Pass","Assign":{"shot.$":"$.shot"},"Next":"Analyze"},
                  "Analyze":{"Type":"Task","Resource":"%1$s","Parameters":{"shot.$":"$shot","step":"analyze"},
                    "ResultPath":"$.analysis","Next":"Script"},
                  "Script":{"Type":"Task","Resource":"%1$s","Parameters":{"shot.$":"$.shot","step":"script"},
                    "ResultSelector":{"step.$":"$.step"},"ResultPath":"$.script","Next":"Plan"},
                  "Plan":{"Type":"Pass","Parameters":{"shot.$":"$.shot","ok":true},"Next":"Gate"},
                  "Gate":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Generate"}],
                    "Default":"Generate"},
                  "Generate":{"Type":"Task","Resource":"%1$s","Parameters":{"shot.$":"$shot","step":"generate"},
                    "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":2}],"Next":"Collect"},
                  "Collect":{"Type":"Pass","Assign":{"generated.$":"$.step"},"Next":"Compose"},
                  "Compose":{"Type":"Task","Resource":"%1$s","Parameters":{"shot.$":"$shot","step":"compose"},
                    "OutputPath":"$","Next":"Report"},
                  "Report":{"Type":"Pass","Parameters":{"shot.$":"$shot","last.$":"$generated"},"Next":"Done"},
                  "Done":{"Type":"Succeed"}}}""".replace("%1$s", NO_OP);
    }
}
