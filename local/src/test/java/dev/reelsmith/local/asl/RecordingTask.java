package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A task resource for tests: records every invocation, tracks how many run at once, and answers with a
 * function of the invocation (which may throw an AslTaskFailure or block).
 */
final class RecordingTask implements TaskResource {
    private final Function<TaskInvocation, JsonNode> behaviour;
    private final List<TaskInvocation> invocations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();

    RecordingTask(Function<TaskInvocation, JsonNode> behaviour) {
        this.behaviour = behaviour;
    }

    /** Returns its input. */
    static RecordingTask echo() {
        return new RecordingTask(TaskInvocation::input);
    }

    @Override
    public JsonNode invoke(TaskInvocation invocation) throws InterruptedException {
        invocations.add(invocation);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            return behaviour.apply(invocation);
        } catch (BlockedUntilInterrupted e) {
            interrupted.incrementAndGet();
            throw new InterruptedException("cancelled");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    List<TaskInvocation> invocations() {
        synchronized (invocations) {
            return List.copyOf(invocations);
        }
    }

    int calls() {
        return invocations.size();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int interruptions() {
        return interrupted.get();
    }

    /** Sleeps for {@code millis} of real time (to overlap concurrent calls). */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new BlockedUntilInterrupted();
        }
    }

    /** Blocks until the engine interrupts the call. */
    static JsonNode blockUntilInterrupted() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            throw new BlockedUntilInterrupted();
        }
        throw new IllegalStateException("unreachable");
    }

    /** Signals that the engine interrupted the call. */
    static final class BlockedUntilInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
