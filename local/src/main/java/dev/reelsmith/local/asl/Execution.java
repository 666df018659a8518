package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.data.Timestamps;
import dev.reelsmith.local.asl.definition.StateMachineDefinition;
import dev.reelsmith.local.asl.definition.StatesErrors;
import dev.reelsmith.local.asl.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One execution: identity, status, history and its top-level workflow. All status changes and history appends go
 * through this object's lock, so events get consecutive ids and nothing is recorded after the execution closes.
 */
final class Execution {
    static final int PAYLOAD_LIMIT_BYTES = 262_144;
    static final Duration REDRIVE_PERIOD = Duration.ofDays(14);

    final AslEngine engine;
    final String arn;
    final String name;
    final String stateMachineArn;
    final String stateMachineName;
    final String roleArn;
    final String definitionJson;
    final StateMachineDefinition definition;
    final String input;
    final JsonNode inputNode;
    final Instant startDate;

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;
    private int redriveCount;
    private Instant redriveDate;
    private boolean closed;
    private final List<HistoryEvent> events = new ArrayList<>();
    private Frame root;
    private Cancellable timeoutTimer;
    private CompletableFuture<ExecutionDescription> terminal = new CompletableFuture<>();
    private ObjectNode contextExecution;

    Execution(AslEngine engine, String arn, String name, String stateMachineArn, String roleArn,
              String definitionJson, StateMachineDefinition definition, String input, Instant startDate) {
        this.engine = engine;
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
        this.roleArn = roleArn;
        this.definitionJson = definitionJson;
        this.definition = definition;
        this.input = input;
        this.inputNode = JsonValues.parse(input);
        this.startDate = startDate;
        rebuildContext();
    }

    static ObjectNode object() {
        return JsonValues.nodes().objectNode();
    }

    // ----- lifecycle

    /** Starts a new execution; returns its description at the moment it started. */
    ExecutionDescription start() {
        Frame frame;
        ExecutionDescription started;
        synchronized (this) {
            ObjectNode details = object();
            details.put("input", input);
            details.putObject("inputDetails").put("truncated", false);
            details.put("roleArn", roleArn);
            appendEvent(0, HistoryEventType.ExecutionStarted, "executionStartedEventDetails", details);
            frame = new Frame(this, definition.workflow(), new VariableScope(null, java.util.Map.of()), 0, null, false);
            root = frame;
            armTimeout();
            started = describe();
        }
        watch(frame);
        engine.notifyStatus(started);
        engine.interpreter().start(frame, definition.workflow().startAt(), inputNode);
        return started;
    }

    /** Continues a closed execution from its failed state (RedriveExecution); returns it as it was redriven. */
    ExecutionDescription redrive() {
        Frame frame;
        FrameSnapshot plan;
        ExecutionDescription redriven;
        synchronized (this) {
            String reason = notRedrivableReason();
            if (reason != null) {
                throw new ExecutionNotRedrivableException(reason);
            }
            plan = root.record.snapshot();
            redriveCount++;
            redriveDate = engine.clock().now();
            status = ExecutionStatus.RUNNING;
            stopDate = null;
            output = null;
            error = null;
            cause = null;
            closed = false;
            terminal = new CompletableFuture<>();
            rebuildContext();
            ObjectNode details = object();
            details.put("redriveCount", redriveCount);
            long id = appendEvent(plan.lastEventId(), HistoryEventType.ExecutionRedriven,
                    "executionRedrivenEventDetails", details);
            frame = new Frame(this, definition.workflow(), new VariableScope(null, plan.variables()), id, plan, false);
            root = frame;
            armTimeout();
            redriven = describe();
        }
        watch(frame);
        engine.notifyStatus(redriven);
        resume(frame, plan);
        return redriven;
    }

    /** Rebuilds this execution from a snapshot; a RUNNING one resumes its in-flight states. */
    void restore(ExecutionSnapshot snapshot) {
        Frame frame;
        synchronized (this) {
            events.addAll(snapshot.events());
            status = snapshot.status();
            stopDate = snapshot.stopDate();
            output = snapshot.output();
            error = snapshot.error();
            cause = snapshot.cause();
            redriveCount = snapshot.redriveCount();
            redriveDate = snapshot.redriveDate();
            closed = status.isClosed();
            rebuildContext();
            FrameSnapshot plan = snapshot.root();
            frame = new Frame(this, definition.workflow(), new VariableScope(null, plan.variables()),
                    plan.lastEventId(), plan, true);
            root = frame;
            if (closed) {
                frame.record.status = plan.status();
                frame.record.stateName = plan.stateName();
                frame.record.stateInput = plan.stateInput();
                frame.record.output = plan.output();
                frame.record.children = restoredChildren(plan);
                terminal.complete(describe());
                return;
            }
            armTimeout();
        }
        watch(frame);
        resume(frame, snapshot.root());
    }

    private static List<FrameRecord.ChildRecord> restoredChildren(FrameSnapshot plan) {
        List<FrameRecord.ChildRecord> children = new ArrayList<>();
        for (FrameSnapshot.ChildSnapshot child : plan.children()) {
            FrameRecord.ChildRecord record = new FrameRecord.ChildRecord(child.index(), child.input());
            record.previous = child.frame();
            children.add(record);
        }
        return children;
    }

    private void resume(Frame frame, FrameSnapshot plan) {
        if (plan.stateName() == null) {
            engine.interpreter().start(frame, definition.workflow().startAt(), inputNode);
        } else {
            engine.interpreter().start(frame, plan.stateName(), plan.stateInput());
        }
    }

    private void armTimeout() {
        Integer seconds = definition.timeoutSeconds();
        if (seconds != null) {
            timeoutTimer = engine.clock().schedule(Duration.ofSeconds(seconds),
                    () -> engine.work().execute(this::timeOut));
        }
    }

    private void watch(Frame frame) {
        frame.completion.whenComplete((result, thrown) -> finished(frame, result, thrown));
    }

    private void finished(Frame frame, JsonNode result, Throwable thrown) {
        synchronized (this) {
            if (closed || frame != root) {
                return;
            }
            Throwable failure = thrown == null ? null : Signals.unwrap(thrown);
            if (failure instanceof Signals.Aborted) {
                return;
            }
            if (failure == null) {
                String printed = JsonValues.print(result);
                if (printed.length() > PAYLOAD_LIMIT_BYTES / 4
                        && printed.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PAYLOAD_LIMIT_BYTES) {
                    failure = new Signals.StateError(StatesErrors.DATA_LIMIT_EXCEEDED,
                            "The state/task returned a result with a size exceeding the maximum number of bytes"
                                    + " service limit.");
                } else {
                    ObjectNode details = object();
                    details.put("output", printed);
                    details.putObject("outputDetails").put("truncated", false);
                    appendEvent(root.record.lastEventId, HistoryEventType.ExecutionSucceeded,
                            "executionSucceededEventDetails", details);
                    close(ExecutionStatus.SUCCEEDED);
                    output = printed;
                }
            }
            if (failure != null) {
                Signals.StateError stateError = failure instanceof Signals.StateError e ? e
                        : new Signals.StateError(StatesErrors.RUNTIME, "Internal error: " + failure);
                ObjectNode details = object();
                if (stateError.error != null) {
                    details.put("error", stateError.error);
                }
                if (stateError.cause != null) {
                    details.put("cause", stateError.cause);
                }
                appendEvent(root.record.lastEventId, HistoryEventType.ExecutionFailed, "executionFailedEventDetails",
                        details);
                error = stateError.error;
                cause = stateError.cause;
                close(ExecutionStatus.FAILED);
            }
        }
        notifyStatus();
        completeTerminal();
    }

    /** StopExecution: aborts the execution; a closed execution is left as it is. */
    void stop(String stopError, String stopCause) {
        Frame frame;
        synchronized (this) {
            if (closed) {
                return;
            }
            ObjectNode details = object();
            if (stopError != null) {
                details.put("error", stopError);
            }
            if (stopCause != null) {
                details.put("cause", stopCause);
            }
            appendEvent(root.record.lastEventId, HistoryEventType.ExecutionAborted, "executionAbortedEventDetails",
                    details);
            error = stopError;
            cause = stopCause;
            close(ExecutionStatus.ABORTED);
            frame = root;
        }
        frame.abort();
        notifyStatus();
        completeTerminal();
    }

    private void timeOut() {
        Frame frame;
        synchronized (this) {
            if (closed) {
                return;
            }
            ObjectNode details = object();
            details.put("error", StatesErrors.TIMEOUT);
            details.put("cause", "The execution timed out after " + definition.timeoutSeconds() + " seconds.");
            appendEvent(root.record.lastEventId, HistoryEventType.ExecutionTimedOut, "executionTimedOutEventDetails",
                    details);
            error = StatesErrors.TIMEOUT;
            cause = details.get("cause").textValue();
            close(ExecutionStatus.TIMED_OUT);
            frame = root;
        }
        frame.abort();
        notifyStatus();
        completeTerminal();
    }

    private void close(ExecutionStatus closedStatus) {
        status = closedStatus;
        stopDate = engine.clock().now();
        closed = true;
        if (timeoutTimer != null) {
            timeoutTimer.cancel();
            timeoutTimer = null;
        }
    }

    private void completeTerminal() {
        CompletableFuture<ExecutionDescription> future;
        ExecutionDescription description;
        synchronized (this) {
            future = terminal;
            description = describe();
        }
        future.complete(description);
    }

    private void notifyStatus() {
        ExecutionDescription description;
        synchronized (this) {
            description = describe();
        }
        engine.notifyStatus(description);
    }

    synchronized CompletableFuture<ExecutionDescription> terminal() {
        return terminal;
    }

    // ----- history

    /**
     * Appends an event on behalf of a workflow. Returns its id, or -1 when the execution has closed (events of
     * branches still winding down after a stop are not recorded).
     */
    long publish(FrameRecord workflow, HistoryEventType type, String detailsName, ObjectNode details,
                 boolean advance) {
        synchronized (this) {
            if (closed) {
                return -1;
            }
            long id = appendEvent(workflow.lastEventId, type, detailsName, details);
            if (advance) {
                workflow.lastEventId = id;
            }
            return id;
        }
    }

    private long appendEvent(long previous, HistoryEventType type, String detailsName, ObjectNode details) {
        HistoryEvent event = new HistoryEvent(events.size() + 1L, previous, engine.clock().now(), type,
                details == null ? null : detailsName, details);
        events.add(event);
        engine.notifyEvent(arn, event);
        return event.id();
    }

    synchronized List<HistoryEvent> history() {
        return List.copyOf(events);
    }

    // ----- context object

    private void rebuildContext() {
        ObjectNode execution = object();
        execution.put("Id", arn);
        execution.set("Input", inputNode);
        execution.put("StartTime", Timestamps.print(startDate));
        execution.put("Name", name);
        execution.put("RoleArn", roleArn);
        execution.put("RedriveCount", redriveCount);
        if (redriveDate != null) {
            execution.put("RedriveTime", Timestamps.print(redriveDate));
        }
        contextExecution = execution;
    }

    /** The {@code Execution} and {@code StateMachine} parts of the context object. */
    synchronized ObjectNode contextBase() {
        ObjectNode context = object();
        context.set("Execution", contextExecution);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", stateMachineArn);
        machine.put("Name", stateMachineName);
        return context;
    }

    // ----- description

    synchronized ExecutionDescription describe() {
        String reason = notRedrivableReason();
        return new ExecutionDescription(arn, stateMachineArn, name, status, startDate, stopDate, input, output,
                error, cause, redriveCount, redriveDate, reason == null ? "REDRIVABLE" : "NOT_REDRIVABLE", reason);
    }

    synchronized ExecutionStatus status() {
        return status;
    }

    private String notRedrivableReason() {
        if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED) {
            return "Execution is " + status + " and cannot be redriven";
        }
        if (stopDate != null && engine.clock().now().isAfter(stopDate.plus(REDRIVE_PERIOD))) {
            return "Execution can no longer be redriven: it closed more than 14 days ago";
        }
        return null;
    }

    synchronized ExecutionSnapshot snapshot() {
        return new ExecutionSnapshot(arn, stateMachineArn, name, roleArn, definitionJson, input, status, startDate,
                stopDate, output, error, cause, redriveCount, redriveDate, events, root.record.snapshot());
    }
}
