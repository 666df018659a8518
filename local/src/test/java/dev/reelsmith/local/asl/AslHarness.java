package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.asl.time.ManualEngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** An engine on virtual time plus helpers to run a definition and read what happened. */
final class AslHarness implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    final ManualEngineClock clock = new ManualEngineClock(START);
    final TaskResources resources = new TaskResources();
    final AslEngine engine;
    private int machines;

    AslHarness() {
        this(new Random(42));
    }

    AslHarness(Random random) {
        engine = AslEngine.builder().clock(clock).taskResources(resources).random(random).workerThreads(4).build();
    }

    StateMachine machine(String definition) {
        return engine.createStateMachine("Machine" + (++machines), definition, ROLE);
    }

    /** Starts {@code definition} with {@code input} and waits until it closes. */
    ExecutionDescription run(String definition, String input) {
        return await(start(definition, input));
    }

    String start(String definition, String input) {
        return engine.startExecution(machine(definition).arn(), null, input).executionArn();
    }

    ExecutionDescription await(String executionArn) {
        try {
            return engine.awaitCompletion(executionArn, Duration.ofSeconds(20));
        } catch (Exception e) {
            throw new AssertionError("execution did not close: " + engine.describeExecution(executionArn)
                    + "\n" + historyText(executionArn), e);
        }
    }

    List<HistoryEvent> history(String executionArn) {
        return engine.getExecutionHistory(executionArn);
    }

    List<HistoryEventType> types(String executionArn) {
        return history(executionArn).stream().map(HistoryEvent::type).collect(Collectors.toList());
    }

    List<HistoryEvent> events(String executionArn, HistoryEventType type) {
        return history(executionArn).stream().filter(event -> event.type() == type).collect(Collectors.toList());
    }

    String historyText(String executionArn) {
        return history(executionArn).stream().map(event -> event.toJson().toString())
                .collect(Collectors.joining("\n"));
    }

    static JsonNode json(String text) {
        return JsonValues.parse(text);
    }

    /** Blocks until {@code condition} holds (for callbacks sent from the test thread), failing after 10 s. */
    static void eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
