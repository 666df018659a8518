package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.Signals.Aborted;
import dev.reelsmith.local.asl.Signals.StateError;
import dev.reelsmith.local.asl.data.Intrinsics;
import dev.reelsmith.local.asl.data.JsonPaths;
import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.data.JsonataScope;
import dev.reelsmith.local.asl.data.JsonataSupport;
import dev.reelsmith.local.asl.data.ResultPaths;
import dev.reelsmith.local.asl.data.StatesFailure;
import dev.reelsmith.local.asl.data.Timestamps;
import dev.reelsmith.local.asl.definition.Catcher;
import dev.reelsmith.local.asl.definition.ChoiceRule;
import dev.reelsmith.local.asl.definition.ChoiceState;
import dev.reelsmith.local.asl.definition.CommonFields;
import dev.reelsmith.local.asl.definition.DynamicValue;
import dev.reelsmith.local.asl.definition.ExecutionState;
import dev.reelsmith.local.asl.definition.FailState;
import dev.reelsmith.local.asl.definition.MapState;
import dev.reelsmith.local.asl.definition.ParallelState;
import dev.reelsmith.local.asl.definition.PassState;
import dev.reelsmith.local.asl.definition.Retrier;
import dev.reelsmith.local.asl.definition.State;
import dev.reelsmith.local.asl.definition.StatesErrors;
import dev.reelsmith.local.asl.definition.SucceedState;
import dev.reelsmith.local.asl.definition.TaskState;
import dev.reelsmith.local.asl.definition.WaitState;
import dev.reelsmith.local.asl.definition.Workflow;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.ResourceArn;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import dev.reelsmith.local.asl.time.Cancellable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs workflows state by state. Synchronous states (Pass, Choice, Succeed, Fail) are processed in a loop on one
 * worker; asynchronous ones (Task, Wait, Map, Parallel, retry intervals) return a future, and the workflow
 * continues on a worker when it completes, so no thread waits for time or for another branch.
 */
final class Interpreter {
    private final Executor work;
    private final TaskRunner tasks;
    private final AslEngine engine;
    private final TokenRegistry tokens;
    private final Random random;

    Interpreter(AslEngine engine, Executor work, TaskRunner tasks, TokenRegistry tokens, Random random) {
        this.engine = engine;
        this.work = work;
        this.tasks = tasks;
        this.tokens = tokens;
        this.random = random;
    }

    /** What a state hands on: the next state ({@code null} when the workflow ends) and its output. */
    private record Step(String next, JsonNode output) {
    }

    /** A state being executed: where, with what input, since when. */
    private record Visit(Frame frame, State state, JsonNode input, Instant entered, long enteredEventId) {
        String name() {
            return state.name();
        }

        CommonFields common() {
            return state.common();
        }
    }

    // ------------------------------------------------------------------ workflow loop

    void start(Frame frame, String stateName, JsonNode input) {
        work.execute(() -> run(frame, stateName, input));
    }

    private void run(Frame frame, String stateName, JsonNode input) {
        String current = stateName;
        JsonNode data = input;
        while (true) {
            if (frame.isAborted()) {
                frame.fail(new Aborted());
                return;
            }
            CompletableFuture<Step> step = enter(frame, frame.workflow.state(current), data);
            if (!step.isDone()) {
                // asynchronous steps complete on a worker holding no lock (see task(), sleep(), Fanout), so the
                // workflow continues right there instead of queueing another hop
                step.whenComplete((next, thrown) -> continueAfter(frame, next, thrown));
                return;
            }
            Step next;
            try {
                next = step.join();
            } catch (RuntimeException thrown) {
                frame.fail(thrown);
                return;
            }
            frame.entering(null);
            if (next.next() == null) {
                frame.succeed(next.output());
                return;
            }
            current = next.next();
            data = next.output();
        }
    }

    private void continueAfter(Frame frame, Step step, Throwable thrown) {
        if (thrown != null) {
            frame.fail(thrown);
            return;
        }
        frame.entering(null);
        if (step.next() == null) {
            frame.succeed(step.output());
        } else {
            run(frame, step.next(), step.output());
        }
    }

    private CompletableFuture<Step> enter(Frame frame, State state, JsonNode input) {
        frame.record.enter(state.name(), input);
        frame.entering(state.type());
        ObjectNode details = Execution.object();
        details.put("name", state.name());
        details.put("input", JsonValues.print(input));
        details.putObject("inputDetails").put("truncated", false);
        long id = frame.publish(HistoryEventType.valueOf(state.type().name() + "StateEntered"),
                "stateEnteredEventDetails", details);
        Visit visit = new Visit(frame, state, input, engine.clock().now(), id);
        try {
            if (state instanceof PassState pass) {
                return CompletableFuture.completedFuture(pass(visit, pass));
            }
            if (state instanceof ChoiceState choice) {
                return CompletableFuture.completedFuture(choice(visit, choice));
            }
            if (state instanceof SucceedState) {
                return CompletableFuture.completedFuture(succeed(visit));
            }
            if (state instanceof FailState fail) {
                throw fail(visit, fail);
            }
            if (state instanceof WaitState wait) {
                return waitState(visit, wait);
            }
            return executionState(visit, (ExecutionState) state);
        } catch (RuntimeException thrown) {
            return CompletableFuture.failedFuture(toStateError(visit, thrown));
        }
    }

    // ------------------------------------------------------------------ Pass, Choice, Succeed, Fail, Wait

    private Step pass(Visit visit, PassState state) {
        CommonFields common = visit.common();
        ObjectNode context = context(visit, null, null, null);
        if (common.isJsonata()) {
            JsonataScope scope = new JsonataScope(visit.input(), visit.input(), null, context, visit.frame().variables);
            return exit(visit, assignJsonata(common, scope), outputJsonata(common, scope, visit.input()));
        }
        JsonNode effective = inputPath(visit, context);
        JsonNode result = state.result() != null ? state.result()
                : state.parameters() != null ? state.parameters().evaluate(effective, context, visit.frame().variables)
                : effective;
        ObjectNode assigned = assignPath(common, result, context, visit);
        JsonNode combined = ResultPaths.apply(visit.input(), state.resultPath(), result);
        return exit(visit, assigned, outputPath(visit, combined, context));
    }

    private Step succeed(Visit visit) {
        CommonFields common = visit.common();
        ObjectNode context = context(visit, null, null, null);
        if (common.isJsonata()) {
            JsonataScope scope = new JsonataScope(visit.input(), null, null, context, visit.frame().variables);
            return exit(visit, null, outputJsonata(common, scope, visit.input()));
        }
        return exit(visit, null, outputPath(visit, inputPath(visit, context), context));
    }

    private StateError fail(Visit visit, FailState state) {
        ObjectNode context = context(visit, null, null, null);
        JsonataScope scope = new JsonataScope(visit.input(), null, null, context, visit.frame().variables);
        // ErrorPath and CausePath read the raw state input: a Fail state has no InputPath
        String error = failText(state.error(), "Error", visit.input(), context, scope, visit);
        String cause = failText(state.cause(), "Cause", visit.input(), context, scope, visit);
        return new StateError(error, cause);
    }

    private String failText(DynamicValue value, String field, JsonNode subject, ObjectNode context,
                            JsonataScope scope, Visit visit) {
        if (value == null) {
            return null;
        }
        JsonNode result = dynamic(value, field, subject, context, scope, visit);
        if (!result.isTextual()) {
            String error = value.jsonata() != null ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME;
            throw new StatesFailure(error, "The value of the field '" + field + "' must be a string, was "
                    + JsonValues.print(result));
        }
        return result.textValue();
    }

    private Step choice(Visit visit, ChoiceState state) {
        CommonFields common = visit.common();
        ObjectNode context = context(visit, null, null, null);
        JsonataScope scope = new JsonataScope(visit.input(), null, null, context, visit.frame().variables);
        JsonNode effective = common.isJsonata() ? visit.input() : inputPath(visit, context);
        for (int i = 0; i < state.choices().size(); i++) {
            ChoiceRule rule = state.choices().get(i);
            boolean matched = common.isJsonata()
                    ? ChoiceEvaluator.jsonata(rule.condition(), scope, "Choices[" + i + "]/Condition")
                    : ChoiceEvaluator.jsonPath(rule.condition(), effective, context, visit.frame().variables,
                    visit.name());
            if (matched) {
                ObjectNode assigned;
                JsonNode output;
                if (common.isJsonata()) {
                    assigned = rule.assignJsonata() == null ? null
                            : (ObjectNode) rule.assignJsonata().evaluate(scope, "Choices[" + i + "]/Assign");
                    output = rule.output() == null ? visit.input()
                            : rule.output().evaluate(scope, "Choices[" + i + "]/Output");
                } else {
                    assigned = rule.assignPath() == null ? null
                            : (ObjectNode) rule.assignPath().evaluate(effective, context, visit.frame().variables);
                    output = outputPath(visit, effective, context);
                }
                return exit(visit, assigned, output, rule.next());
            }
        }
        if (state.defaultState() == null) {
            throw new StateError(StatesErrors.NO_CHOICE_MATCHED, "No Matches!");
        }
        if (common.isJsonata()) {
            return exit(visit, assignJsonata(common, scope), outputJsonata(common, scope, visit.input()),
                    state.defaultState());
        }
        return exit(visit, assignPath(common, effective, context, visit), outputPath(visit, effective, context),
                state.defaultState());
    }

    private CompletableFuture<Step> waitState(Visit visit, WaitState state) {
        CommonFields common = visit.common();
        ObjectNode context = context(visit, null, null, null);
        JsonataScope scope = new JsonataScope(visit.input(), null, null, context, visit.frame().variables);
        JsonNode effective = common.isJsonata() ? visit.input() : inputPath(visit, context);
        Duration delay;
        if (state.seconds() != null) {
            JsonNode seconds = dynamic(state.seconds(), "Seconds", effective, context, scope, visit);
            if (!seconds.isIntegralNumber() || seconds.longValue() < 0) {
                throw new StatesFailure(state.seconds().jsonata() != null ? StatesErrors.QUERY_EVALUATION_ERROR
                        : StatesErrors.RUNTIME, "The value of Seconds must be a non-negative integer, was "
                        + JsonValues.print(seconds));
            }
            delay = Duration.ofSeconds(seconds.longValue());
        } else {
            JsonNode timestamp = dynamic(state.timestamp(), "Timestamp", effective, context, scope, visit);
            Optional<Instant> at = timestamp.isTextual() ? Timestamps.parse(timestamp.textValue()) : Optional.empty();
            if (at.isEmpty()) {
                throw new StatesFailure(state.timestamp().jsonata() != null ? StatesErrors.QUERY_EVALUATION_ERROR
                        : StatesErrors.RUNTIME, "The value of Timestamp must be an RFC 3339 timestamp, was "
                        + JsonValues.print(timestamp));
            }
            delay = Duration.between(engine.clock().now(), at.get());
        }
        return sleep(visit.frame(), delay).thenApply(ignored -> {
            if (common.isJsonata()) {
                return exit(visit, assignJsonata(common, scope), outputJsonata(common, scope, visit.input()));
            }
            return exit(visit, assignPath(common, effective, context, visit), outputPath(visit, effective, context));
        });
    }

    /** Completes after {@code delay} on the engine clock, or with {@link Aborted} if the workflow is aborted. */
    private CompletableFuture<Void> sleep(Frame frame, Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (delay.isNegative() || delay.isZero()) {
            done.complete(null);
            return done;
        }
        Cancellable timer = engine.clock().schedule(delay, () -> work.execute(() -> done.complete(null)));
        frame.track(() -> {
            timer.cancel();
            done.completeExceptionally(new Aborted());
        });
        return done.whenComplete((ignored, thrown) -> frame.untrack());
    }

    // ------------------------------------------------------------------ Task, Parallel, Map: Retry and Catch

    private CompletableFuture<Step> executionState(Visit visit, ExecutionState state) {
        CompletableFuture<Step> result = new CompletableFuture<>();
        attempt(visit, state, new int[state.retry().size()], 0, result);
        return result;
    }

    private void attempt(Visit visit, ExecutionState state, int[] retriesUsed, int retryCount,
                         CompletableFuture<Step> result) {
        CompletableFuture<Step> body;
        try {
            if (state instanceof TaskState task) {
                body = task(visit, task, retryCount);
            } else if (state instanceof ParallelState parallel) {
                body = parallel(visit, parallel, retryCount);
            } else {
                body = map(visit, (MapState) state, retryCount);
            }
        } catch (RuntimeException thrown) {
            body = CompletableFuture.failedFuture(thrown);
        }
        body.whenComplete((step, thrown) -> {
            if (thrown == null) {
                result.complete(step);
                return;
            }
            Throwable cause = Signals.unwrap(thrown);
            if (cause instanceof Aborted || visit.frame().isAborted()) {
                result.completeExceptionally(new Aborted());
                return;
            }
            StateError error = toStateError(visit, cause);
            for (int i = 0; i < state.retry().size(); i++) {
                Retrier retrier = state.retry().get(i);
                if (!StatesErrors.matches(retrier.errorEquals(), error.error)) {
                    continue;
                }
                if (retriesUsed[i] < retrier.maxAttempts()) {
                    double seconds = retrier.delaySeconds(retriesUsed[i]);
                    if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
                        synchronized (random) {
                            seconds = random.nextDouble() * seconds;
                        }
                    }
                    retriesUsed[i]++;
                    sleep(visit.frame(), Duration.ofMillis(Math.round(seconds * 1000))).whenComplete((ignored, t) -> {
                        if (t != null) {
                            result.completeExceptionally(Signals.unwrap(t));
                        } else {
                            work.execute(() -> attempt(visit, state, retriesUsed, retryCount + 1, result));
                        }
                    });
                    return;
                }
                break;
            }
            for (int i = 0; i < state.catchers().size(); i++) {
                Catcher catcher = state.catchers().get(i);
                if (StatesErrors.matches(catcher.errorEquals(), error.error)) {
                    try {
                        result.complete(caught(visit, catcher, i, error, retryCount));
                    } catch (RuntimeException processing) {
                        result.completeExceptionally(toStateError(visit, processing));
                    }
                    return;
                }
            }
            result.completeExceptionally(error);
        });
    }

    private Step caught(Visit visit, Catcher catcher, int index, StateError error, int retryCount) {
        ObjectNode errorOutput = Execution.object();
        if (error.error != null) {
            errorOutput.put("Error", error.error);
        }
        if (error.cause != null) {
            errorOutput.put("Cause", error.cause);
        }
        ObjectNode context = context(visit, retryCount, null, null);
        VariableScope variables = visit.frame().variables;
        if (visit.common().isJsonata()) {
            JsonataScope scope = new JsonataScope(visit.input(), null, errorOutput, context, variables);
            ObjectNode assigned = catcher.assignJsonata() == null ? null
                    : (ObjectNode) catcher.assignJsonata().evaluate(scope, "Catch[" + index + "]/Assign");
            JsonNode output = catcher.output() == null ? errorOutput
                    : catcher.output().evaluate(scope, "Catch[" + index + "]/Output");
            return exit(visit, assigned, output, catcher.next());
        }
        ObjectNode assigned = catcher.assignPath() == null ? null
                : (ObjectNode) catcher.assignPath().evaluate(errorOutput, context, variables);
        return exit(visit, assigned, ResultPaths.apply(visit.input(), catcher.resultPath(), errorOutput),
                catcher.next());
    }

    /** The output of a Task, Parallel or Map state from its result: ResultSelector/ResultPath/OutputPath or Output. */
    private Step result(Visit visit, ExecutionState state, JsonNode result, ObjectNode context) {
        CommonFields common = visit.common();
        VariableScope variables = visit.frame().variables;
        if (common.isJsonata()) {
            JsonataScope scope = new JsonataScope(visit.input(), result, null, context, variables);
            return exit(visit, assignJsonata(common, scope), outputJsonata(common, scope, result));
        }
        ObjectNode assigned = assignPath(common, result, context, visit);
        JsonNode selected = state.resultSelector() == null ? result
                : state.resultSelector().evaluate(result, context, variables);
        JsonNode combined = ResultPaths.apply(visit.input(), state.resultPath(), selected);
        return exit(visit, assigned, outputPath(visit, combined, context));
    }

    // ------------------------------------------------------------------ Task

    private CompletableFuture<Step> task(Visit visit, TaskState state, int retryCount) {
        Frame frame = visit.frame();
        CommonFields common = visit.common();
        ResourceArn arn = state.resource();
        boolean callback = arn.pattern() == ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN;
        FrameSnapshot plan = frame.takeResumePlan(visit.name());
        String resumedToken = plan != null && frame.resumesTokens() ? plan.taskToken() : null;
        String token = callback ? (resumedToken != null ? resumedToken : tokens.newToken()) : null;
        ObjectNode context = context(visit, retryCount, token, null);
        JsonataScope scope = new JsonataScope(visit.input(), null, null, context, frame.variables);
        JsonNode payload;
        if (common.isJsonata()) {
            payload = state.arguments() == null ? visit.input() : state.arguments().evaluate(scope, "Arguments");
        } else {
            JsonNode effective = inputPath(visit, context);
            payload = state.parameters() == null ? effective
                    : state.parameters().evaluate(effective, context, frame.variables);
        }
        Integer timeout = seconds(state.timeoutSeconds(), "TimeoutSeconds", visit, context, scope);
        Integer heartbeat = seconds(state.heartbeatSeconds(), "HeartbeatSeconds", visit, context, scope);
        TaskEvents events = new TaskEvents(frame, arn);
        if (resumedToken == null) {
            events.scheduled(payload, timeout, heartbeat, engine.region());
        }
        Optional<TaskResource> resource = engine.taskResources().find(arn);
        if (resource.isEmpty() && resumedToken == null) {
            String cause = "No task resource is registered for '" + arn.arn() + "'";
            events.startFailed(StatesErrors.RUNTIME, cause);
            throw new StateError(StatesErrors.RUNTIME, cause);
        }
        Instant now = engine.clock().now();
        Instant timeoutAt = now.plusSeconds(timeout == null ? TaskState.DEFAULT_TIMEOUT_SECONDS : timeout);
        CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
        List<Cancellable> timers = new ArrayList<>();
        // the timeout and heartbeat clocks start with the task, before anyone can observe TaskStarted
        if (timeout != null) {
            timers.add(engine.clock().schedule(Duration.ofSeconds(timeout), () -> work.execute(() ->
                    outcome.completeExceptionally(new StateError(StatesErrors.TIMEOUT, "", true)))));
        }
        TokenRegistry.Waiter waiter = callback
                ? tokens.register(token, heartbeat, () -> frame.execution.status() == ExecutionStatus.RUNNING) : null;
        if (resumedToken == null) {
            events.started();
        }
        TaskRunner.Handle handle = null;
        if (resumedToken != null) {
            frame.record.taskToken = token;
            waiter.result.whenComplete((value, thrown) -> complete(outcome, value, thrown));
        } else {
            JsonNode input = payload.deepCopy();
            TaskInvocation invocation = new TaskInvocation(arn, input, frame.execution.arn, visit.name(),
                    context.deepCopy(), Optional.ofNullable(token), timeoutAt);
            CompletableFuture<JsonNode> call = new CompletableFuture<>();
            TaskResource target = resource.get();
            handle = tasks.run(() -> target.invoke(invocation), call);
            call.whenCompleteAsync((value, thrown) -> {
                if (outcome.isDone()) {
                    return;
                }
                if (thrown != null) {
                    outcome.completeExceptionally(thrown);
                } else if (callback) {
                    events.submitted(value == null ? JsonValues.nodes().nullNode() : value);
                    frame.record.taskToken = token;
                    waiter.result.whenComplete((result, failed) -> complete(outcome, result, failed));
                } else {
                    outcome.complete(value == null ? JsonValues.nodes().nullNode() : value);
                }
            }, work);
        }
        TaskRunner.Handle running = handle;
        frame.track(() -> {
            if (waiter != null) {
                waiter.close();
            }
            work.execute(() -> outcome.completeExceptionally(new Aborted()));
        });
        // outcome is completed only on workers (call hand-off, timers, callbacks and aborts all go through work)
        return outcome.handle((value, thrown) -> {
            frame.untrack();
            timers.forEach(Cancellable::cancel);
            if (waiter != null) {
                waiter.close();
            }
            frame.record.taskToken = null;
            if (thrown != null) {
                if (running != null) {
                    running.cancel();
                }
                Throwable cause = Signals.unwrap(thrown);
                if (cause instanceof Aborted) {
                    throw (Aborted) cause;
                }
                StateError error = taskError(cause);
                if (error.timeout) {
                    events.timedOut(error.error, error.cause);
                } else {
                    events.failed(error.error, error.cause);
                }
                throw error;
            }
            JsonNode result = value;
            events.succeeded(result);
            return result(visit, state, result, context);
        });
    }

    private static void complete(CompletableFuture<JsonNode> outcome, JsonNode value, Throwable thrown) {
        if (thrown != null) {
            outcome.completeExceptionally(Signals.unwrap(thrown));
        } else {
            outcome.complete(value);
        }
    }

    private static StateError taskError(Throwable cause) {
        if (cause instanceof StateError error) {
            return error;
        }
        if (cause instanceof AslTaskFailure failure) {
            return new StateError(failure.error(), failure.cause());
        }
        if (cause instanceof StatesFailure failure) {
            return new StateError(failure.error(), failure.cause());
        }
        if (cause instanceof InterruptedException || cause instanceof java.util.concurrent.CancellationException) {
            return new StateError(StatesErrors.TASK_FAILED, "The task was interrupted");
        }
        // an exception that is not an AslTaskFailure is named by its class, as the Lambda Java runtime does
        return new StateError(cause.getClass().getName(), cause.getMessage() == null ? "" : cause.getMessage());
    }

    private Integer seconds(DynamicValue value, String field, Visit visit, ObjectNode context, JsonataScope scope) {
        if (value == null) {
            return null;
        }
        JsonNode subject = visit.common().isJsonata() ? visit.input() : inputPath(visit, context);
        JsonNode seconds = dynamic(value, field, subject, context, scope, visit);
        if (!seconds.isIntegralNumber() || seconds.longValue() < 1 || seconds.longValue() > 99_999_999L) {
            throw new StatesFailure(value.jsonata() != null ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME,
                    "The value of " + field + " must be a positive integer, was " + JsonValues.print(seconds));
        }
        return seconds.intValue();
    }

    /** The history events of one task attempt, in the Task* or LambdaFunction* family as AWS records them. */
    private static final class TaskEvents {
        private final Frame frame;
        private final ResourceArn arn;
        private final boolean lambda;

        TaskEvents(Frame frame, ResourceArn arn) {
            this.frame = frame;
            this.arn = arn;
            this.lambda = arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION;
        }

        private ObjectNode base() {
            ObjectNode details = Execution.object();
            if (!lambda) {
                details.put("resourceType", arn.resourceType());
                details.put("resource", arn.resource());
            }
            return details;
        }

        void scheduled(JsonNode payload, Integer timeout, Integer heartbeat, String region) {
            ObjectNode details = base();
            if (lambda) {
                details.put("resource", arn.arn());
                details.put("input", JsonValues.print(payload));
                details.putObject("inputDetails").put("truncated", false);
                if (timeout != null) {
                    details.put("timeoutInSeconds", timeout);
                }
                frame.publish(HistoryEventType.LambdaFunctionScheduled, "lambdaFunctionScheduledEventDetails", details);
                return;
            }
            details.put("region", region);
            details.put("parameters", JsonValues.print(payload));
            if (timeout != null) {
                details.put("timeoutInSeconds", timeout);
            }
            if (heartbeat != null) {
                details.put("heartbeatInSeconds", heartbeat);
            }
            frame.publish(HistoryEventType.TaskScheduled, "taskScheduledEventDetails", details);
        }

        void started() {
            if (lambda) {
                frame.publish(HistoryEventType.LambdaFunctionStarted, null, null);
            } else {
                frame.publish(HistoryEventType.TaskStarted, "taskStartedEventDetails", base());
            }
        }

        void startFailed(String error, String cause) {
            ObjectNode details = base();
            details.put("error", error);
            details.put("cause", cause);
            frame.publish(lambda ? HistoryEventType.LambdaFunctionStartFailed : HistoryEventType.TaskStartFailed,
                    lambda ? "lambdaFunctionStartFailedEventDetails" : "taskStartFailedEventDetails", details);
        }

        void submitted(JsonNode output) {
            ObjectNode details = base();
            details.put("output", JsonValues.print(output));
            details.putObject("outputDetails").put("truncated", false);
            frame.publish(HistoryEventType.TaskSubmitted, "taskSubmittedEventDetails", details);
        }

        void succeeded(JsonNode output) {
            ObjectNode details = base();
            details.put("output", JsonValues.print(output));
            details.putObject("outputDetails").put("truncated", false);
            frame.publish(lambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded,
                    lambda ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails", details);
        }

        void failed(String error, String cause) {
            ObjectNode details = base();
            if (error != null) {
                details.put("error", error);
            }
            if (cause != null) {
                details.put("cause", cause);
            }
            frame.publish(lambda ? HistoryEventType.LambdaFunctionFailed : HistoryEventType.TaskFailed,
                    lambda ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails", details);
        }

        void timedOut(String error, String cause) {
            ObjectNode details = base();
            details.put("error", error);
            details.put("cause", cause);
            frame.publish(lambda ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.TaskTimedOut,
                    lambda ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails", details);
        }
    }

    // ------------------------------------------------------------------ Parallel and Map

    private CompletableFuture<Step> parallel(Visit visit, ParallelState state, int retryCount) {
        Frame frame = visit.frame();
        ObjectNode context = context(visit, retryCount, null, null);
        JsonNode branchInput;
        if (visit.common().isJsonata()) {
            JsonataScope scope = new JsonataScope(visit.input(), null, null, context, frame.variables);
            branchInput = state.arguments() == null ? visit.input() : state.arguments().evaluate(scope, "Arguments");
        } else {
            JsonNode effective = inputPath(visit, context);
            branchInput = state.parameters() == null ? effective
                    : state.parameters().evaluate(effective, context, frame.variables);
        }
        FrameSnapshot plan = frame.takeResumePlan(visit.name());
        frame.publish(HistoryEventType.ParallelStateStarted, null, null);
        List<Workflow> workflows = state.branches();
        Fanout fanout = new Fanout(visit, workflows.size(), workflows.size(), false, i -> workflows.get(i),
                i -> branchInput, plan);
        return fanout.start().handleAsync((results, thrown) -> {
            if (thrown != null) {
                Throwable cause = Signals.unwrap(thrown);
                if (!(cause instanceof Aborted)) {
                    frame.publish(HistoryEventType.ParallelStateFailed, null, null);
                }
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            frame.publish(HistoryEventType.ParallelStateSucceeded, null, null);
            return result(visit, state, results, context);
        }, work);
    }

    private CompletableFuture<Step> map(Visit visit, MapState state, int retryCount) {
        Frame frame = visit.frame();
        ObjectNode context = context(visit, retryCount, null, null);
        JsonataScope scope = new JsonataScope(visit.input(), null, null, context, frame.variables);
        JsonNode effective = visit.common().isJsonata() ? visit.input() : inputPath(visit, context);
        JsonNode items;
        if (visit.common().isJsonata()) {
            items = state.items() == null ? visit.input() : state.items().evaluate(scope, "Items");
            if (!items.isArray()) {
                throw new StatesFailure(StatesErrors.QUERY_EVALUATION_ERROR, "The value of the field 'Items' must"
                        + " be a JSON array, was " + JsonValues.print(items));
            }
        } else {
            try {
                items = JsonPaths.read(state.itemsPath(), effective, context, frame.variables);
            } catch (JsonPaths.NoResultsException e) {
                throw new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + state.itemsPath() + "' : "
                        + e.getMessage());
            }
            if (!items.isArray()) {
                throw new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + state.itemsPath() + "': the value"
                        + " of ItemsPath must be a JSON array, was " + JsonValues.print(items));
            }
        }
        int limit = items.size();
        if (state.maxConcurrency() != null) {
            JsonNode max = dynamic(state.maxConcurrency(), "MaxConcurrency", effective, context, scope, visit);
            if (!max.isIntegralNumber() || max.longValue() < 0) {
                throw new StatesFailure(state.maxConcurrency().jsonata() != null
                        ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME,
                        "The value of MaxConcurrency must be a non-negative integer, was " + JsonValues.print(max));
            }
            if (max.longValue() > 0) {
                limit = (int) Math.min(max.longValue(), items.size());
            }
        }
        FrameSnapshot plan = frame.takeResumePlan(visit.name());
        ObjectNode started = Execution.object();
        started.put("length", items.size());
        frame.publish(HistoryEventType.MapStateStarted, "mapStateStartedEventDetails", started);
        JsonNode itemList = items;
        Fanout fanout = new Fanout(visit, items.size(), Math.max(limit, 1), true, i -> state.processor(), i -> {
            JsonNode item = itemList.get(i);
            if (state.itemSelector() == null && state.itemSelectorJsonata() == null) {
                return item;
            }
            ObjectNode mapItem = Execution.object();
            mapItem.put("Index", i);
            mapItem.set("Value", item);
            ObjectNode itemContext = context(visit, retryCount, null, mapItem);
            if (state.itemSelectorJsonata() != null) {
                return state.itemSelectorJsonata().evaluate(new JsonataScope(visit.input(), null, null, itemContext,
                        frame.variables), "ItemSelector");
            }
            return state.itemSelector().evaluate(effective, itemContext, frame.variables);
        }, plan);
        return fanout.start().handleAsync((results, thrown) -> {
            if (thrown != null) {
                Throwable cause = Signals.unwrap(thrown);
                if (!(cause instanceof Aborted)) {
                    frame.publish(HistoryEventType.MapStateFailed, null, null);
                }
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            frame.publish(HistoryEventType.MapStateSucceeded, null, null);
            return result(visit, state, results, context);
        }, work);
    }

    /**
     * Runs the children of a Parallel or Map state, at most {@code limit} at a time, and collects their outputs in
     * order. The first failure aborts the running children, starts no more, and fails the state with the child's
     * error once every child has stopped. Children that succeeded in an earlier run (redrive) are not run again.
     */
    private final class Fanout {
        private final Visit visit;
        private final int count;
        private final int limit;
        private final boolean map;
        private final java.util.function.IntFunction<Workflow> workflows;
        private final java.util.function.IntFunction<JsonNode> inputs;
        private final List<FrameRecord.ChildRecord> records = new ArrayList<>();
        private final Map<Integer, FrameSnapshot> previous = new LinkedHashMap<>();
        private final Map<Integer, Frame> active = new LinkedHashMap<>();
        private final JsonNode[] outputs;
        private final CompletableFuture<ArrayNode> done = new CompletableFuture<>();
        private int next;
        private int running;
        private boolean stopping;
        private RuntimeException failure;

        Fanout(Visit visit, int count, int limit, boolean map, java.util.function.IntFunction<Workflow> workflows,
               java.util.function.IntFunction<JsonNode> inputs, FrameSnapshot plan) {
            this.visit = visit;
            this.count = count;
            this.limit = limit;
            this.map = map;
            this.workflows = workflows;
            this.inputs = inputs;
            this.outputs = new JsonNode[count];
            boolean planFits = plan != null && plan.children().size() == count;
            for (int i = 0; i < count; i++) {
                FrameRecord.ChildRecord record = new FrameRecord.ChildRecord(i, null);
                if (planFits) {
                    FrameSnapshot.ChildSnapshot child = plan.children().get(i);
                    record.input = child.input();
                    record.previous = child.frame();
                    if (child.frame() != null) {
                        previous.put(i, child.frame());
                    }
                }
                records.add(record);
            }
        }

        CompletableFuture<ArrayNode> start() {
            Frame frame = visit.frame();
            frame.record.children = List.copyOf(records);
            frame.track(this::abortAll);
            synchronized (this) {
                launchMore();
            }
            return done.whenComplete((ignored, thrown) -> frame.untrack());
        }

        private void launchMore() {
            while (!stopping && running < limit && next < count) {
                int index = next++;
                FrameSnapshot earlier = previous.get(index);
                if (earlier != null && "SUCCEEDED".equals(earlier.status())) {
                    outputs[index] = earlier.output();
                    continue;
                }
                launch(index, earlier);
            }
            if (!stopping && running == 0 && next == count) {
                ArrayNode results = JsonValues.nodes().arrayNode(count);
                for (JsonNode output : outputs) {
                    results.add(output);
                }
                done.complete(results);
            }
        }

        private void launch(int index, FrameSnapshot earlier) {
            FrameRecord.ChildRecord record = records.get(index);
            Frame parent = visit.frame();
            JsonNode input = record.input;
            if (input == null) {
                try {
                    input = inputs.apply(index);
                } catch (RuntimeException thrown) {
                    failure = thrown;
                    stopping = true;
                    abortActive();
                    finishIfStopped();
                    return;
                }
                record.input = input;
            }
            long startEvent = parent.record.lastEventId;
            if (map) {
                ObjectNode details = Execution.object();
                details.put("name", visit.name());
                details.put("index", index);
                long id = parent.publishAside(HistoryEventType.MapIterationStarted, "mapIterationStartedEventDetails",
                        details);
                if (id > 0) {
                    startEvent = id;
                }
            }
            boolean resume = earlier != null && earlier.stateName() != null;
            VariableScope scope = new VariableScope(parent.variables, resume ? earlier.variables() : Map.of());
            Frame child = new Frame(parent.execution, workflows.apply(index), scope, startEvent,
                    resume ? earlier : null, parent.resumesTokens());
            record.frame = child.record;
            running++;
            active.put(index, child);
            child.completion.whenComplete((output, thrown) -> work.execute(() -> childDone(index, child, output,
                    thrown)));
            if (resume) {
                Interpreter.this.start(child, earlier.stateName(), earlier.stateInput());
            } else {
                Interpreter.this.start(child, child.workflow.startAt(), input);
            }
        }

        private synchronized void childDone(int index, Frame child, JsonNode output, Throwable thrown) {
            running--;
            active.remove(index);
            Frame parent = visit.frame();
            parent.record.lastEventId = Math.max(parent.record.lastEventId, child.record.lastEventId);
            Throwable cause = thrown == null ? null : Signals.unwrap(thrown);
            if (cause == null) {
                outputs[index] = output;
                iterationEvent(child, HistoryEventType.MapIterationSucceeded, "mapIterationSucceededEventDetails", index);
            } else if (cause instanceof Aborted) {
                iterationEvent(child, HistoryEventType.MapIterationAborted, "mapIterationAbortedEventDetails", index);
            } else {
                iterationEvent(child, HistoryEventType.MapIterationFailed, "mapIterationFailedEventDetails", index);
                if (failure == null) {
                    failure = cause instanceof RuntimeException runtime ? runtime
                            : new StateError(StatesErrors.RUNTIME, String.valueOf(cause));
                    stopping = true;
                    abortActive();
                }
            }
            if (stopping) {
                finishIfStopped();
            } else {
                launchMore();
            }
        }

        private void iterationEvent(Frame child, HistoryEventType type, String detailsName, int index) {
            if (!map) {
                return;
            }
            ObjectNode details = Execution.object();
            details.put("name", visit.name());
            details.put("index", index);
            child.publishAside(type, detailsName, details);
        }

        private void abortActive() {
            for (Frame child : new ArrayList<>(active.values())) {
                // outside the lock: a child's abort completes futures whose callbacks re-enter childDone
                work.execute(child::abort);
            }
        }

        private void finishIfStopped() {
            if (running == 0) {
                done.completeExceptionally(failure != null ? failure : new Aborted());
            }
        }

        private synchronized void abortAll() {
            stopping = true;
            abortActive();
            finishIfStopped();
        }
    }

    // ------------------------------------------------------------------ data helpers

    /** The context object ({@code $$}, {@code $states.context}) for this visit. */
    private static ObjectNode context(Visit visit, Integer retryCount, String token, ObjectNode mapItem) {
        ObjectNode context = visit.frame().execution.contextBase();
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.print(visit.entered()));
        state.put("Name", visit.name());
        if (retryCount != null) {
            state.put("RetryCount", retryCount);
        }
        if (token != null) {
            context.putObject("Task").put("Token", token);
        }
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        return context;
    }

    private static JsonNode inputPath(Visit visit, ObjectNode context) {
        String path = visit.common().inputPath();
        if (path == null) {
            return Execution.object();
        }
        if (path.equals("$")) {
            return visit.input();
        }
        try {
            return JsonPaths.read(path, visit.input(), context, visit.frame().variables);
        } catch (JsonPaths.NoResultsException e) {
            throw new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
        }
    }

    private static JsonNode outputPath(Visit visit, JsonNode combined, ObjectNode context) {
        String path = visit.common().outputPath();
        if (path == null) {
            return Execution.object();
        }
        if (path.equals("$")) {
            return combined;
        }
        try {
            return JsonPaths.read(path, combined, context, visit.frame().variables);
        } catch (JsonPaths.NoResultsException e) {
            throw new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
        }
    }

    private static JsonNode outputJsonata(CommonFields common, JsonataScope scope, JsonNode fallback) {
        return common.output() == null ? fallback : common.output().evaluate(scope, "Output");
    }

    private static ObjectNode assignJsonata(CommonFields common, JsonataScope scope) {
        return common.assignJsonata() == null ? null : (ObjectNode) common.assignJsonata().evaluate(scope, "Assign");
    }

    private static ObjectNode assignPath(CommonFields common, JsonNode subject, ObjectNode context, Visit visit) {
        return common.assignPath() == null ? null
                : (ObjectNode) common.assignPath().evaluate(subject, context, visit.frame().variables);
    }

    /** Evaluates a literal/path/intrinsic/JSONata field against {@code subject} (JSONPath) or {@code scope}. */
    private static JsonNode dynamic(DynamicValue value, String field, JsonNode subject, ObjectNode context,
                                    JsonataScope scope, Visit visit) {
        if (value.literal() != null) {
            return value.literal();
        }
        if (value.jsonata() != null) {
            return JsonataSupport.evaluate(value.jsonata(), scope, field);
        }
        try {
            if (value.call() != null) {
                return Intrinsics.evaluate(value.call(), subject, context, visit.frame().variables);
            }
            return JsonPaths.read(value.path(), subject, context, visit.frame().variables);
        } catch (JsonPaths.NoResultsException e) {
            throw new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + (value.path() == null ? field + "Path"
                    : value.path()) + "' : " + e.getMessage());
        }
    }

    private Step exit(Visit visit, ObjectNode assigned, JsonNode output) {
        CommonFields common = visit.common();
        return exit(visit, assigned, output, common.end() ? null : common.next());
    }

    /** Leaves the state: checks the payload quota, applies Assign, records the Exited event. */
    private Step exit(Visit visit, ObjectNode assigned, JsonNode output, String next) {
        String printed = JsonValues.print(output);
        if (printed.length() > Execution.PAYLOAD_LIMIT_BYTES / 4
                && printed.getBytes(StandardCharsets.UTF_8).length > Execution.PAYLOAD_LIMIT_BYTES) {
            throw new StateError(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + visit.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        ObjectNode details = Execution.object();
        details.put("name", visit.name());
        details.put("output", printed);
        details.putObject("outputDetails").put("truncated", false);
        if (assigned != null) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            ObjectNode shown = details.putObject("assignedVariables");
            Iterator<Map.Entry<String, JsonNode>> fields = assigned.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                values.put(field.getKey(), field.getValue());
                shown.put(field.getKey(), JsonValues.print(field.getValue()));
            }
            details.putObject("assignedVariablesDetails").put("truncated", false);
            visit.frame().variables.assign(values);
        }
        visit.frame().publish(HistoryEventType.valueOf(visit.state().type().name() + "StateExited"),
                "stateExitedEventDetails", details);
        return new Step(next, output);
    }

    /**
     * The failure of a state as Retry/Catch and the history see it. Errors the engine detects while processing
     * data carry the AWS prefix naming the state and the event at which it was entered.
     */
    private StateError toStateError(Visit visit, Throwable thrown) {
        Throwable cause = Signals.unwrap(thrown);
        if (cause instanceof StateError error) {
            return error;
        }
        if (cause instanceof StatesFailure failure) {
            String prefixed = "An error occurred while executing the state '" + visit.name()
                    + "' (entered at the event id #" + visit.enteredEventId() + "). " + failure.cause();
            if (StatesErrors.QUERY_EVALUATION_ERROR.equals(failure.error())) {
                ObjectNode details = Execution.object();
                details.put("error", failure.error());
                details.put("cause", prefixed);
                details.put("state", visit.name());
                visit.frame().publish(HistoryEventType.EvaluationFailed, "evaluationFailedEventDetails", details);
            }
            return new StateError(failure.error(), prefixed);
        }
        if (cause instanceof AslTaskFailure failure) {
            return new StateError(failure.error(), failure.cause());
        }
        return new StateError(StatesErrors.RUNTIME, "An error occurred while executing the state '" + visit.name()
                + "' (entered at the event id #" + visit.enteredEventId() + "). Internal error: " + cause);
    }
}
