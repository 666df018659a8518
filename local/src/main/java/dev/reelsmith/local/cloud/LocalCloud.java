package dev.reelsmith.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.asl.task.integrations.LocalIntegrations;
import dev.reelsmith.local.asl.time.EngineClock;
import dev.reelsmith.local.cloud.awsjson.AwsJsonServer;
import dev.reelsmith.local.lambda.LambdaFunctions;
import dev.reelsmith.local.sfn.ExecutionStore;
import dev.reelsmith.local.sfn.StepFunctionsApi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local cloud in one object: S3 (S3Mock), DynamoDB Local, the Step Functions API over our ASL engine, SQS and
 * EventBridge, each on 127.0.0.1, plus inbox watchers standing in for S3's event notifications, and Lambda in-process
 * ({@link #lambdas()}). Started in-process by {@code reelsmith serve}, {@code reelsmith run} and tests;
 * {@link #close()} stops everything.
 *
 * <p>Task states reach the same services as in AWS: Lambda function ARNs and {@code lambda:invoke} run the
 * registered handlers, and the optimised integrations {@code dynamodb:putItem|getItem|updateItem|deleteItem},
 * {@code sqs:sendMessage}, {@code events:putEvents} and {@code states:startExecution} call the emulators
 * ({@link LocalIntegrations}, added as a resolver to the engine's {@link TaskResources}).
 *
 * <p>Handlers need no local-only code: {@link #environment()} gives the standard variables
 * ({@code AWS_ENDPOINT_URL_S3}, …, region, dummy credentials) for other processes, and, unless turned off, the
 * equivalent JVM system properties ({@code aws.endpointUrlS3}, {@code aws.endpointUrlDynamoDb},
 * {@code aws.endpointUrlSfn}, {@code aws.endpointUrlSqs}, {@code aws.endpointUrlEventBridge}, {@code aws.region},
 * {@code aws.accessKeyId}, {@code aws.secretAccessKey}) are set while it runs,
 * so clients built in this JVM with the SDK's default builders reach the emulators. Previous values come back on
 * close.
 *
 * <p>With a data directory everything persists there ({@code s3/}, {@code dynamodb/}, {@code stepfunctions/},
 * {@code sqs/}, {@code events/}, {@code inbox/}) and comes back on the next start; without one everything lives in
 * memory.
 */
public final class LocalCloud implements AutoCloseable {
    /** The access key id and secret of the dummy credentials; the emulators accept any. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final String region;
    private final String accountId;
    private final Path dataDirectory;
    private final Clock clock;
    private final Endpoints endpoints;
    private final AslEngine engine;
    private final SqsEmulator sqsEmulator;
    private final EventBridgeEmulator eventBridgeEmulator;
    private final LambdaFunctions lambdas;
    private final ExecutionStore.Restored restored;
    private final Deque<AutoCloseable> resources;
    private final Map<String, String> previousProperties = new LinkedHashMap<>();
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SfnClient stepFunctions;
    private final SqsClient sqs;
    private final EventBridgeClient eventBridge;

    /** The ports to listen on, each 0 for any free one. */
    public record Ports(int s3, int dynamoDb, int stepFunctions, int sqs, int eventBridge) {
        public Ports {
            for (int port : new int[] {s3, dynamoDb, stepFunctions, sqs, eventBridge}) {
                if (port < 0 || port > 65_535) {
                    throw new IllegalArgumentException("ports must be between 0 and 65535, was " + port);
                }
            }
        }

        /** Any free ports: for tests and {@code reelsmith run}. */
        public static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0);
        }

        /** The fixed ports {@code reelsmith serve} uses unless told otherwise: 4570 to 4574. */
        public static Ports defaults() {
            return new Ports(4570, 4571, 4572, 4573, 4574);
        }
    }

    /** Where each service listens. */
    public record Endpoints(URI s3, URI dynamoDb, URI stepFunctions, URI sqs, URI eventBridge) {
    }

    /** The SDK clients built before the engine restores executions, so that their tasks can use them at once. */
    private record Clients(SdkHttpClient http, StaticCredentialsProvider credentials, S3Client s3,
                           DynamoDbClient dynamoDb, SqsClient sqs, EventBridgeClient eventBridge) {
        static Clients create(String region, URI s3, URI dynamoDb, URI sqs, URI eventBridge,
                              Deque<AutoCloseable> resources) {
            StaticCredentialsProvider credentials =
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
            SdkHttpClient http = UrlConnectionHttpClient.create();
            resources.push(http);
            Region sdkRegion = Region.of(region);
            Clients clients = new Clients(http, credentials,
                    S3Client.builder().endpointOverride(s3).forcePathStyle(true).region(sdkRegion)
                            .credentialsProvider(credentials).httpClient(http).build(),
                    DynamoDbClient.builder().endpointOverride(dynamoDb).region(sdkRegion)
                            .credentialsProvider(credentials).httpClient(http).build(),
                    SqsClient.builder().endpointOverride(sqs).region(sdkRegion)
                            .credentialsProvider(credentials).httpClient(http).build(),
                    EventBridgeClient.builder().endpointOverride(eventBridge).region(sdkRegion)
                            .credentialsProvider(credentials).httpClient(http).build());
            resources.push(clients.s3);
            resources.push(clients.dynamoDb);
            resources.push(clients.sqs);
            resources.push(clients.eventBridge);
            return clients;
        }
    }

    private LocalCloud(Builder builder, Deque<AutoCloseable> resources, Endpoints endpoints, AslEngine engine,
                       SqsEmulator sqsEmulator, EventBridgeEmulator eventBridgeEmulator, LambdaFunctions lambdas,
                       Clients clients, ExecutionStore.Restored restored) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.dataDirectory = builder.dataDirectory == null ? null : builder.dataDirectory.toAbsolutePath();
        this.clock = builder.clock;
        this.resources = resources;
        this.endpoints = endpoints;
        this.engine = engine;
        this.sqsEmulator = sqsEmulator;
        this.eventBridgeEmulator = eventBridgeEmulator;
        this.lambdas = lambdas;
        this.restored = restored;
        this.s3 = clients.s3();
        this.dynamoDb = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.eventBridge = clients.eventBridge();
        this.stepFunctions = SfnClient.builder().endpointOverride(endpoints.stepFunctions()).region(Region.of(region))
                .credentialsProvider(clients.credentials()).httpClient(clients.http()).build();
        resources.push(stepFunctions);
        if (builder.configureSdk) {
            systemProperties().forEach((name, value) -> {
                previousProperties.put(name, System.getProperty(name));
                System.setProperty(name, value);
            });
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a local cloud; every setting has a default suitable for tests and {@code reelsmith run}. */
    public static final class Builder {
        private Path dataDirectory;
        private Ports ports = Ports.ephemeral();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private TaskResources taskResources = new TaskResources();
        private LambdaFunctions lambdas;
        private EngineClock engineClock;
        private Clock clock = Clock.systemUTC();
        private boolean configureSdk = true;
        private Duration flushInterval = Duration.ofMillis(250);

        private Builder() {
        }

        /** Keep everything in {@code directory} across restarts (default: everything in memory). */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public Builder ports(Ports value) {
            this.ports = Objects.requireNonNull(value, "ports");
            return this;
        }

        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        public Builder accountId(String value) {
            if (!value.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, was '" + value + "'");
            }
            this.accountId = value;
            return this;
        }

        /**
         * Task resources consulted before the built-in ones (Lambda and the optimised integrations), e.g. to replace
         * an integration in a test; read at every task, so it may change while the cloud runs (default: none).
         */
        public Builder taskResources(TaskResources value) {
            this.taskResources = Objects.requireNonNull(value, "taskResources");
            return this;
        }

        /**
         * The Lambda functions that Task states and {@link LocalCloud#lambdas()} invoke; it must be for this cloud's
         * region and account, and is closed with the cloud (default: a new registry with every
         * {@code PipelineFunction} whose handler class is on the class path, as {@code reelsmith-<id>}).
         */
        public Builder lambdas(LambdaFunctions value) {
            this.lambdas = Objects.requireNonNull(value, "lambdas");
            return this;
        }

        /** The engine's clock (default: real time). */
        public Builder engineClock(EngineClock value) {
            this.engineClock = Objects.requireNonNull(value, "engineClock");
            return this;
        }

        /** The clock of the SQS and EventBridge emulators and the inbox watchers (default: UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Whether to set the AWS SDK system properties while running (default: yes). */
        public Builder configureSdk(boolean value) {
            this.configureSdk = value;
            return this;
        }

        /** How soon execution changes reach the data directory (default 250 ms). */
        public Builder flushInterval(Duration value) {
            this.flushInterval = Objects.requireNonNull(value, "flushInterval");
            return this;
        }

        /** Starts every service; if one cannot start, those already started are stopped again. */
        public LocalCloud start() {
            return LocalCloud.start(this);
        }
    }

    private static LocalCloud start(Builder builder) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Path data = builder.dataDirectory == null ? null : builder.dataDirectory.toAbsolutePath();
            Path natives = data != null ? data.resolve("native")
                    : Path.of(System.getProperty("java.io.tmpdir"), "reelsmith-native");
            // the two emulators take a few seconds each to start: start them side by side
            CompletableFuture<S3Server> s3 = CompletableFuture.supplyAsync(() ->
                    S3Server.start(builder.ports.s3(), data == null ? null : data.resolve("s3")));
            CompletableFuture<DynamoDbLocalServer> dynamo = CompletableFuture.supplyAsync(() ->
                    DynamoDbLocalServer.start(builder.ports.dynamoDb(),
                            data == null ? null : data.resolve("dynamodb"), natives));
            S3Server s3Server = join(s3, dynamo, resources);
            DynamoDbLocalServer dynamoServer = join(dynamo, null, resources);

            // SQS, EventBridge, Lambda and the SDK clients come before the engine: executions restored from the
            // data directory resume their in-flight tasks at once, and those tasks call these services
            SqsEmulator sqs = new SqsEmulator(builder.clock, builder.region, builder.accountId,
                    data == null ? null : data.resolve("sqs").resolve("queues.json"));
            AwsJsonServer sqsServer = AwsJsonServer.start(builder.ports.sqs(), sqs);
            sqs.endpoint(sqsServer.endpoint().toString());
            resources.push(sqsServer);

            EventBridgeEmulator events = new EventBridgeEmulator(builder.clock, builder.region, builder.accountId,
                    data == null ? null : data.resolve("events").resolve("events.jsonl"));
            AwsJsonServer eventsServer = AwsJsonServer.start(builder.ports.eventBridge(), events);
            resources.push(eventsServer);

            LambdaFunctions lambdas = builder.lambdas != null ? builder.lambdas
                    : new LambdaFunctions(builder.region, builder.accountId).registerPipelineFunctions();
            if (!lambdas.region().equals(builder.region) || !lambdas.accountId().equals(builder.accountId)) {
                throw new IllegalArgumentException("lambdas must be for region " + builder.region + " and account "
                        + builder.accountId + ", was " + lambdas.region() + " and " + lambdas.accountId());
            }
            resources.push(lambdas);
            Clients clients = Clients.create(builder.region, s3Server.endpoint(), dynamoServer.endpoint(),
                    sqsServer.endpoint(), eventsServer.endpoint(), resources);

            // the caller's resources first, then the built-in ones; a fresh registry each start, so that a builder
            // started twice does not keep resolving to the clients of a cloud that has closed
            TaskResources taskResources = new TaskResources().resolver(builder.taskResources::find);
            AslEngine.Builder engineBuilder = AslEngine.builder().region(builder.region)
                    .accountId(builder.accountId).taskResources(taskResources);
            if (builder.engineClock != null) {
                engineBuilder.clock(builder.engineClock);
            }
            AslEngine engine = engineBuilder.build();
            // the Task resources are in place before restored executions resume their in-flight tasks
            LocalIntegrations.builder().lambda(lambdas).dynamoDb(clients.dynamoDb()).sqs(clients.sqs())
                    .eventBridge(clients.eventBridge()).stepFunctions(engine).build()
                    .registerInto(taskResources);
            ExecutionStore.Restored restored = null;
            if (data != null) {
                ExecutionStore store = ExecutionStore.open(data.resolve("stepfunctions"), builder.flushInterval);
                // closed after the engine, so the final snapshot sees where every execution stopped
                resources.push(store);
                restored = store.restoreInto(engine);
            }
            resources.push(engine);
            AwsJsonServer sfnServer = AwsJsonServer.start(builder.ports.stepFunctions(), new StepFunctionsApi(engine));
            resources.push(sfnServer);

            Endpoints endpoints = new Endpoints(s3Server.endpoint(), dynamoServer.endpoint(), sfnServer.endpoint(),
                    sqsServer.endpoint(), eventsServer.endpoint());
            // S3Mock's Spring Boot resets java.util.logging levels while starting; quieten sqlite4java afterwards
            DynamoDbLocalServer.quietenSqlite();
            return new LocalCloud(builder, resources, endpoints, engine, sqs, events, lambdas, clients, restored);
        } catch (RuntimeException e) {
            closeAll(resources, e);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T join(CompletableFuture<T> future, CompletableFuture<?> other,
                                                    Deque<AutoCloseable> resources) {
        try {
            T started = future.join();
            resources.push(started);
            return started;
        } catch (CompletionException e) {
            if (other != null) {
                // wait for the other emulator so that it is stopped too
                other.handle((started, failure) -> started).thenAccept(started -> {
                    if (started instanceof AutoCloseable closeable) {
                        resources.push(closeable);
                    }
                }).join();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** Where everything persists, or empty when everything lives in memory. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** What came back from the data directory at start, or empty when running in memory. */
    public Optional<ExecutionStore.Restored> restored() {
        return Optional.ofNullable(restored);
    }

    /** The standard environment variables that point the AWS SDKs and CLI at this local cloud, in printing order. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_S3", endpoints.s3().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_SFN", endpoints.stepFunctions().toString());
        env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoints.eventBridge().toString());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return env;
    }

    /** The AWS SDK for Java v2 system properties equivalent to {@link #environment()}. */
    public Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.endpointUrlS3", endpoints.s3().toString());
        properties.put("aws.endpointUrlDynamoDb", endpoints.dynamoDb().toString());
        properties.put("aws.endpointUrlSfn", endpoints.stepFunctions().toString());
        properties.put("aws.endpointUrlSqs", endpoints.sqs().toString());
        properties.put("aws.endpointUrlEventBridge", endpoints.eventBridge().toString());
        properties.put("aws.region", region);
        properties.put("aws.accessKeyId", ACCESS_KEY);
        properties.put("aws.secretAccessKey", SECRET_KEY);
        return properties;
    }

    public AslEngine engine() {
        return engine;
    }

    /** The in-process Lambda functions that Task states invoke; register or replace handlers here. */
    public LambdaFunctions lambdas() {
        return lambdas;
    }

    public SqsEmulator sqsEmulator() {
        return sqsEmulator;
    }

    public EventBridgeEmulator eventBridgeEmulator() {
        return eventBridgeEmulator;
    }

    /** An S3 client for the emulator (path-style requests). Closed with this object. */
    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SfnClient stepFunctions() {
        return stepFunctions;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public EventBridgeClient eventBridge() {
        return eventBridge;
    }

    /**
     * Creates {@code bucket} if needed and watches it: each new or overwritten object becomes S3's
     * {@code Object Created} event, recorded on the default event bus and handed to {@code onObjectCreated}.
     * Polls every {@code interval} until this local cloud closes.
     *
     * @param errors told about polls that failed (the next one tries again)
     */
    public InboxWatcher watchInbox(String bucket, Duration interval, Consumer<ObjectNode> onObjectCreated,
                                   Consumer<Exception> errors) {
        try {
            s3.createBucket(create -> create.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // already there from an earlier start
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
        Path state = dataDirectory == null ? null : dataDirectory.resolve("inbox").resolve(bucket + ".json");
        InboxWatcher watcher = new InboxWatcher(s3, bucket, region, accountId, clock, state, event -> {
            eventBridgeEmulator.publish("default", event);
            onObjectCreated.accept(event);
        }, errors);
        synchronized (resources) {
            resources.push(watcher);
        }
        return watcher.start(interval);
    }

    /** Stops every service (the inbox watchers first, the emulators last) and restores the system properties. */
    @Override
    public void close() {
        try {
            closeAll(resources, null);
        } finally {
            previousProperties.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            previousProperties.clear();
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources, RuntimeException cause) {
        RuntimeException failure = cause;
        synchronized (resources) {
            while (!resources.isEmpty()) {
                try {
                    resources.pop().close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException("cannot stop the local cloud cleanly: " + e.getMessage(),
                                e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null && failure != cause) {
            throw failure;
        }
    }
}
