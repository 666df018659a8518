package dev.reelsmith.providers.vendors.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.JobState;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.VendorFixtures;
import dev.reelsmith.providers.vendors.http.ImageSize;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI's Sora video jobs (POST /videos multipart, GET /videos/{id}, /content) against WireMock on 127.0.0.1. */
class SoraVideoModelTest {
    private static final String KEY = "sk-test-sora-31";
    private static final byte[] CLIP = VendorFixtures.mp4(1280, 720, 3500);

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

    private SoraVideoModel model(Duration timeout) {
        OpenAiApi api = new OpenAiApi(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl() + "/v1"),
                SecretSource.fixed(KEY), timeout, timeout, 50_000_000);
        return new SoraVideoModel(api, "sora-2");
    }

    private SoraVideoModel model() {
        return model(Duration.ofSeconds(5));
    }

    private VideoJob job() {
        return new VideoJob("openai", "sora-2", "video_123", dir.resolve("clip.mp4"), 6);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String video(String status, String extra) {
        return "{\"id\":\"video_123\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"" + status + "\","
                + "\"progress\":50,\"seconds\":\"8\",\"size\":\"1280x720\"" + extra + "}";
    }

    private static void stubVideo(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123")).willReturn(response));
    }

    private static void stubContent(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123/content")).willReturn(response));
    }

    @Test
    void start_shouldUploadAKeyframeResizedToTheClipSize_whenClipIsLandscape() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/videos")).willReturn(json(200, video("queued", ""))));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        VideoJob job = model().start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 6,
                AspectRatio.LANDSCAPE, 1920, 1080));

        // then
        assertThat(job.jobId()).isEqualTo("video_123");
        Request sent = server.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.getPart("model").getBody().asString()).isEqualTo("sora-2");
        assertThat(sent.getPart("seconds").getBody().asString()).isEqualTo("8");
        assertThat(sent.getPart("size").getBody().asString()).isEqualTo("1280x720");
        assertThat(sent.getPart("prompt").getBody().asString()).isEqualTo("the runner sprints toward the camera");
        byte[] reference = sent.getPart("input_reference").getBody().asBytes();
        assertThat(ImageSize.of(reference)).isEqualTo(new ImageSize(1280, 720));
    }

    @Test
    void poll_shouldDownloadContentWithTheKey_whenTheVideoCompletesAfterSeveralPolls() throws Exception {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123")).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(200, video("queued", ""))).willSetStateTo("progress"));
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123")).inScenario("job").whenScenarioStateIs("progress")
                .willReturn(json(200, video("in_progress", ""))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123")).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, video("completed", ""))));
        stubContent(aResponse().withStatus(200).withHeader("Content-Type", "video/mp4").withBody(CLIP));
        SoraVideoModel model = model();

        // when
        VideoJobStatus queued = model.poll(job());
        VideoJobStatus progress = model.poll(job());
        VideoJobStatus done = model.poll(job());
        VideoJobStatus again = model.poll(job());

        // then
        assertThat(queued.state()).isEqualTo(JobState.PENDING);
        assertThat(progress.state()).isEqualTo(JobState.RUNNING);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(CLIP);
        assertThat(done.cost().quantity()).isEqualByComparingTo("8");
        assertThat(done.cost().totalUsd()).isEqualByComparingTo("0.80");
        assertThat(again).isEqualTo(done);
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/videos/video_123/content"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void poll_shouldThrowContentRejected_whenTheVideoFailedModeration() {
        // given
        stubVideo(json(200, video("failed", ",\"error\":{\"code\":\"moderation_blocked\",\"message\":\"The request"
                + " was blocked by our moderation system.\"}")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().poll(job()), ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("moderation_blocked: The request was blocked by our moderation system.");
    }

    @Test
    void start_shouldThrowThrottled_whenRateLimited() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/videos")).willReturn(json(429, "{\"error\":{\"message\":\"Rate limit"
                + " reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").withHeader("Retry-After", "20")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 4, AspectRatio.PORTRAIT, 1080, 1920)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(20);
    }

    @Test
    void poll_shouldSucceed_whenRetriedAfterA503() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{\"error\":{\"message\":\"Service unavailable\",\"type\":\"server_error\"}}"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/v1/videos/video_123")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, video("completed", ""))));
        stubContent(aResponse().withStatus(200).withBody(CLIP));
        SoraVideoModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.poll(job()), TransientVendorException.class);
        VideoJobStatus retried = model.poll(job());

        // then
        assertThat(first.getMessage()).contains("HTTP 503");
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void start_shouldThrowInvalidRequest_whenOpenAiRejectsTheSize() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/videos")).withRequestBody(containing("1280x720"))
                .willReturn(json(400, "{\"error\":{\"message\":\"Inpaint image must match the requested width and"
                        + " height\",\"type\":\"invalid_request_error\",\"param\":\"input_reference\","
                        + "\"code\":\"invalid_value\"}}")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 4, AspectRatio.LANDSCAPE, 1920, 1080)), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("must match the requested width and height");
    }

    @Test
    void poll_shouldThrowTransient_whenOpenAiIsSlowerThanTheTimeout() {
        // given
        stubVideo(json(200, video("in_progress", "")).withFixedDelay(1500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model(Duration.ofMillis(300)).poll(job()),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void poll_shouldThrowTransientAndLeaveNoFile_whenTheContentIsTruncated() {
        // given
        stubVideo(json(200, video("completed", "")));
        stubContent(aResponse().withStatus(200).withHeader("Content-Length", Integer.toString(CLIP.length))
                .withBody(Arrays.copyOf(CLIP, 2000)));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().poll(job()), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }
}
