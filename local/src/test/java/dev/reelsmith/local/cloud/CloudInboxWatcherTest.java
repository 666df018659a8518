package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

class CloudInboxWatcherTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3Server server;
    private static S3Client s3;

    @TempDir
    Path data;

    private final List<ObjectNode> events = new CopyOnWriteArrayList<>();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startS3() {
        server = S3Server.start(0, null);
        s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
        server.close();
    }

    private static String newBucket() {
        String bucket = "inbox-" + BUCKETS.incrementAndGet();
        s3.createBucket(create -> create.bucket(bucket));
        return bucket;
    }

    private InboxWatcher watcher(String bucket, Path state) {
        return new InboxWatcher(s3, bucket, "us-east-1", "123456789012", Clock.systemUTC(), state, events::add,
                errors::add);
    }

    private static void put(String bucket, String key, String body) {
        s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    @Test
    void poll_shouldEmitS3ObjectCreatedEvent_whenObjectIsUploaded() {
        // given
        String bucket = newBucket();
        InboxWatcher watcher = watcher(bucket, null);
        watcher.poll();

        // when
        put(bucket, "songs/first.mp3", "ID3-song");
        List<ObjectNode> created = watcher.poll();

        // then
        assertThat(created).singleElement().isSameAs(events.get(0));
        ObjectNode event = created.get(0);
        assertThat(event.get("version").textValue()).isEqualTo("0");
        assertThat(event.get("id").textValue()).matches("[0-9a-f-]{36}");
        assertThat(event.get("detail-type").textValue()).isEqualTo("Object Created");
        assertThat(event.get("source").textValue()).isEqualTo("aws.s3");
        assertThat(event.get("account").textValue()).isEqualTo("123456789012");
        assertThat(event.get("time").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(event.get("region").textValue()).isEqualTo("us-east-1");
        assertThat(event.get("resources").get(0).textValue()).isEqualTo("arn:aws:s3:::" + bucket);
        JsonNode detail = event.get("detail");
        assertThat(detail.get("version").textValue()).isEqualTo("0");
        assertThat(detail.at("/bucket/name").textValue()).isEqualTo(bucket);
        assertThat(detail.at("/object/key").textValue()).isEqualTo("songs/first.mp3");
        assertThat(detail.at("/object/size").longValue()).isEqualTo(8);
        assertThat(detail.at("/object/etag").textValue()).isEqualTo(
                s3.headObject(head -> head.bucket(bucket).key("songs/first.mp3")).eTag().replace("\"", ""));
        assertThat(detail.at("/object/sequencer").textValue()).matches("[0-9A-F]{16}");
        assertThat(detail.at("/object").has("version-id")).isFalse();
        assertThat(detail.get("request-id").textValue()).matches("[A-Z0-9]{16}");
        assertThat(detail.get("requester").textValue()).isEqualTo("123456789012");
        assertThat(detail.get("source-ip-address").textValue()).isEqualTo("127.0.0.1");
        assertThat(detail.get("reason").textValue()).isEqualTo("PutObject");
        assertThat(errors).isEmpty();
    }

    @Test
    void poll_shouldIgnoreObjectsThatExistedBeforeTheFirstLook_andReportOverwrites() {
        // given
        String bucket = newBucket();
        put(bucket, "briefs/old.json", "{}");
        InboxWatcher watcher = watcher(bucket, null);
        List<ObjectNode> first = watcher.poll();

        // when
        put(bucket, "briefs/old.json", "{\"product\":\"sneaker\"}");
        List<ObjectNode> afterOverwrite = watcher.poll();
        List<ObjectNode> unchanged = watcher.poll();

        // then
        assertThat(first).isEmpty();
        assertThat(afterOverwrite).singleElement().satisfies(event ->
                assertThat(event.at("/detail/object/size").longValue()).isEqualTo(21));
        assertThat(unchanged).isEmpty();
    }

    @Test
    void poll_shouldIncludeTheVersionId_whenBucketIsVersioned() {
        // given
        String bucket = newBucket();
        s3.putBucketVersioning(put -> put.bucket(bucket).versioningConfiguration(config ->
                config.status(BucketVersioningStatus.ENABLED)));
        InboxWatcher watcher = watcher(bucket, null);
        watcher.poll();

        // when
        put(bucket, "songs/versioned.mp3", "v1");
        String versionId = s3.headObject(head -> head.bucket(bucket).key("songs/versioned.mp3")).versionId();
        List<ObjectNode> created = watcher.poll();

        // then
        assertThat(created).singleElement().satisfies(event ->
                assertThat(event.at("/detail/object/version-id").textValue()).isEqualTo(versionId));
    }

    @Test
    void poll_shouldReportOnlyWhatChangedWhileStopped_whenStateFileIsKept() {
        // given
        String bucket = newBucket();
        Path state = data.resolve("inbox").resolve(bucket + ".json");
        put(bucket, "songs/before.mp3", "a");
        watcher(bucket, state).poll();

        // when
        put(bucket, "songs/while-stopped.mp3", "b");
        List<ObjectNode> afterRestart = watcher(bucket, state).poll();

        // then
        assertThat(afterRestart).extracting(event -> event.at("/detail/object/key").textValue())
                .containsExactly("songs/while-stopped.mp3");
    }

    @Test
    void start_shouldDeliverEventsInTheBackground_untilClosed() throws Exception {
        // given
        String bucket = newBucket();
        BlockingQueue<ObjectNode> delivered = new LinkedBlockingQueue<>();
        try (InboxWatcher watcher = new InboxWatcher(s3, bucket, "us-east-1", "123456789012", Clock.systemUTC(),
                null, delivered::add, errors::add).start(Duration.ofMillis(50))) {
            Thread.sleep(200);

            // when
            put(bucket, "briefs/background.json", "{}");
            ObjectNode event = delivered.poll(10, TimeUnit.SECONDS);

            // then
            assertThat(event).isNotNull();
            assertThat(event.at("/detail/object/key").textValue()).isEqualTo("briefs/background.json");
        }
    }

    @Test
    void poll_shouldTreatAMissingBucketAsEmpty() {
        // given
        InboxWatcher watcher = watcher("not-created-yet", null);

        // when
        List<ObjectNode> created = watcher.poll();

        // then
        assertThat(created).isEmpty();
        assertThat(errors).isEmpty();
    }
}
