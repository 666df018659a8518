package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class CloudEmulatorsTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @TempDir
    static Path natives;

    private static DynamoDbLocalServer dynamo;
    private static S3Server s3Server;
    private static DynamoDbClient dynamoDb;
    private static S3Client s3;

    @BeforeAll
    static void startEmulators() {
        dynamo = DynamoDbLocalServer.start(0, null, natives);
        s3Server = S3Server.start(0, null);
        dynamoDb = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        s3 = S3Client.builder().endpointOverride(s3Server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopEmulators() {
        dynamoDb.close();
        s3.close();
        dynamo.close();
        s3Server.close();
    }

    @Test
    void dynamoDb_shouldStoreAndReadItems_whenTableIsCreated() {
        // given
        createTable("sessions-read");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("SESSION#1"),
                "status", AttributeValue.fromS("RUNNING"));

        // when
        dynamoDb.putItem(put -> put.tableName("sessions-read").item(item));
        Map<String, AttributeValue> read = dynamoDb.getItem(get -> get.tableName("sessions-read")
                .key(Map.of("pk", AttributeValue.fromS("SESSION#1"))).consistentRead(true)).item();

        // then
        assertThat(read).containsEntry("status", AttributeValue.fromS("RUNNING"));
        assertThat(dynamoDb.listTables().tableNames()).contains("sessions-read");
    }

    @Test
    void dynamoDb_shouldRejectConditionalPut_whenItemAlreadyExists() {
        // given
        createTable("sessions-claim");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("RUN#songs/a.mp3#v1"));
        dynamoDb.putItem(put -> put.tableName("sessions-claim").item(item)
                .conditionExpression("attribute_not_exists(pk)"));

        // when / then
        assertThatThrownBy(() -> dynamoDb.putItem(put -> put.tableName("sessions-claim").item(item)
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void emulators_shouldRefuseConnections_whenAddressIsNotLoopback() throws IOException {
        // given
        Optional<InetAddress> external = nonLoopbackAddress();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

        // when / then
        for (int port : new int[] {dynamo.port(), s3Server.port()}) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 2000))
                        .as("port %d on %s", port, external.get())
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void s3_shouldServeByteRanges_likeS3() {
        // given
        s3.createBucket(create -> create.bucket("ranges"));
        s3.putObject(put -> put.bucket("ranges").key("clip.mp4"), RequestBody.fromString("0123456789abcdef"));

        // when
        var middle = s3.getObjectAsBytes(get -> get.bucket("ranges").key("clip.mp4").range("bytes=10-13"));
        var tail = s3.getObjectAsBytes(get -> get.bucket("ranges").key("clip.mp4").range("bytes=-3"));

        // then
        assertThat(middle.asUtf8String()).isEqualTo("abcd");
        assertThat(middle.response().contentRange()).isEqualTo("bytes 10-13/16");
        assertThat(tail.asUtf8String()).isEqualTo("def");
    }

    @Test
    void s3_shouldStoreListAndReadObjects_whenBucketIsCreated() {
        // given
        s3.createBucket(create -> create.bucket("inbox-list"));

        // when
        s3.putObject(put -> put.bucket("inbox-list").key("songs/a.mp3"), RequestBody.fromString("first"));
        s3.putObject(put -> put.bucket("inbox-list").key("songs/b.mp3"), RequestBody.fromString("second"));
        s3.putObject(put -> put.bucket("inbox-list").key("briefs/c.json"), RequestBody.fromString("{}"));
        List<S3Object> songs = s3.listObjectsV2(list -> list.bucket("inbox-list").prefix("songs/")).contents();
        String body = s3.getObjectAsBytes(get -> get.bucket("inbox-list").key("songs/b.mp3")).asUtf8String();

        // then
        assertThat(songs).extracting(S3Object::key).containsExactly("songs/a.mp3", "songs/b.mp3");
        assertThat(songs).extracting(S3Object::size).containsExactly(5L, 6L);
        assertThat(body).isEqualTo("second");
    }

    @Test
    void s3_shouldAssembleParts_whenMultipartUploadCompletes() {
        // given
        s3.createBucket(create -> create.bucket("artifacts-multipart"));
        byte[] part1 = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(part1, (byte) 'a');
        byte[] part2 = "tail".getBytes(StandardCharsets.UTF_8);
        String uploadId = s3.createMultipartUpload(create -> create.bucket("artifacts-multipart")
                .key("runs/1/final/video.mp4")).uploadId();

        // when
        List<CompletedPart> parts = new ArrayList<>();
        byte[][] bodies = {part1, part2};
        for (int i = 0; i < bodies.length; i++) {
            int number = i + 1;
            String etag = s3.uploadPart(part -> part.bucket("artifacts-multipart").key("runs/1/final/video.mp4")
                    .uploadId(uploadId).partNumber(number), RequestBody.fromBytes(bodies[number - 1])).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(complete -> complete.bucket("artifacts-multipart")
                .key("runs/1/final/video.mp4").uploadId(uploadId).multipartUpload(upload -> upload.parts(parts)));
        byte[] stored = s3.getObjectAsBytes(get -> get.bucket("artifacts-multipart")
                .key("runs/1/final/video.mp4")).asByteArray();

        // then
        assertThat(s3.headObject(head -> head.bucket("artifacts-multipart").key("runs/1/final/video.mp4")).eTag())
                .matches("\"[0-9a-f]{32}-2\"");
        assertThat(stored).hasSize(part1.length + part2.length);
        assertThat(new String(stored, stored.length - 4, 4, StandardCharsets.UTF_8)).isEqualTo("tail");
    }

    @Test
    void s3_shouldServePresignedUrls_whenUsedWithPlainHttp() throws Exception {
        // given
        s3.createBucket(create -> create.bucket("presigned"));
        HttpClient http = HttpClient.newHttpClient();
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(s3Server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            URI putUrl = presigner.presignPutObject(request -> request.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(put -> put.bucket("presigned").key("uploads/brief.json"))).url().toURI();
            URI getUrl = presigner.presignGetObject(request -> request.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(get -> get.bucket("presigned").key("uploads/brief.json"))).url().toURI();

            // when
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(putUrl)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"product\":\"sneaker\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(getUrl).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("{\"product\":\"sneaker\"}");
        }
    }

    private static void createTable(String name) {
        dynamoDb.createTable(create -> create.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
