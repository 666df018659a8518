package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.definition.StateMachineDefinition;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.asl.time.EngineClock;
import dev.reelsmith.local.asl.time.SystemEngineClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The local Step Functions: an interpreter of the Amazon States Language for Standard workflows, with the
 * operations of the Step Functions API (create state machines; start, describe, stop, list and redrive executions;
 * read their history; send task-token callbacks). What tasks do is pluggable through {@link TaskResources}; time
 * comes from an {@link EngineClock}. Executions run on a small worker pool; task resources on their own threads.
 *
 * <pre>{@code
 * TaskResources resources = new TaskResources()
 *         .register("arn:aws:states:::lambda:invoke", lambdaInvoke);
 * try (AslEngine engine = AslEngine.builder().taskResources(resources).build()) {
 *     StateMachine machine = engine.createStateMachine("Pipeline", Files.readString(asl), roleArn);
 *     ExecutionDescription started = engine.startExecution(machine.arn(), "run-1", "{\"key\":\"songs/a.mp3\"}");
 *     ExecutionDescription done = engine.awaitCompletion(started.executionArn(), Duration.ofMinutes(30));
 * }
 * }</pre>
 */
public final class AslEngine implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");
    private static final int INPUT_LIMIT_BYTES = 262_144;

    private final EngineClock clock;
    private final boolean ownsClock;
    private final TaskResources taskResources;
    private final String region;
    private final String accountId;
    private final ExecutorService workers;
    private final ExecutorService taskThreads;
    private final Executor work;
    private final TokenRegistry tokens;
    private final Interpreter interpreter;
    private final Map<String, StateMachine> stateMachines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();

    private AslEngine(Builder builder) {
        this.clock = builder.clock != null ? builder.clock : new SystemEngineClock();
        this.ownsClock = builder.clock == null;
        this.taskResources = builder.taskResources;
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.workers = Executors.newFixedThreadPool(builder.workerThreads, daemonThreads("asl-worker"));
        this.taskThreads = Executors.newCachedThreadPool(daemonThreads("asl-task"));
        ActivityTracker tracker = new ActivityTracker(clock);
        this.work = tracker.track(workers);
        this.tokens = new TokenRegistry(clock, work);
        this.interpreter = new Interpreter(this, work, new TaskRunner(tracker.track(taskThreads)), tokens,
                builder.random);
        listeners.addAll(builder.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures an engine; every setting has a default suitable for {@code reelsmith run}. */
    public static final class Builder {
        private EngineClock clock;
        private TaskResources taskResources = new TaskResources();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Random random = new Random();
        private final List<ExecutionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The clock for waits, retries and timeouts (default: wall-clock time, owned and closed by the engine). */
        public Builder clock(EngineClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder taskResources(TaskResources value) {
            this.taskResources = Objects.requireNonNull(value, "taskResources");
            return this;
        }

        /** The region in ARNs and TaskScheduled events (default {@code us-east-1}). */
        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /** The account id in ARNs (default {@code 123456789012}). */
        public Builder accountId(String value) {
            this.accountId = Objects.requireNonNull(value, "accountId");
            return this;
        }

        /** Threads that interpret states (task resources run on threads of their own). */
        public Builder workerThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1, was " + value);
            }
            this.workerThreads = value;
            return this;
        }

        /** The random source for retry jitter (seed it for reproducible tests). */
        public Builder random(Random value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        public Builder listener(ExecutionListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        public AslEngine build() {
            return new AslEngine(this);
        }
    }

    // ------------------------------------------------------------------ state machines

    /**
     * Registers a state machine (CreateStateMachine). Creating one with the same name, definition and role again
     * returns the existing one.
     *
     * @throws dev.reelsmith.local.asl.definition.InvalidDefinitionException listing what is wrong
     * @throws StateMachineAlreadyExistsException when the name is taken by a different definition or role
     */
    public StateMachine createStateMachine(String name, String definitionJson, String roleArn) {
        validateName(name, "state machine");
        StateMachineDefinition definition = StateMachineDefinition.parse(definitionJson);
        String arn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
        StateMachine machine = new StateMachine(arn, name, roleArn, definitionJson, definition, clock.now());
        StateMachine existing = stateMachines.putIfAbsent(arn, machine);
        if (existing == null) {
            return machine;
        }
        if (existing.definitionJson().equals(definitionJson) && existing.roleArn().equals(roleArn)) {
            return existing;
        }
        throw new StateMachineAlreadyExistsException("State Machine Already Exists: '" + arn + "'");
    }

    /** Replaces a state machine's definition (UpdateStateMachine); running executions keep the one they started with. */
    public StateMachine updateStateMachine(String stateMachineArn, String definitionJson) {
        StateMachine existing = describeStateMachine(stateMachineArn);
        StateMachine updated = new StateMachine(existing.arn(), existing.name(), existing.roleArn(), definitionJson,
                StateMachineDefinition.parse(definitionJson), existing.creationDate());
        stateMachines.put(existing.arn(), updated);
        return updated;
    }

    public StateMachine describeStateMachine(String stateMachineArn) {
        StateMachine machine = stateMachines.get(stateMachineArn);
        if (machine == null) {
            throw new StateMachineDoesNotExistException("State Machine Does Not Exist: '" + stateMachineArn + "'");
        }
        return machine;
    }

    public List<StateMachine> listStateMachines() {
        List<StateMachine> list = new ArrayList<>(stateMachines.values());
        list.sort(Comparator.comparing(StateMachine::name));
        return list;
    }

    /** Removes a state machine; its executions stay readable. */
    public void deleteStateMachine(String stateMachineArn) {
        stateMachines.remove(stateMachineArn);
    }

    // ------------------------------------------------------------------ executions

    /**
     * Starts an execution (StartExecution) and returns it as it started. With a {@code null} name one is generated. Starting again with the
     * name and input of an execution that is still running returns that execution, as AWS does for Standard
     * workflows.
     *
     * @param input JSON, {@code "{}"} when {@code null}
     * @throws ExecutionAlreadyExistsException when the name is used by a closed execution or with another input
     * @throws InvalidExecutionInputException when the input is not JSON or exceeds 256 KiB
     */
    public ExecutionDescription startExecution(String stateMachineArn, String name, String input) {
        StateMachine machine = describeStateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        validateName(executionName, "execution");
        String json = input == null ? "{}" : input;
        try {
            JsonValues.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidExecutionInputException("Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > INPUT_LIMIT_BYTES) {
            throw new InvalidExecutionInputException("Execution input exceeds the maximum of " + INPUT_LIMIT_BYTES
                    + " bytes");
        }
        String arn = "arn:aws:states:" + region + ":" + accountId + ":execution:" + machine.name() + ":"
                + executionName;
        Execution execution = new Execution(this, arn, executionName, machine.arn(), machine.roleArn(),
                machine.definitionJson(), machine.definition(), json, clock.now());
        Execution existing = executions.putIfAbsent(arn, execution);
        if (existing != null) {
            if (existing.status() == ExecutionStatus.RUNNING
                    && JsonValues.parse(existing.input).equals(JsonValues.parse(json))) {
                return existing.describe();
            }
            throw new ExecutionAlreadyExistsException("Execution Already Exists: '" + arn + "'");
        }
        return execution.start();
    }

    public ExecutionDescription describeExecution(String executionArn) {
        return execution(executionArn).describe();
    }

    /** The executions of one state machine, newest first, optionally only those with {@code status}. */
    public List<ExecutionDescription> listExecutions(String stateMachineArn, ExecutionStatus status) {
        describeStateMachine(stateMachineArn);
        List<ExecutionDescription> list = new ArrayList<>();
        for (Execution execution : executions.values()) {
            if (execution.stateMachineArn.equals(stateMachineArn)) {
                ExecutionDescription description = execution.describe();
                if (status == null || description.status() == status) {
                    list.add(description);
                }
            }
        }
        list.sort(Comparator.comparing(ExecutionDescription::startDate).reversed());
        return list;
    }

    /** The execution's events, oldest first (GetExecutionHistory). */
    public List<HistoryEvent> getExecutionHistory(String executionArn) {
        return execution(executionArn).history();
    }

    /**
     * Stops a running execution (StopExecution): its running tasks are interrupted and its task tokens become
     * invalid. Stopping a closed execution changes nothing.
     */
    public ExecutionDescription stopExecution(String executionArn, String error, String cause) {
        Execution execution = execution(executionArn);
        execution.stop(error, cause);
        return execution.describe();
    }

    /**
     * Continues a FAILED, TIMED_OUT or ABORTED execution from the state that did not complete, with that state's
     * input and the variables it saw (RedriveExecution). States that completed are not run again; in Map and
     * Parallel states only the iterations and branches that did not succeed run again.
     *
     * @throws ExecutionNotRedrivableException when it is running, succeeded, or closed more than 14 days ago
     */
    public ExecutionDescription redriveExecution(String executionArn) {
        return execution(executionArn).redrive();
    }

    /** Blocks until the execution is closed or {@code timeout} (real time) passes. */
    public ExecutionDescription awaitCompletion(String executionArn, Duration timeout)
            throws InterruptedException, TimeoutException {
        try {
            return execution(executionArn).terminal().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution watcher failed", e.getCause());
        }
    }

    // ------------------------------------------------------------------ callbacks

    /**
     * Completes the {@code .waitForTaskToken} task that issued {@code taskToken} with {@code output}.
     *
     * @throws InvalidTokenException when the string cannot be a token of this engine
     * @throws TaskDoesNotExistException when the token is well-formed but was not issued by this engine (or before a
     *     restart, for a task that no longer waits)
     * @throws TaskTimedOutException when the task is no longer waiting: it completed, failed, timed out, or its
     *     execution stopped
     * @throws InvalidOutputException when {@code output} is not JSON
     */
    public void sendTaskSuccess(String taskToken, String output) {
        JsonNode parsed;
        try {
            parsed = JsonValues.parse(output);
        } catch (IllegalArgumentException e) {
            throw new InvalidOutputException("Invalid Output: '" + e.getMessage() + "'");
        }
        tokens.success(taskToken, parsed);
    }

    /**
     * Fails the waiting task with {@code error} and {@code cause}, which its Retry and Catch then see. Refused as
     * {@link #sendTaskSuccess} is.
     */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        tokens.failure(taskToken, error, cause);
    }

    /** Resets the waiting task's HeartbeatSeconds clock. Refused as {@link #sendTaskSuccess} is. */
    public void sendTaskHeartbeat(String taskToken) {
        tokens.heartbeat(taskToken);
    }

    // ------------------------------------------------------------------ persistence

    /** The execution as plain data, for persisting it. */
    public ExecutionSnapshot snapshot(String executionArn) {
        return execution(executionArn).snapshot();
    }

    /**
     * Brings back an execution from a snapshot, e.g. after a restart. A closed one becomes readable and
     * redrivable; a RUNNING one continues, re-entering the states that were in flight (a callback task keeps
     * waiting on its token, which is accepted again as soon as this method returns).
     *
     * @throws ExecutionAlreadyExistsException when the engine already has an execution with that ARN
     */
    public ExecutionDescription restore(ExecutionSnapshot snapshot) {
        StateMachineDefinition definition = StateMachineDefinition.parse(snapshot.definitionJson());
        Execution execution = new Execution(this, snapshot.executionArn(), snapshot.name(),
                snapshot.stateMachineArn(), snapshot.roleArn(), snapshot.definitionJson(), definition,
                snapshot.input(), snapshot.startDate());
        if (executions.putIfAbsent(snapshot.executionArn(), execution) != null) {
            throw new ExecutionAlreadyExistsException("Execution Already Exists: '" + snapshot.executionArn() + "'");
        }
        if (snapshot.status() == ExecutionStatus.RUNNING) {
            // the callback tasks re-enter on a worker; their tokens must be valid as soon as restore returns
            for (String token : waitingTokens(snapshot.root(), new ArrayList<>())) {
                tokens.reserve(token, () -> execution.status() == ExecutionStatus.RUNNING);
            }
        }
        execution.restore(snapshot);
        return execution.describe();
    }

    /** The tokens the callback tasks of a workflow and its Map/Parallel children were waiting on. */
    private static List<String> waitingTokens(FrameSnapshot frame, List<String> into) {
        if (frame == null) {
            return into;
        }
        if (frame.taskToken() != null) {
            into.add(frame.taskToken());
        }
        for (FrameSnapshot.ChildSnapshot child : frame.children()) {
            waitingTokens(child.frame(), into);
        }
        return into;
    }

    /** Restores a state machine registration (e.g. from disk) without the name-conflict check. */
    public StateMachine restore(StateMachine machine) {
        stateMachines.put(machine.arn(), machine);
        return machine;
    }

    public void addListener(ExecutionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ------------------------------------------------------------------ plumbing

    public TaskResources taskResources() {
        return taskResources;
    }

    public EngineClock clock() {
        return clock;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    Interpreter interpreter() {
        return interpreter;
    }

    Executor work() {
        return work;
    }

    void notifyEvent(String executionArn, HistoryEvent event) {
        for (ExecutionListener listener : listeners) {
            listener.onEvent(executionArn, event);
        }
    }

    void notifyStatus(ExecutionDescription description) {
        for (ExecutionListener listener : listeners) {
            listener.onStatusChange(description);
        }
    }

    private Execution execution(String executionArn) {
        Execution execution = executionArn == null ? null : executions.get(executionArn);
        if (execution == null) {
            throw new ExecutionDoesNotExistException("Execution Does Not Exist: '" + executionArn + "'");
        }
        return execution;
    }

    private static void validateName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidNameException("Invalid Name: '" + name + "': a " + what + " name must be 1 to 80"
                    + " characters without whitespace, brackets, wildcards or the characters \" # % \\ ^ | ~ ` $ & , ; : /");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the worker threads; running executions stop where they are. */
    @Override
    public void close() {
        workers.shutdownNow();
        taskThreads.shutdownNow();
        if (ownsClock && clock instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the clock", e);
            }
        }
    }
}
