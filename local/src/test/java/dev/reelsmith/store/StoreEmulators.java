package dev.reelsmith.store;

import dev.reelsmith.local.cloud.DynamoDbLocalServer;
import dev.reelsmith.local.cloud.S3Server;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * DynamoDB Local and S3Mock on 127.0.0.1 (ephemeral ports), started once for all store tests
 * ({@code @ExtendWith(StoreEmulators.class)}) and stopped when the test run ends. Each test class takes its own
 * table ({@link #newTable()}) so classes never see each other's items.
 */
public final class StoreEmulators implements BeforeAllCallback {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (StoreEmulators.class) {
            if (running == null) {
                running = new Running();
                // the root store closes it once every test class has run
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(StoreEmulators.class.getName(), running);
            }
        }
    }

    public static synchronized DynamoDbClient dynamoDb() {
        return started().dynamoDbClient;
    }

    public static synchronized S3Client s3() {
        return started().s3Client;
    }

    /** Creates a fresh table with the production layout and returns its name. */
    public static String newTable() {
        String name = "reelsmith-test-" + TABLES.incrementAndGet();
        TableSchema.createIfMissing(dynamoDb(), name);
        return name;
    }

    private static Running started() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(StoreEmulators.class)");
        }
        return running;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final DynamoDbLocalServer dynamoServer;
        private final DynamoDbClient dynamoDbClient;
        private final S3Server s3Server;
        private final S3Client s3Client;

        Running() {
            // each emulator takes seconds to start: start them side by side
            CompletableFuture<S3Server> s3 = CompletableFuture.supplyAsync(() -> S3Server.start(0, null));
            try {
                dynamoServer = DynamoDbLocalServer.start(0, null,
                        Path.of(System.getProperty("java.io.tmpdir"), "reelsmith-native"));
            } catch (RuntimeException e) {
                s3.thenAccept(S3Server::close);
                throw e;
            }
            s3Server = s3.join();
            dynamoDbClient = DynamoDbClient.builder().endpointOverride(dynamoServer.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                    .httpClient(UrlConnectionHttpClient.create()).build();
            s3Client = S3Client.builder().endpointOverride(s3Server.endpoint()).region(Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(CREDENTIALS)
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }

        @Override
        public void close() {
            synchronized (StoreEmulators.class) {
                dynamoDbClient.close();
                s3Client.close();
                dynamoServer.close();
                s3Server.close();
                running = null;
            }
        }
    }
}
