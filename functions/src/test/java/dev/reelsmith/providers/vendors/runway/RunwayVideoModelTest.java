package dev.reelsmith.providers.vendors.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runway's image_to_video task API against WireMock on 127.0.0.1, shaped like docs.dev.runwayml.com. */
class RunwayVideoModelTest {
    private static final String KEY = "key_runway_test_51b2";
    private static final byte[] CLIP = VendorFixtures.mp4(1280, 720, 4000);

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

    private RunwayVideoModel model(String name, Duration timeout) {
        RunwayApi api = new RunwayApi(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl()),
                SecretSource.fixed(KEY), timeout, timeout, 50_000_000);
        return new RunwayVideoModel(api, name, Optional.empty());
    }

    private RunwayVideoModel model(String name) {
        return model(name, Duration.ofSeconds(5));
    }

    private VideoJob job(String model) {
        return new VideoJob("runway", model, "task-1", dir.resolve("clip.mp4"), 5);
    }

    private static void stubCreate(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/v1/image_to_video")).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String task(String status) {
        return "{\"id\":\"task-1\",\"status\":\"" + status + "\",\"createdAt\":\"2026-11-22T10:00:00Z\"}";
    }

    private static String succeeded() {
        return "{\"id\":\"task-1\",\"status\":\"SUCCEEDED\",\"createdAt\":\"2026-11-22T10:00:00Z\",\"output\":[\""
                + server.baseUrl() + "/files/clip.mp4?sig=abc\"]}";
    }

    private static void stubClip(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/files/clip.mp4")).willReturn(response));
    }

    @Test
    void start_shouldPostKeyframeAsDataUriWithVersionHeader_whenModelIsGen4Turbo() throws Exception {
        // given
        stubCreate(json(200, "{\"id\":\"task-1\"}"));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        VideoJob job = model("gen4_turbo").start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 4.2,
                AspectRatio.LANDSCAPE, 1280, 720));

        // then
        assertThat(job.jobId()).isEqualTo("task-1");
        assertThat(job.modelId()).isEqualTo("gen4_turbo");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/image_to_video"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Runway-Version", equalTo("2024-11-06")));
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("gen4_turbo");
        assertThat(sent.path("promptImage").asText()).startsWith("data:image/png;base64,");
        assertThat(sent.path("promptText").asText()).isEqualTo("the runner sprints toward the camera");
        assertThat(sent.path("ratio").asText()).isEqualTo("1280:720");
        assertThat(sent.path("duration").asInt()).isEqualTo(5);
        assertThat(sent.path("seed").asLong()).isEqualTo(7);
        assertThat(sent.has("audio")).isFalse();
    }

    @Test
    void start_shouldSendVeoDurationWithoutAudioAndSeed_whenModelIsVeo31() throws Exception {
        // given
        stubCreate(json(200, "{\"id\":\"task-9\"}"));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        model("veo3.1_fast").start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 5,
                AspectRatio.PORTRAIT, 720, 1280));

        // then
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("duration").asInt()).isEqualTo(6);
        assertThat(sent.path("ratio").asText()).isEqualTo("720:1280");
        assertThat(sent.path("audio").asBoolean(true)).isFalse();
        assertThat(sent.has("seed")).isFalse();
    }

    @Test
    void poll_shouldDownloadClipAndPriceBilledSeconds_whenTaskSucceededAfterSeveralPolls() throws Exception {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(200, task("PENDING"))).willSetStateTo("throttled"));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).inScenario("job").whenScenarioStateIs("throttled")
                .willReturn(json(200, task("THROTTLED"))).willSetStateTo("running"));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).inScenario("job").whenScenarioStateIs("running")
                .willReturn(json(200, task("RUNNING"))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, succeeded())));
        stubClip(aResponse().withStatus(200).withHeader("Content-Type", "video/mp4").withBody(CLIP));
        RunwayVideoModel model = model("gen4_turbo");

        // when
        VideoJobStatus first = model.poll(job("gen4_turbo"));
        VideoJobStatus second = model.poll(job("gen4_turbo"));
        VideoJobStatus third = model.poll(job("gen4_turbo"));
        VideoJobStatus fourth = model.poll(job("gen4_turbo"));

        // then
        assertThat(first.state()).isEqualTo(JobState.PENDING);
        assertThat(second.state()).isEqualTo(JobState.PENDING);
        assertThat(third.state()).isEqualTo(JobState.RUNNING);
        assertThat(third.nextPollSeconds()).isEqualTo(10);
        assertThat(fourth.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(CLIP);
        assertThat(fourth.cost().quantity()).isEqualByComparingTo("5");
        assertThat(fourth.cost().unitPriceUsd()).isEqualByComparingTo("0.05");
        assertThat(fourth.cost().totalUsd()).isEqualByComparingTo(new BigDecimal("0.25"));
        server.verify(0, getRequestedFor(urlPathEqualTo("/files/clip.mp4"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void poll_shouldAnswerFromReceiptWithoutDownloadingAgain_whenSucceededJobIsPolledTwice() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).willReturn(json(200, succeeded())));
        stubClip(aResponse().withStatus(200).withBody(CLIP));
        RunwayVideoModel model = model("gen4.5");

        // when
        VideoJobStatus first = model.poll(job("gen4.5"));
        VideoJobStatus again = model.poll(job("gen4.5"));

        // then
        assertThat(again).isEqualTo(first);
        assertThat(again.cost().totalUsd()).isEqualByComparingTo("0.60");
        server.verify(1, getRequestedFor(urlPathEqualTo("/files/clip.mp4")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/tasks/task-1")));
    }

    @Test
    void start_shouldThrowThrottledWithRetryAfter_whenRunwayAnswers429() {
        // given
        stubCreate(json(429, "{\"error\":\"You have exceeded your daily generation limit\"}")
                .withHeader("Retry-After", "120"));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model("gen4_turbo").start(VendorFixtures.videoRequest(
                keyframe, dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(120);
        assertThat(thrown.providerId()).isEqualTo("runway");
        assertThat(thrown.getMessage()).contains("daily generation limit").doesNotContain(KEY);
    }

    @Test
    void poll_shouldSucceed_whenRetriedAfterA503() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{\"error\":\"Service Unavailable\"}")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, succeeded())));
        stubClip(aResponse().withStatus(200).withBody(CLIP));
        RunwayVideoModel model = model("gen4_turbo");

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.poll(job("gen4_turbo")),
                TransientVendorException.class);
        VideoJobStatus retried = model.poll(job("gen4_turbo"));

        // then
        assertThat(first.getMessage()).contains("HTTP 503");
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void poll_shouldThrowContentRejectedWithCode_whenTaskFailedOnInputModeration() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).willReturn(json(200, "{\"id\":\"task-1\","
                + "\"status\":\"FAILED\",\"failure\":\"Your input was flagged by our content moderation system\","
                + "\"failureCode\":\"SAFETY.INPUT.IMAGE\"}")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model("gen4_turbo").poll(job("gen4_turbo")),
                ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("SAFETY.INPUT.IMAGE: Your input was flagged by our content moderation"
                + " system");
    }

    @Test
    void poll_shouldAnswerFailed_whenTaskFailedInternally() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).willReturn(json(200, "{\"id\":\"task-1\","
                + "\"status\":\"FAILED\",\"failure\":\"An unexpected error occurred\",\"failureCode\":\"INTERNAL\"}")));

        // when
        VideoJobStatus status = model("gen4_turbo").poll(job("gen4_turbo"));

        // then
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failureReason()).isEqualTo("INTERNAL: An unexpected error occurred");
    }

    @Test
    void start_shouldThrowInvalidRequestNamingTheField_whenRunwayAnswers400() {
        // given
        stubCreate(json(400, "{\"error\":\"Validation of body failed\",\"issues\":[{\"path\":[\"ratio\"],"
                + "\"message\":\"Invalid enum value\"}]}"));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model("gen4_turbo").start(
                VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 5, AspectRatio.SQUARE, 960, 960)),
                InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("HTTP 400").contains("Validation of body failed").contains("ratio");
    }

    @Test
    void start_shouldRefuseSquareClip_whenModelIsVeo() {
        // given
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model("veo3.1").start(
                VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 5, AspectRatio.SQUARE, 960, 960)),
                InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("only 16:9 and 9:16");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void poll_shouldThrowTransient_whenRunwayIsSlowerThanTheTimeout() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).willReturn(json(200, task("RUNNING"))
                .withFixedDelay(1500)));

        // when
        TransientVendorException thrown = catchThrowableOfType(
                () -> model("gen4_turbo", Duration.ofMillis(300)).poll(job("gen4_turbo")),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void poll_shouldThrowTransientAndLeaveNoFile_whenDownloadIsShorterThanContentLength() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/tasks/task-1")).willReturn(json(200, succeeded())));
        byte[] half = java.util.Arrays.copyOf(CLIP, CLIP.length / 2);
        stubClip(aResponse().withStatus(200).withHeader("Content-Length", Integer.toString(CLIP.length)).withBody(half));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model("gen4_turbo").poll(job("gen4_turbo")),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }
}
