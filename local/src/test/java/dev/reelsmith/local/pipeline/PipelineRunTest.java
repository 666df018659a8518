package dev.reelsmith.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.local.asl.time.ManualEngineClock;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reelsmith.providers.TransientVendorException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The whole pipeline through the local cloud, as {@code reelsmith run} drives it: the bundled ASL definition on the
 * engine, every handler in-process, S3/DynamoDB/SQS/EventBridge emulators. Retry and poll waits run on an
 * auto-advancing engine clock, so a 5-second backoff costs nothing.
 */
class PipelineRunTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final double FRAME = 1.0 / 30;

    @TempDir
    static Path data;
    static PipelineHarness harness;

    /** How many more uploads of a composed video to fail (an S3 outage in the middle of Compose). */
    static final AtomicInteger composeUploadFailures = new AtomicInteger();

    @BeforeAll
    static void start() {
        harness = new PipelineHarness(data, new ManualEngineClock(Instant.now()).autoAdvance(true),
                PipelineRunTest::failingComposeUploads, Map.of());
    }

    /** Wraps the handlers' S3 client so a test can make the composed video's upload fail with a 500. */
    static S3Client failingComposeUploads(S3Client real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("putObject") && args != null && args.length == 2) {
                String key = args[0] instanceof PutObjectRequest request ? request.key()
                        : args[0] instanceof Consumer<?> consumer ? keyOf(consumer) : "";
                if (key.endsWith("/compose/video.mp4") && composeUploadFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw S3Exception.builder().statusCode(500).message("injected: S3 is having a bad day").build();
                }
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                handler);
    }

    @SuppressWarnings("unchecked")
    private static String keyOf(Consumer<?> consumer) {
        PutObjectRequest.Builder builder = PutObjectRequest.builder();
        ((Consumer<PutObjectRequest.Builder>) consumer).accept(builder);
        return builder.build().key();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void brief_shouldBecomeA15SecondVerticalVideo_withAReportAndOneCostEntryPerCall() throws Exception {
        // given
        Path brief = EXAMPLES.resolve("briefs/sneaker-ad.json");

        // when
        String id = harness.upload(brief, "briefs/sneaker-ad.json");
        Session session = harness.awaitFinal(id, Duration.ofMinutes(3));

        // then
        assertThat(session.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
        Path video = harness.pipeline.artifacts().download(session.videoKey(), data.resolve("brief.mp4"));
        MediaInfo info = Ffmpeg.locate().probe(video);
        assertThat(info.durationSeconds()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(FRAME + 0.03));
        assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
        assertThat(info.video().orElseThrow().height()).isEqualTo(1920);
        assertThat(info.audio()).isPresent();
        JsonNode report = harness.pipeline.artifacts().getJson(session.reportKey());
        List<CostEntry> costs = harness.pipeline.sessions().costs(id);
        assertThat(report.path("costs").size()).isEqualTo(costs.size());
        long keyframes = costs.stream().filter(c -> c.id().startsWith("keyframe#")).count();
        long clips = costs.stream().filter(c -> c.id().startsWith("clip#")).count();
        assertThat(keyframes).isEqualTo(clips).isPositive();
        assertThat(costs).as(harness.describe(id)).anyMatch(c -> c.id().startsWith("music#"));
        assertThat(report.path("totals").path("actualUsd").asText()).isEqualTo("0");
    }

    @Test
    void song_shouldBeCutOnTheBeat_andLastExactlyAsLongAsTheSong() throws Exception {
        // given
        Path song = EXAMPLES.resolve("songs/demo-song.mp3");
        harness.pipeline.upload(EXAMPLES.resolve("songs/demo-song.json"), "songs/demo-song.json");

        // when
        String id = harness.upload(song, "songs/demo-song.mp3");
        Session session = harness.awaitFinal(id, Duration.ofMinutes(3));

        // then
        assertThat(session.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
        JsonNode analysis = harness.pipeline.artifacts().getJson("runs/" + id + "/analysis.json");
        double songSeconds = analysis.path("durationSeconds").asDouble();
        Path video = harness.pipeline.artifacts().download(session.videoKey(), data.resolve("song.mp4"));
        assertThat(Ffmpeg.locate().probe(video).durationSeconds())
                .isCloseTo(songSeconds, org.assertj.core.data.Offset.offset(FRAME + 0.03));
        JsonNode timeline = harness.pipeline.artifacts().getJson("runs/" + id + "/timeline.json");
        List<Double> beats = Json.mapper().convertValue(analysis.path("beats"),
                Json.mapper().getTypeFactory().constructCollectionType(List.class, Double.class));
        for (JsonNode shot : timeline.path("shots")) {
            double cut = shot.path("startSeconds").asDouble();
            if (cut > 0) {
                assertThat(beats).as("cut at %.3f s", cut).anyMatch(b -> Math.abs(b - cut) <= FRAME);
            }
        }
        assertThat(harness.pipeline.sessions().song(LocalPipeline.INBOX, "songs/demo-song.mp3"))
                .containsEntry("video_url", "s3://" + LocalPipeline.ARTIFACTS + "/" + session.videoKey());
    }

    @Test
    void duplicateEvents_shouldStartExactlyOneExecution() throws Exception {
        // given
        Path brief = Files.writeString(data.resolve("dup.json"),
                Files.readString(EXAMPLES.resolve("briefs/sneaker-ad.json")).replace("Stride One launch", "Dup run"));
        String id = harness.upload(brief, "briefs/dup.json");
        var event = harness.pipeline.cloud().eventBridgeEmulator();

        // when: the same object version is delivered twice more
        var lambdas = harness.cloud.lambdas();
        JsonNode first = harness.pipeline.inboxOutcome("briefs/dup.json").orElseThrow();
        byte[] replay = harness.pipeline.lastInboxEvent("briefs/dup.json").toString().getBytes();
        var second = Json.mapper().readTree(lambdas.invoke("reelsmith-inbox", replay).payload());
        var third = Json.mapper().readTree(lambdas.invoke("reelsmith-inbox", replay).payload());
        harness.awaitFinal(id, Duration.ofMinutes(3));

        // then
        assertThat(first.path("started").asBoolean()).isTrue();
        assertThat(second.path("started").asBoolean()).isFalse();
        assertThat(third.path("started").asBoolean()).isFalse();
        assertThat(second.path("reason").asText()).startsWith("duplicate");
        long executions = harness.cloud.stepFunctions().listExecutions(l -> l
                        .stateMachineArn(harness.pipeline.stateMachineArn())).executions().stream()
                .filter(e -> e.name().equals(id)).count();
        assertThat(executions).isEqualTo(1);
        assertThat(event).isNotNull();
    }

    @Test
    void transientProviderFailure_shouldBeRetried_andItsCostRecordedOnce() throws Exception {
        // given: the first keyframe call for shot s02 fails with a 503-like error
        Path brief = Files.writeString(data.resolve("retry.json"), Files.readString(
                EXAMPLES.resolve("briefs/sneaker-ad.json")).replace("Stride One launch", "Retry run"));
        int before = harness.imageCalls.getOrDefault("s02", new AtomicInteger()).get();
        harness.keyframeFailures.put("s02", call -> call == before + 1
                ? new TransientVendorException("local", "injected: service unavailable (503)", null) : null);
        try {
            // when
            String id = harness.upload(brief, "briefs/retry.json");
            Session session = harness.awaitFinal(id, Duration.ofMinutes(3));

            // then
            assertThat(session.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
            assertThat(harness.imageCalls.get("s02").get() - before).isEqualTo(2);
            assertThat(harness.pipeline.sessions().costs(id))
                    .filteredOn(c -> "s02".equals(c.shotId()) && c.id().startsWith("keyframe#")).hasSize(1);
            var history = harness.cloud.stepFunctions().getExecutionHistory(h -> h.executionArn(session.executionArn())
                    .maxResults(1000)).events();
            assertThat(history).anyMatch(e -> e.lambdaFunctionFailedEventDetails() != null
                    || (e.taskFailedEventDetails() != null && e.taskFailedEventDetails().error()
                    .equals("dev.reelsmith.providers.TransientVendorException")));
        } finally {
            harness.keyframeFailures.remove("s02");
        }
    }

    @Test
    void crashInCompose_shouldBeRedriven_withoutRegeneratingAnyKeyframeOrClip() throws Exception {
        // given: the composed video's upload fails once, so Compose fails after every shot was generated
        Path brief = Files.writeString(data.resolve("crash.json"), Files.readString(
                EXAMPLES.resolve("briefs/sneaker-ad.json")).replace("Stride One launch", "Crash run"));
        composeUploadFailures.set(1);
        String id = harness.upload(brief, "briefs/crash.json");
        Session failed = harness.awaitFinal(id, Duration.ofMinutes(3));
        assertThat(failed.status()).as(harness.describe(id)).isEqualTo(SessionStatus.FAILED);
        assertThat(failed.failedStep()).isEqualTo("Compose");
        assertThat(failed.reason()).contains("injected: S3 is having a bad day");
        int images = harness.totalImageCalls();
        int clips = harness.totalClipCalls();
        int costs = harness.pipeline.sessions().costs(id).size();
        var letters = harness.cloud.sqs().receiveMessage(r -> r.queueUrl(harness.cloud.sqs()
                .getQueueUrl(q -> q.queueName(LocalPipeline.DEAD_LETTERS)).queueUrl()).maxNumberOfMessages(10))
                .messages();
        assertThat(letters).anyMatch(m -> m.body().contains(id) && m.body().contains("\"step\":\"Compose\""));

        // when
        harness.cloud.stepFunctions().redriveExecution(r -> r.executionArn(failed.executionArn()));
        Session done = harness.awaitStatus(id, SessionStatus.COMPLETED, Duration.ofMinutes(3));

        // then
        assertThat(done.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
        assertThat(harness.totalImageCalls()).isEqualTo(images);
        assertThat(harness.totalClipCalls()).isEqualTo(clips);
        assertThat(harness.pipeline.sessions().costs(id)).hasSize(costs);
        assertThat(harness.pipeline.artifacts().exists(done.videoKey())).isTrue();
    }

    @Test
    void badUploads_shouldBeRejectedWithASpecificReason() throws Exception {
        // given
        Path invalidJson = Files.writeString(data.resolve("broken.json"), "{\"kind\": \"ad\", \"title\": ");
        Path schema = Files.writeString(data.resolve("schema.json"), Files.readString(
                EXAMPLES.resolve("briefs/sneaker-ad.json")).replace("\"durationSeconds\": 15", "\"durationSeconds\": 0"));
        Path empty = Files.write(data.resolve("empty.mp3"), new byte[0]);
        Path text = Files.writeString(data.resolve("notes.mp3"), "these are my lyrics, not audio\n");
        Path long_ = data.resolve("long.mp3");
        Ffmpeg.locate().log(List.of("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "601", "-c:a",
                "libmp3lame", "-b:a", "8k", "-y", long_.toString()), Duration.ofMinutes(1));

        // when
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        for (var upload : List.of(Map.entry(invalidJson, "briefs/broken.json"), Map.entry(schema, "briefs/schema.json"),
                Map.entry(empty, "songs/empty.mp3"), Map.entry(text, "songs/notes.mp3"),
                Map.entry(long_, "songs/long.mp3"))) {
            String id = harness.upload(upload.getKey(), upload.getValue());
            Session session = harness.awaitFinal(id, Duration.ofMinutes(1));
            assertThat(session.status()).as(harness.describe(id)).isEqualTo(SessionStatus.REJECTED);
            reasons.put(upload.getValue(), session.reason());
        }

        // then
        assertThat(reasons.get("briefs/broken.json")).containsIgnoringCase("json");
        assertThat(reasons.get("briefs/schema.json")).contains("durationSeconds");
        assertThat(reasons.get("songs/empty.mp3")).contains("empty (0 bytes)");
        assertThat(reasons.get("songs/notes.mp3")).contains("is not audio").contains("looks like text");
        assertThat(reasons.get("songs/long.mp3")).contains("at most 600 s");
    }

    @Test
    void hostileOverlayText_shouldReachTheVideoVerbatim_andNothingCrashes() throws Exception {
        // given: quotes, colons, FFmpeg expansion syntax, backslashes and a right-to-left word in text that is drawn
        String title = "Don't stop: 100%{pts} \\\\ 'quoted' שלום";
        JsonNode brief = Json.mapper().readTree(EXAMPLES.resolve("briefs/sneaker-ad.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) brief).put("title", title);
        Path file = data.resolve("hostile.json");
        Json.mapper().writeValue(file.toFile(), brief);

        // when
        String id = harness.upload(file, "briefs/hostile.json");
        Session session = harness.awaitFinal(id, Duration.ofMinutes(3));

        // then
        assertThat(session.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
        JsonNode timeline = harness.pipeline.artifacts().getJson("runs/" + id + "/timeline.json");
        assertThat(timeline.path("overlays").findValuesAsText("text")).contains(title);
    }
}
