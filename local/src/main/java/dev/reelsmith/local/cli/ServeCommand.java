package dev.reelsmith.local.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.cloud.ConnectionGuide;
import dev.reelsmith.local.cloud.EventBridgeEmulator;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.sfn.ExecutionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reelsmith serve}: runs the local cloud (S3, DynamoDB, Step Functions, SQS, EventBridge on 127.0.0.1) until
 * Ctrl-C, keeping its state in a data directory so a restart continues where it stopped, and prints the endpoints, the
 * environment to export and AWS CLI commands to use it. New objects in the inbox bucket are reported as S3
 * {@code Object Created} events, and every event on the local EventBridge is printed as it arrives.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the local cloud (S3, DynamoDB, Step Functions, SQS, EventBridge) on 127.0.0.1 until "
                + "Ctrl-C, and print how to point the AWS SDKs and CLI at it.")
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

    @Option(names = "--inbox-bucket", paramLabel = "NAME", defaultValue = "reelsmith-inbox",
            description = "the bucket watched for uploads (created if missing; default: ${DEFAULT-VALUE})")
    String inboxBucket;

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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local cloud…");
            try {
                cloud.close();
            } finally {
                stopped.countDown();
            }
        }, "reelsmith-serve-shutdown"));

        System.out.println();
        System.out.print(ConnectionGuide.of(cloud, inboxBucket).render());
        cloud.restored().ifPresent(ServeCommand::printRestored);
        cloud.eventBridgeEmulator().subscribe(ServeCommand::printEvent);
        cloud.watchInbox(inboxBucket, Duration.ofMillis(pollMillis), ServeCommand::printUpload,
                e -> System.err.println("warning: cannot list s3://" + inboxBucket + ": " + e.getMessage()));
        System.out.println();
        stopped.await();
        return 0;
    }

    private static void printRestored(ExecutionStore.Restored restored) {
        System.out.printf("%nRestored %d state machine(s), %d finished and %d resumed execution(s).%n",
                restored.stateMachines(), restored.closedExecutions(), restored.resumedExecutions());
        restored.problems().forEach(problem -> System.err.println("warning: not restored: " + problem));
    }

    private static void printUpload(ObjectNode event) {
        System.out.printf("inbox   s3://%s/%s (%d bytes)%n", event.at("/detail/bucket/name").textValue(),
                event.at("/detail/object/key").textValue(), event.at("/detail/object/size").longValue());
    }

    private static void printEvent(EventBridgeEmulator.Event event) {
        System.out.printf("event   %s  %s  %s  on %s%n", event.envelope().path("time").asText(), event.source(),
                event.detailType(), event.eventBusName());
    }
}
