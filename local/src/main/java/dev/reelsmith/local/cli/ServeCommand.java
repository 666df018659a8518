package dev.reelsmith.local.cli;

import dev.reelsmith.local.api.ApiGuide;
import dev.reelsmith.local.api.LocalApiServer;
import dev.reelsmith.local.cloud.ConnectionGuide;
import dev.reelsmith.local.cloud.EventBridgeEmulator;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.pipeline.LocalPipeline;
import dev.reelsmith.local.sfn.ExecutionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reelsmith serve}: runs the local cloud (S3, DynamoDB, Step Functions, SQS, EventBridge on 127.0.0.1) until
 * Ctrl-C, keeping its state in a data directory so a restart continues where it stopped, deploys the pipeline into it
 * (the state machine, every function, the inbox watcher) and serves the HTTP API on its own port, and prints the
 * endpoints, the environment to export and AWS CLI and curl commands to use it. Every event on the local EventBridge
 * (uploads reported as S3 {@code Object Created}, pipeline events, execution status changes) is printed as it
 * arrives, and every API request as it is answered.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the local cloud (S3, DynamoDB, Step Functions, SQS, EventBridge) with the pipeline "
                + "deployed and the HTTP API on 127.0.0.1 until Ctrl-C, and print how to point the AWS SDKs, the "
                + "CLI and curl at it.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".reelsmith",
            description = "where buckets, tables, executions, queues and events are kept (default: ${DEFAULT-VALUE})")
    Path dataDirectory;

    @Option(names = "--in-memory", description = "keep nothing on disk")
    boolean inMemory;

    @Option(names = "--s3-port", paramLabel = "PORT", defaultValue = "4570",
            description = "S3 port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int s3Port;

    @Option(names = "--dynamodb-port", paramLabel = "PORT", defaultValue = "4571",
            description = "DynamoDB port (default: ${DEFAULT-VALUE})")
    int dynamoDbPort;

    @Option(names = "--sfn-port", paramLabel = "PORT", defaultValue = "4572",
            description = "Step Functions port (default: ${DEFAULT-VALUE})")
    int stepFunctionsPort;

    @Option(names = "--sqs-port", paramLabel = "PORT", defaultValue = "4573",
            description = "SQS port (default: ${DEFAULT-VALUE})")
    int sqsPort;

    @Option(names = "--events-port", paramLabel = "PORT", defaultValue = "4574",
            description = "EventBridge port (default: ${DEFAULT-VALUE})")
    int eventBridgePort;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "4575",
            description = "HTTP API port (default: ${DEFAULT-VALUE})")
    int apiPort;

    @Option(names = "--allow-anonymous",
            description = "serve unsigned API requests as the caller \"anonymous\" (default: only SigV4-signed "
                    + "requests, whose access key id names the caller, are served; others get 401)")
    boolean allowAnonymous;

    @Option(names = "--poll-interval", paramLabel = "MS", defaultValue = "1000",
            description = "how often the inbox is listed, in milliseconds (default: ${DEFAULT-VALUE})")
    long pollMillis;

    @Override
    public Integer call() throws InterruptedException {
        if (pollMillis < 50) {
            throw new IllegalArgumentException("--poll-interval must be at least 50 ms, was " + pollMillis);
        }
        LocalCloud.Builder builder = LocalCloud.builder()
                .ports(new LocalCloud.Ports(s3Port, dynamoDbPort, stepFunctionsPort, sqsPort, eventBridgePort));
        if (!inMemory) {
            builder.dataDirectory(dataDirectory.toAbsolutePath().normalize());
        }
        System.out.println("Starting the local cloud…");
        LocalCloud cloud = builder.start();
        LocalPipeline pipeline;
        LocalApiServer api;
        try {
            Path work = inMemory ? Files.createTempDirectory("reelsmith-serve-")
                    : dataDirectory.toAbsolutePath().normalize().resolve("work");
            pipeline = LocalPipeline.builder(cloud).workDirectory(work).pollInterval(Duration.ofMillis(pollMillis))
                    .errors(e -> System.err.println("warning: inbox: " + e.getMessage())).start();
            api = LocalApiServer.builder(cloud.lambdas()).port(apiPort).allowAnonymous(allowAnonymous)
                    .accessLog(System.out::println).start();
        } catch (IOException | RuntimeException e) {
            cloud.close();
            throw new IllegalStateException("cannot start the pipeline and the API: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local cloud…");
            try {
                api.close();
                pipeline.close();
                cloud.close();
            } finally {
                stopped.countDown();
            }
        }, "reelsmith-serve-shutdown"));

        System.out.println();
        System.out.print(ConnectionGuide.of(cloud, LocalPipeline.INBOX).render());
        System.out.println();
        System.out.println("Pipeline       state machine " + pipeline.stateMachineArn());
        System.out.println("               uploads to s3://" + LocalPipeline.INBOX + "/briefs/*.json or songs/* start "
                + "runs; artifacts in s3://" + LocalPipeline.ARTIFACTS);
        System.out.print(new ApiGuide(api.endpoint(), cloud.region(), allowAnonymous).render());
        cloud.restored().ifPresent(ServeCommand::printRestored);
        cloud.eventBridgeEmulator().subscribe(ServeCommand::printEvent);
        System.out.println();
        stopped.await();
        return 0;
    }

    private static void printRestored(ExecutionStore.Restored restored) {
        System.out.printf("%nRestored %d state machine(s), %d finished and %d resumed execution(s).%n",
                restored.stateMachines(), restored.closedExecutions(), restored.resumedExecutions());
        restored.problems().forEach(problem -> System.err.println("warning: not restored: " + problem));
    }

    private static void printEvent(EventBridgeEmulator.Event event) {
        System.out.printf("event   %s  %s  %s  on %s%n", event.envelope().path("time").asText(), event.source(),
                event.detailType(), event.eventBusName());
    }
}
