package dev.reelsmith.providers.vendors.luma;

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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Luma's Dream Machine generations API against WireMock on 127.0.0.1, shaped like the lumaai-python types. */
class LumaVideoModelTest {
    private static final String KEY = "luma-test-key-77";
    private static final String BASE = "/dream-machine/v1";
    private static final byte[] CLIP = VendorFixtures.mp4(1280, 720, 3000);

    private static WireMockServer server;

    @TempDir
    Path dir;

    private final List<Path> linked = new ArrayList<>();

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

    private LumaVideoModel model(String name, Duration timeout) {
        return new LumaVideoModel(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl() + BASE),
                SecretSource.fixed(KEY), name, (image, mime) -> {
                    linked.add(image);
                    return URI.create("https://links.example.com/" + image.getFileName() + "?sig=1");
                }, timeout, timeout, 50_000_000);
    }

    private LumaVideoModel model() {
        return model("ray-2", Duration.ofSeconds(5));
    }

    private VideoJob job(double seconds) {
        return new VideoJob("luma", "ray-2", "gen-1", dir.resolve("clip.mp4"), seconds);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String generation(String state, String extra) {
        return "{\"id\":\"gen-1\",\"generation_type\":\"video\",\"state\":\"" + state + "\",\"model\":\"ray-2\""
                + extra + "}";
    }

    private static String completed() {
        return generation("completed", ",\"assets\":{\"video\":\"" + server.baseUrl() + "/cdn/gen-1.mp4\"}");
    }

    private static void stubGeneration(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(BASE + "/generations/gen-1")).willReturn(response));
    }

    @Test
    void start_shouldSendLinkedKeyframeAnd9SecondDuration_whenClipIsLongerThan5Seconds() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo(BASE + "/generations")).willReturn(json(201, generation("queued", ""))));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        VideoJob job = model().start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 7.5,
                AspectRatio.LANDSCAPE, 1280, 720));

        // then
        assertThat(job.jobId()).isEqualTo("gen-1");
        assertThat(linked).containsExactly(keyframe);
        server.verify(postRequestedFor(urlPathEqualTo(BASE + "/generations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("ray-2");
        assertThat(sent.path("duration").asText()).isEqualTo("9s");
        assertThat(sent.path("resolution").asText()).isEqualTo("720p");
        assertThat(sent.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(sent.at("/keyframes/frame0/type").asText()).isEqualTo("image");
        assertThat(sent.at("/keyframes/frame0/url").asText()).isEqualTo("https://links.example.com/keyframe.png?sig=1");
    }

    @Test
    void poll_shouldDownloadTheVideoAndPriceBilledSeconds_whenGenerationCompletesAfterDreaming() throws Exception {
        // given
        server.stubFor(get(urlPathEqualTo(BASE + "/generations/gen-1")).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(200, generation("queued", ""))).willSetStateTo("dreaming"));
        server.stubFor(get(urlPathEqualTo(BASE + "/generations/gen-1")).inScenario("job").whenScenarioStateIs("dreaming")
                .willReturn(json(200, generation("dreaming", ""))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo(BASE + "/generations/gen-1")).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, completed())));
        server.stubFor(get(urlPathEqualTo("/cdn/gen-1.mp4")).willReturn(aResponse().withStatus(200).withBody(CLIP)));
        LumaVideoModel model = model();

        // when
        VideoJobStatus queued = model.poll(job(5));
        VideoJobStatus dreaming = model.poll(job(5));
        VideoJobStatus done = model.poll(job(5));
        VideoJobStatus again = model.poll(job(5));

        // then
        assertThat(queued.state()).isEqualTo(JobState.PENDING);
        assertThat(dreaming.state()).isEqualTo(JobState.RUNNING);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(CLIP);
        assertThat(done.cost().quantity()).isEqualByComparingTo("5");
        assertThat(done.cost().totalUsd()).isEqualByComparingTo("0.40");
        assertThat(again).isEqualTo(done);
        server.verify(1, getRequestedFor(urlPathEqualTo("/cdn/gen-1.mp4")));
    }

    @Test
    void poll_shouldThrowContentRejectedWithTheReason_whenPromptModerationFailed() {
        // given
        stubGeneration(json(200, generation("failed", ",\"failure_reason\":\"Advanced prompt moderation failed\"")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().poll(job(5)),
                ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("Advanced prompt moderation failed");
    }

    @Test
    void poll_shouldAnswerFailed_whenKeyframesCouldNotBeRead() {
        // given
        stubGeneration(json(200, generation("failed", ",\"failure_reason\":\"Failed to read user input frames\"")));

        // when
        VideoJobStatus status = model().poll(job(5));

        // then
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failureReason()).isEqualTo("Failed to read user input frames");
    }

    @Test
    void start_shouldThrowThrottledWithRetryAfter_whenLumaAnswers429() {
        // given
        server.stubFor(post(urlPathEqualTo(BASE + "/generations")).willReturn(
                json(429, "{\"detail\":\"Too many concurrent generations\"}").withHeader("Retry-After", "45")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(45);
        assertThat(thrown.getMessage()).contains("Too many concurrent generations");
    }

    @Test
    void poll_shouldSucceed_whenRetriedAfterA502() {
        // given
        server.stubFor(get(urlPathEqualTo(BASE + "/generations/gen-1")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(BASE + "/generations/gen-1")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, completed())));
        server.stubFor(get(urlPathEqualTo("/cdn/gen-1.mp4")).willReturn(aResponse().withStatus(200).withBody(CLIP)));
        LumaVideoModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.poll(job(5)), TransientVendorException.class);
        VideoJobStatus retried = model.poll(job(5));

        // then
        assertThat(first.getMessage()).contains("HTTP 502").contains("(an HTML page)");
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void start_shouldThrowContentRejected_whenLumaRefusesThePromptSynchronously() {
        // given
        server.stubFor(post(urlPathEqualTo(BASE + "/generations")).willReturn(
                json(400, "{\"detail\":\"Prompt contains blacklisted words\"}")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("Prompt contains blacklisted words");
    }

    @Test
    void start_shouldThrowInvalidRequest_whenLumaAnswers400() {
        // given
        server.stubFor(post(urlPathEqualTo(BASE + "/generations")).willReturn(
                json(400, "{\"detail\":\"Invalid aspect ratio\"}")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("HTTP 400 Invalid aspect ratio");
    }

    @Test
    void poll_shouldThrowTransient_whenLumaIsSlowerThanTheTimeout() {
        // given
        stubGeneration(json(200, generation("dreaming", "")).withFixedDelay(1500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model("ray-2", Duration.ofMillis(300)).poll(job(5)),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void poll_shouldThrowTransientAndLeaveNoFile_whenTheVideoDownloadIsTruncated() {
        // given
        stubGeneration(json(200, completed()));
        server.stubFor(get(urlPathEqualTo("/cdn/gen-1.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", Integer.toString(CLIP.length)).withBody(Arrays.copyOf(CLIP, 1000))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().poll(job(5)),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }
}
