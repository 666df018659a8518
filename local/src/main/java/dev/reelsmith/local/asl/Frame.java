package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.definition.StateType;
import dev.reelsmith.local.asl.definition.Workflow;
import java.util.concurrent.CompletableFuture;

/**
 * One running workflow: the top-level one, a Parallel branch or a Map iteration. Runs one state at a time;
 * {@link #completion} finishes with the workflow's output, a {@link Signals.StateError}, or {@link Signals.Aborted}.
 */
final class Frame {
    final Execution execution;
    final Workflow workflow;
    final VariableScope variables;
    final FrameRecord record;
    final CompletableFuture<JsonNode> completion = new CompletableFuture<>();
    /** The earlier run's progress of this workflow when it is redriven or restored, until consumed. */
    private FrameSnapshot resumePlan;
    /** Whether a restored callback task should keep waiting on its old token rather than run again. */
    private final boolean resumeTokens;
    private boolean aborted;
    private Runnable cancelInFlight;
    private StateType inFlightType;

    Frame(Execution execution, Workflow workflow, VariableScope variables, long lastEventId,
          FrameSnapshot resumePlan, boolean resumeTokens) {
        this.execution = execution;
        this.workflow = workflow;
        this.variables = variables;
        this.record = new FrameRecord(variables, lastEventId);
        this.resumePlan = resumePlan;
        this.resumeTokens = resumeTokens;
    }

    /** Publishes an event that follows this workflow's previous one. */
    long publish(HistoryEventType type, String detailsName, ObjectNode details) {
        return execution.publish(record, type, detailsName, details, true);
    }

    /** Publishes an event that does not become this workflow's "previous event" (iteration bookkeeping). */
    long publishAside(HistoryEventType type, String detailsName, ObjectNode details) {
        return execution.publish(record, type, detailsName, details, false);
    }

    /**
     * The earlier run's progress for {@code stateName} if this workflow is being resumed in that state; consumed
     * by the first call.
     */
    synchronized FrameSnapshot takeResumePlan(String stateName) {
        FrameSnapshot plan = resumePlan;
        resumePlan = null;
        return plan != null && stateName.equals(plan.stateName()) ? plan : null;
    }

    boolean resumesTokens() {
        return resumeTokens;
    }

    synchronized boolean isAborted() {
        return aborted;
    }

    /**
     * Registers how to cancel the operation the current state is waiting on. The action must complete that
     * operation with {@link Signals.Aborted}. If the frame is already aborted the action runs at once.
     */
    void track(Runnable cancel) {
        boolean runNow;
        synchronized (this) {
            runNow = aborted;
            if (!runNow) {
                cancelInFlight = cancel;
            }
        }
        if (runNow) {
            cancel.run();
        }
    }

    synchronized void untrack() {
        cancelInFlight = null;
    }

    /** Notes the type of the state being entered: an abort while in it is recorded as {@code <Type>StateAborted}. */
    synchronized void entering(StateType type) {
        inFlightType = type;
    }

    /** Stops the workflow: the in-flight operation is cancelled and the workflow ends with {@link Signals.Aborted}. */
    void abort() {
        Runnable cancel;
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
            cancel = cancelInFlight;
            cancelInFlight = null;
        }
        if (cancel != null) {
            cancel.run();
        }
    }

    void succeed(JsonNode output) {
        record.output = output;
        record.status = "SUCCEEDED";
        completion.complete(output);
    }

    void fail(Throwable thrown) {
        Throwable cause = Signals.unwrap(thrown);
        if (cause instanceof Signals.Aborted) {
            record.status = "ABORTED";
            StateType type;
            synchronized (this) {
                type = inFlightType;
            }
            if (type == StateType.Task || type == StateType.Wait || type == StateType.Map
                    || type == StateType.Parallel) {
                publish(HistoryEventType.valueOf(type.name() + "StateAborted"), null, null);
            }
            completion.completeExceptionally(cause);
            return;
        }
        record.status = "FAILED";
        completion.completeExceptionally(cause instanceof Signals.StateError ? cause
                : new Signals.StateError(dev.reelsmith.local.asl.definition.StatesErrors.RUNTIME,
                        "Internal error: " + cause));
    }
}
