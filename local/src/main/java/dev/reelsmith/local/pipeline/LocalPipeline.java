package dev.reelsmith.local.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionListener;
import dev.reelsmith.domain.Json;
import dev.reelsmith.local.cloud.InboxWatcher;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.lambda.LambdaFunction;
import dev.reelsmith.local.lambda.LambdaFunctions;
import dev.reelsmith.steps.PipelineFunction;
import dev.reelsmith.steps.StepConfig;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.store.TableSchema;
import dev.reelsmith.store.artifacts.ArtifactStore;
import dev.reelsmith.store.sessions.SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;

/**
 * The Reelsmith pipeline deployed into a running {@link LocalCloud}, the way {@code cdk deploy} deploys it into AWS:
 * the table, the inbox and artifacts buckets, the dead-letter queue, every {@link PipelineFunction} registered as an
 * in-process Lambda function, the state machine created from {@code statemachines/video-pipeline.asl.json} with the
 * same placeholders substituted, and the inbox watcher delivering S3 "Object Created" events to the inbox function.
 * Handlers get their configuration from JVM system properties with the Lambda environment variables' names.
 */
public final class LocalPipeline implements AutoCloseable {
    public static final String TABLE = "reelsmith";
    public static final String INBOX = "reelsmith-inbox";
    public static final String ARTIFACTS = "reelsmith-artifacts";
    public static final String DEAD_LETTERS = "reelsmith-dead-letters";
    public static final String STATE_MACHINE = "reelsmith-video-pipeline";
    public static final String DEFINITION = "statemachines/video-pipeline.asl.json";

    private final LocalCloud cloud;
    private final String stateMachineArn;
    private final StepDependencies dependencies;
    private final InboxWatcher watcher;
    private final Map<String, String> previousProperties = new LinkedHashMap<>();
    private final Map<String, JsonNode> outcomes = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> lastEvents = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reelsmith-status-change");
        thread.setDaemon(true);
        return thread;
    });
    private static final java.util.Set<String> FAILURES = java.util.Set.of("FAILED", "TIMED_OUT", "ABORTED");

    private LocalPipeline(Builder b) {
        this.cloud = b.cloud;
        String queueUrl = cloud.sqs().createQueue(q -> q.queueName(DEAD_LETTERS)).queueUrl();
        TableSchema.createIfMissing(cloud.dynamoDb(), TABLE);
        createBucket(INBOX);
        createBucket(ARTIFACTS);
        LambdaFunctions lambdas = cloud.lambdas();
        Map<String, String> substitutions = new LinkedHashMap<>(lambdas.pipelinePlaceholders());
        substitutions.put("${TableName}", TABLE);
        substitutions.put("${DeadLetterQueueUrl}", queueUrl);
        substitutions.put("${EventBusName}", "default");
        substitutions.put("${ArtifactsBucket}", ARTIFACTS);
        String definition = substitute(b.definition != null ? b.definition : bundledDefinition(), substitutions);
        String arn;
        try {
            arn = cloud.stepFunctions().createStateMachine(c -> c.name(STATE_MACHINE).definition(definition)
                    .roleArn("arn:aws:iam::" + cloud.accountId() + ":role/reelsmith-local")).stateMachineArn();
        } catch (StateMachineAlreadyExistsException e) {
            arn = "arn:aws:states:" + cloud.region() + ":" + cloud.accountId() + ":stateMachine:" + STATE_MACHINE;
            String existing = arn;
            cloud.stepFunctions().updateStateMachine(u -> u.stateMachineArn(existing).definition(definition));
        }
        this.stateMachineArn = arn;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("REELSMITH_TABLE", TABLE);
        config.put("REELSMITH_ARTIFACTS_BUCKET", ARTIFACTS);
        config.put("REELSMITH_INBOX_BUCKET", INBOX);
        config.put("REELSMITH_STATE_MACHINE_ARN", arn);
        config.put("REELSMITH_DLQ_URL", queueUrl);
        config.put("REELSMITH_EVENT_BUS", "default");
        config.put("REELSMITH_WORK_DIR", b.workDirectory.toAbsolutePath().toString());
        config.putAll(b.settings);
        config.forEach((name, value) -> previousProperties.put(name, System.setProperty(name, value)));
        StepConfig stepConfig = StepConfig.from(config);
        StepDependencies.Builder deps = StepDependencies.builder(stepConfig).s3(cloud.s3()).dynamo(cloud.dynamoDb())
                .sfn(cloud.stepFunctions()).events(cloud.eventBridge()).sqs(cloud.sqs());
        if (b.customise != null) {
            b.customise.accept(deps);
        }
        this.dependencies = deps.build();
        lambdas.registerPipelineFunctions();
        if (b.handlers != null) {
            b.handlers.apply(dependencies).forEach((function, handler) -> lambdas.register(new LambdaFunction(
                    LambdaFunctions.PIPELINE_PREFIX + function.id(), function.handlerClass(), function.memoryMb(),
                    function.timeoutSeconds()), handler));
        }
        String failureFunction = LambdaFunctions.PIPELINE_PREFIX + PipelineFunction.RECORD_FAILURE.id();
        String machineArn = arn;
        cloud.engine().addListener(new ExecutionListener() {
            @Override
            public void onStatusChange(ExecutionDescription description) {
                if (!description.stateMachineArn().equals(machineArn)) {
                    return;
                }
                ObjectNode event = statusChangeEvent(description);
                cloud.eventBridgeEmulator().publish("default", event);
                if (FAILURES.contains(description.status().name())) {
                    // as the EventBridge rule does in AWS; off the engine's thread, which must not be re-entered
                    notifier.execute(() -> {
                        try {
                            var result = lambdas.invoke(failureFunction,
                                    event.toString().getBytes(StandardCharsets.UTF_8));
                            result.functionError().ifPresent(error -> b.errors.accept(new IllegalStateException(
                                    "record-failure function failed: " + new String(result.payload(),
                                            StandardCharsets.UTF_8))));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
        });
        String inboxFunction = LambdaFunctions.PIPELINE_PREFIX + PipelineFunction.INBOX.id();
        Consumer<Exception> errors = e -> {
            if (!closing) {
                b.errors.accept(e);
            }
        };
        this.watcher = cloud.watchInbox(INBOX, b.pollInterval, event -> {
            try {
                var result = lambdas.invoke(inboxFunction, event.toString().getBytes(StandardCharsets.UTF_8));
                String key = event.path("detail").path("object").path("key").asText();
                lastEvents.put(key, event);
                if (result.functionError().isEmpty()) {
                    outcomes.put(key, Json.mapper().readTree(result.payload()));
                } else {
                    b.errors.accept(new IllegalStateException("inbox function failed: "
                            + new String(result.payload(), StandardCharsets.UTF_8)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                errors.accept(e);
            }
        }, errors);
    }

    public static Builder builder(LocalCloud cloud) {
        return new Builder(cloud);
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    /** The dependencies the in-process handlers registered by instance were built with. */
    public StepDependencies dependencies() {
        return dependencies;
    }

    public SessionStore sessions() {
        return dependencies.sessions();
    }

    public ArtifactStore artifacts() {
        return dependencies.artifacts();
    }

    /** Uploads a file to the inbox under {@code key}, as a user's {@code aws s3 cp} would. */
    public void upload(Path file, String key) {
        cloud.s3().putObject(p -> p.bucket(INBOX).key(key), file);
    }

    /**
     * What the inbox function answered for the latest event of {@code key} ({@code started}, {@code sessionId},
     * {@code executionArn}, {@code reason}), once the watcher has delivered it.
     */
    public Optional<JsonNode> inboxOutcome(String key) {
        return Optional.ofNullable(outcomes.get(key));
    }

    /** The last "Object Created" event delivered for {@code key} (to replay it, as EventBridge may). */
    public JsonNode lastInboxEvent(String key) {
        JsonNode event = lastEvents.get(key);
        if (event == null) {
            throw new IllegalStateException("no event was delivered for " + key);
        }
        return event;
    }

    /** Checks the inbox now rather than at the next poll (tests and {@code reelsmith run} do not wait a tick). */
    public void pollInbox() {
        watcher.poll();
    }

    /**
     * The "Step Functions Execution Status Change" event AWS sends to EventBridge for an execution, in AWS's shape
     * (source {@code aws.states}, the execution's fields in {@code detail}).
     */
    public ObjectNode statusChangeEvent(ExecutionDescription d) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", java.util.UUID.randomUUID().toString());
        event.put("detail-type", "Step Functions Execution Status Change");
        event.put("source", "aws.states");
        event.put("account", cloud.accountId());
        event.put("time", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", cloud.region());
        event.putArray("resources").add(d.executionArn());
        ObjectNode detail = event.putObject("detail");
        detail.put("executionArn", d.executionArn());
        detail.put("stateMachineArn", d.stateMachineArn());
        detail.put("name", d.name());
        detail.put("status", d.status().name());
        detail.put("startDate", d.startDate().toEpochMilli());
        if (d.stopDate() != null) {
            detail.put("stopDate", d.stopDate().toEpochMilli());
        } else {
            detail.putNull("stopDate");
        }
        detail.put("input", d.input());
        if (d.output() != null) {
            detail.put("output", d.output());
        } else {
            detail.putNull("output");
        }
        if (d.error() != null) {
            detail.put("error", d.error());
        }
        if (d.cause() != null) {
            detail.put("cause", d.cause());
        }
        return event;
    }

    @Override
    public void close() {
        closing = true;
        watcher.close();
        notifier.shutdown();
        try {
            notifier.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        previousProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    /** The definition as bundled in the jar (or found on the class path in tests). */
    public static String bundledDefinition() {
        try (InputStream in = LocalPipeline.class.getClassLoader().getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is not on the class path; build with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every {@code ${Name}}; fails naming any placeholder left unsubstituted. */
    public static String substitute(String definition, Map<String, String> substitutions) {
        String result = definition;
        for (Map.Entry<String, String> entry : substitutions.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        java.util.regex.Matcher left = java.util.regex.Pattern.compile("\\$\\{[A-Za-z]+}").matcher(result);
        if (left.find()) {
            throw new IllegalStateException("the definition still contains " + left.group()
                    + " after substitution; add it to the substitutions");
        }
        return result;
    }

    private void createBucket(String name) {
        try {
            cloud.s3().createBucket(c -> c.bucket(name));
        } catch (BucketAlreadyOwnedByYouException e) {
            // kept from an earlier run of serve
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    /** Options; everything has a default suitable for {@code reelsmith run}. */
    public static final class Builder {
        private final LocalCloud cloud;
        private Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "reelsmith-local");
        private Duration pollInterval = Duration.ofMillis(500);
        private String definition;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Consumer<StepDependencies.Builder> customise;
        private Function<StepDependencies, Map<PipelineFunction, Object>> handlers;
        private Consumer<Exception> errors = e -> System.err.println("reelsmith: inbox: " + e.getMessage());

        private Builder(LocalCloud cloud) {
            this.cloud = Objects.requireNonNull(cloud, "cloud");
        }

        /** Where steps keep scratch files. */
        public Builder workDirectory(Path value) {
            this.workDirectory = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        /** Runs another definition (tests of variants); default the bundled one. */
        public Builder definition(String value) {
            this.definition = value;
            return this;
        }

        /** A handler setting, e.g. {@code REELSMITH_REVIEW=both}. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /** Adjusts the dependencies used by handlers registered through {@link #handlers}. */
        public Builder dependencies(Consumer<StepDependencies.Builder> value) {
            this.customise = value;
            return this;
        }

        /**
         * Handler instances to register instead of instantiating the classes (tests that inject test doubles of our
         * interfaces); functions not in the map use their handler class's no-arg constructor, as in AWS.
         */
        public Builder handlers(Function<StepDependencies, Map<PipelineFunction, Object>> value) {
            this.handlers = value;
            return this;
        }

        public Builder errors(Consumer<Exception> value) {
            this.errors = value;
            return this;
        }

        public LocalPipeline start() {
            return new LocalPipeline(this);
        }
    }

    /**
     * Every pipeline function's handler built with {@code deps} through its second constructor (STYLE.md 5), for
     * {@link Builder#handlers}: tests and benchmarks that inject test doubles of our interfaces. A function whose
     * handler has no such constructor is left out and runs from its class, as in AWS.
     */
    public static Map<PipelineFunction, Object> handlersBuiltWith(StepDependencies deps) {
        Map<PipelineFunction, Object> handlers = new EnumMap<>(PipelineFunction.class);
        for (PipelineFunction function : PipelineFunction.values()) {
            try {
                handlers.put(function, Class.forName(function.handlerClass())
                        .getConstructor(StepDependencies.class).newInstance(deps));
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // runs from its class through the no-arg constructor, as the Lambda runtime does
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + function.handlerClass(), e);
            }
        }
        return handlers;
    }
}
