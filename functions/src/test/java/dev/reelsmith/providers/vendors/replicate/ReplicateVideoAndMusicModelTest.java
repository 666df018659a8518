package dev.reelsmith.providers.vendors.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.JobState;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicJobStatus;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.VendorFixtures;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicate predictions for Kling clips and MusicGen beds against WireMock on 127.0.0.1. */
class ReplicateVideoAndMusicModelTest {
    private static final String KEY = "r8_test_token_77aa";
    private static final byte[] CLIP = VendorFixtures.mp4(1280, 720, 3000);
    private static final byte[] WAV = VendorFixtures.wav(2);
    private static final String VERSION = "671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb";

    private static WireMockServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    private ReplicateApi api(Duration timeout) {
        return new ReplicateApi(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl() + "/v1"),
                SecretSource.fixed(KEY), timeout, timeout, 50_000_000);
    }

    private ReplicateVideoModel kling(Duration timeout) {
        return new ReplicateVideoModel(api(timeout), ReplicateVideoModel.KLING_V21, new BigDecimal("0.05"),
                List.of(5, 10), "standard", Optional.empty());
    }

    private ReplicateMusicModel musicgen() {
        return new ReplicateMusicModel(api(Duration.ofSeconds(5)), ReplicateMusicModel.MUSICGEN,
                ReplicateMusicModel.A100_80GB_PER_SECOND, 300);
    }

    private VideoJob videoJob() {
        return new VideoJob("replicate", ReplicateVideoModel.KLING_V21, "v1", dir.resolve("clip.mp4"), 6);
    }

    private MusicJob musicJob() {
        return new MusicJob("replicate", ReplicateMusicModel.MUSICGEN, "m1", dir.resolve("music.wav"), 30);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String prediction(String id, String status, String extra) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"" + extra + "}";
    }

    private static void stubPrediction(String id, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v1/predictions/" + id)).willReturn(response));
    }

    private static String clipSucceeded() {
        return prediction("v1", "succeeded", ",\"output\":\"" + server.baseUrl() + "/delivery/clip.mp4\"");
    }

    @Test
    void start_shouldCreateWithoutWaitingAndRoundTheDurationUp_whenClipIsSixSeconds() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/models/kwaivgi/kling-v2.1/predictions"))
                .willReturn(json(201, prediction("v1", "starting", ""))));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        VideoJob job = kling(Duration.ofSeconds(5)).start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"),
                6, AspectRatio.LANDSCAPE, 1280, 720));

        // then
        assertThat(job.jobId()).isEqualTo("v1");
        assertThat(server.getAllServeEvents().get(0).getRequest().containsHeader("Prefer")).isFalse();
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.at("/input/duration").asInt()).isEqualTo(10);
        assertThat(sent.at("/input/mode").asText()).isEqualTo("standard");
        assertThat(sent.at("/input/start_image").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void poll_shouldDownloadTheClipAndPriceOutputSeconds_whenPredictionSucceedsAfterProcessing() throws Exception {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/predictions/v1")).inScenario("p").whenScenarioStateIs(STARTED)
                .willReturn(json(200, prediction("v1", "starting", ""))).willSetStateTo("processing"));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/v1")).inScenario("p").whenScenarioStateIs("processing")
                .willReturn(json(200, prediction("v1", "processing", ""))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/v1")).inScenario("p").whenScenarioStateIs("done")
                .willReturn(json(200, clipSucceeded())));
        server.stubFor(get(urlPathEqualTo("/delivery/clip.mp4")).willReturn(aResponse().withStatus(200).withBody(CLIP)));
        ReplicateVideoModel model = kling(Duration.ofSeconds(5));

        // when
        VideoJobStatus starting = model.poll(videoJob());
        VideoJobStatus processing = model.poll(videoJob());
        VideoJobStatus done = model.poll(videoJob());
        VideoJobStatus again = model.poll(videoJob());

        // then
        assertThat(starting.state()).isEqualTo(JobState.PENDING);
        assertThat(processing.state()).isEqualTo(JobState.RUNNING);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(CLIP);
        assertThat(done.cost().totalUsd()).isEqualByComparingTo("0.50");
        assertThat(again).isEqualTo(done);
        server.verify(1, getRequestedFor(urlPathEqualTo("/delivery/clip.mp4")));
    }

    @Test
    void poll_shouldThrowContentRejected_whenTheClipIsFlaggedAsSensitive() {
        // given
        stubPrediction("v1", json(200, prediction("v1", "failed", ",\"error\":\"The input or output was flagged as"
                + " sensitive. Please try again with different inputs. (E005)\"")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> kling(Duration.ofSeconds(5)).poll(videoJob()),
                ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).contains("flagged as sensitive");
    }

    @Test
    void poll_shouldSucceed_whenRetriedAfterA502() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/predictions/v1")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/v1")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, clipSucceeded())));
        server.stubFor(get(urlPathEqualTo("/delivery/clip.mp4")).willReturn(aResponse().withStatus(200).withBody(CLIP)));
        ReplicateVideoModel model = kling(Duration.ofSeconds(5));

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.poll(videoJob()), TransientVendorException.class);
        VideoJobStatus retried = model.poll(videoJob());

        // then
        assertThat(first.getMessage()).contains("HTTP 502");
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void start_shouldThrowThrottled_whenReplicateAnswers429WithRetryAfter() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/models/kwaivgi/kling-v2.1/predictions")).willReturn(json(429,
                "{\"title\":\"Request was throttled\",\"detail\":\"Request was throttled.\",\"status\":429}")
                .withHeader("Retry-After", "9")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ThrottledException thrown = catchThrowableOfType(() -> kling(Duration.ofSeconds(5)).start(
                VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)),
                ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(9);
    }

    @Test
    void poll_shouldThrowTransient_whenReplicateIsSlowerThanTheTimeout() {
        // given
        stubPrediction("v1", json(200, prediction("v1", "processing", "")).withFixedDelay(1500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> kling(Duration.ofMillis(300)).poll(videoJob()),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void poll_shouldThrowTransientAndLeaveNoFile_whenTheClipDownloadIsTruncated() {
        // given
        stubPrediction("v1", json(200, clipSucceeded()));
        server.stubFor(get(urlPathEqualTo("/delivery/clip.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", Integer.toString(CLIP.length)).withBody(Arrays.copyOf(CLIP, 300))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> kling(Duration.ofSeconds(5)).poll(videoJob()),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void start_shouldCreateMusicGenByVersionWithGenreMoodAndTempo_whenBedIsThirtySeconds() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/predictions")).willReturn(json(201, prediction("m1", "starting", ""))));

        // when
        MusicJob job = musicgen().start(new MusicRequest("synthwave", "hopeful", 110, 29.4, 5L,
                dir.resolve("music.wav")));

        // then
        assertThat(job.jobId()).isEqualTo("m1");
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("version").asText()).isEqualTo(VERSION);
        assertThat(sent.at("/input/prompt").asText()).isEqualTo("synthwave, hopeful, 110 bpm, instrumental");
        assertThat(sent.at("/input/duration").asInt()).isEqualTo(30);
        assertThat(sent.at("/input/model_version").asText()).isEqualTo("stereo-large");
        assertThat(sent.at("/input/output_format").asText()).isEqualTo("wav");
    }

    @Test
    void poll_shouldDownloadTheWavAndBillGpuSeconds_whenMusicGenSucceeds() throws Exception {
        // given
        stubPrediction("m1", json(200, prediction("m1", "succeeded", ",\"output\":\"" + server.baseUrl()
                + "/delivery/music.wav\",\"metrics\":{\"predict_time\":41.2305}")));
        server.stubFor(get(urlPathEqualTo("/delivery/music.wav")).willReturn(aResponse().withStatus(200).withBody(WAV)));
        ReplicateMusicModel model = musicgen();

        // when
        MusicJobStatus done = model.poll(musicJob());
        MusicJobStatus again = model.poll(musicJob());

        // then
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("music.wav"))).isEqualTo(WAV);
        assertThat(done.cost().unit()).isEqualTo("gpu-second");
        assertThat(done.cost().quantity()).isEqualByComparingTo("41.231");
        assertThat(done.cost().totalUsd()).isEqualByComparingTo("0.0577234");
        assertThat(again).isEqualTo(done);
        server.verify(1, getRequestedFor(urlPathEqualTo("/delivery/music.wav")));
    }

    @Test
    void start_shouldRefuseABedLongerThanMusicGenMakes_whenTenMinutesAreAskedFor() {
        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> musicgen().start(new MusicRequest("ambient", null,
                null, 600, 1L, dir.resolve("music.wav"))), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("at most 300 s");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void poll_shouldThrowTransient_whenTheWavIsTruncated() {
        // given
        stubPrediction("m1", json(200, prediction("m1", "succeeded", ",\"output\":\"" + server.baseUrl()
                + "/delivery/music.wav\"")));
        server.stubFor(get(urlPathEqualTo("/delivery/music.wav")).willReturn(aResponse().withStatus(200)
                .withBody(Arrays.copyOf(WAV, WAV.length / 2))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> musicgen().poll(musicJob()),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("RIFF header declares");
        assertThat(dir.resolve("music.wav")).doesNotExist();
    }
}
