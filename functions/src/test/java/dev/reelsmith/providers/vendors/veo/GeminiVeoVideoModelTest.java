package dev.reelsmith.providers.vendors.veo;

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
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Veo's predictLongRunning operations on the Gemini API, against WireMock on 127.0.0.1. */
class GeminiVeoVideoModelTest {
    private static final String KEY = "AIzaTestKey123";
    private static final String MODEL = "veo-3.1-generate-001";
    private static final String OPERATION = "models/veo-3.1-generate-001/operations/op123";
    private static final byte[] CLIP = VendorFixtures.mp4(1280, 720, 2500);

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

    private GeminiVeoVideoModel model(Duration timeout) {
        return new GeminiVeoVideoModel(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl() + "/v1beta"),
                SecretSource.fixed(KEY), MODEL, new BigDecimal("0.40"), timeout, timeout, 50_000_000);
    }

    private GeminiVeoVideoModel model() {
        return model(Duration.ofSeconds(5));
    }

    private VideoJob job() {
        return new VideoJob("google", MODEL, OPERATION, dir.resolve("clip.mp4"), 5);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String done() {
        return "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/"
                + "google.ai.generativelanguage.v1beta.PredictLongRunningResponse\",\"generateVideoResponse\":"
                + "{\"generatedSamples\":[{\"video\":{\"uri\":\"" + server.baseUrl()
                + "/v1beta/files/vid1:download?alt=media\"}}]}}}";
    }

    private static void stubOperation(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v1beta/" + OPERATION)).willReturn(response));
    }

    private static void stubFileRedirect() {
        server.stubFor(get(urlPathEqualTo("/v1beta/files/vid1:download")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/storage/vid1.mp4")));
        server.stubFor(get(urlPathEqualTo("/storage/vid1.mp4")).willReturn(aResponse().withStatus(200).withBody(CLIP)));
    }

    @Test
    void start_shouldPostInstanceWithInlineKeyframeAndParameters_whenClipIsFiveSeconds() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo("/v1beta/models/" + MODEL + ":predictLongRunning"))
                .willReturn(json(200, "{\"name\":\"" + OPERATION + "\"}")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        VideoJob job = model().start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 5,
                AspectRatio.PORTRAIT, 720, 1280));

        // then
        assertThat(job.jobId()).isEqualTo(OPERATION);
        server.verify(postRequestedFor(urlPathEqualTo("/v1beta/models/" + MODEL + ":predictLongRunning"))
                .withHeader("x-goog-api-key", equalTo(KEY)));
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.at("/instances/0/prompt").asText()).isEqualTo("the runner sprints toward the camera");
        assertThat(sent.at("/instances/0/image/mimeType").asText()).isEqualTo("image/png");
        assertThat(sent.at("/instances/0/image/bytesBase64Encoded").asText()).isNotBlank();
        assertThat(sent.at("/parameters/aspectRatio").asText()).isEqualTo("9:16");
        assertThat(sent.at("/parameters/durationSeconds").asInt()).isEqualTo(6);
        assertThat(sent.at("/parameters/resolution").asText()).isEqualTo("720p");
        assertThat(sent.at("/parameters/sampleCount").asInt()).isEqualTo(1);
    }

    @Test
    void poll_shouldFollowTheFileRedirectAndPriceBilledSeconds_whenOperationIsDoneAfterSeveralPolls() throws Exception {
        // given
        server.stubFor(get(urlPathEqualTo("/v1beta/" + OPERATION)).inScenario("op").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"name\":\"" + OPERATION + "\"}")).willSetStateTo("more"));
        server.stubFor(get(urlPathEqualTo("/v1beta/" + OPERATION)).inScenario("op").whenScenarioStateIs("more")
                .willReturn(json(200, "{\"name\":\"" + OPERATION + "\",\"done\":false}")).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo("/v1beta/" + OPERATION)).inScenario("op").whenScenarioStateIs("done")
                .willReturn(json(200, done())));
        stubFileRedirect();
        GeminiVeoVideoModel model = model();

        // when
        VideoJobStatus first = model.poll(job());
        VideoJobStatus second = model.poll(job());
        VideoJobStatus finished = model.poll(job());
        VideoJobStatus again = model.poll(job());

        // then
        assertThat(first.state()).isEqualTo(JobState.RUNNING);
        assertThat(second.state()).isEqualTo(JobState.RUNNING);
        assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(CLIP);
        assertThat(finished.cost().quantity()).isEqualByComparingTo("6");
        assertThat(finished.cost().totalUsd()).isEqualByComparingTo("2.40");
        assertThat(again).isEqualTo(finished);
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1beta/files/vid1:download"))
                .withHeader("x-goog-api-key", equalTo(KEY)));
        server.verify(1, getRequestedFor(urlPathEqualTo("/storage/vid1.mp4")));
    }

    @Test
    void poll_shouldThrowContentRejectedWithTheFilterReasons_whenSamplesWereFiltered() {
        // given
        stubOperation(json(200, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"The video could not be generated because"
                + " it may violate our policies on depicting real people.\"]}}}"));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().poll(job()),
                ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).contains("violate our policies");
    }

    @Test
    void start_shouldThrowThrottledWithTheRetryDelay_whenQuotaIsExhaustedForNow() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1beta/models/" + MODEL + ":predictLongRunning")).willReturn(json(429,
                "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/"
                        + "google.rpc.RetryInfo\",\"retryDelay\":\"37s\"}]}}")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(37);
        assertThat(thrown.getMessage()).contains("RESOURCE_EXHAUSTED").doesNotContain(KEY);
    }

    @Test
    void poll_shouldSucceed_whenRetriedAfterA500() {
        // given
        server.stubFor(get(urlPathEqualTo("/v1beta/" + OPERATION)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(500, "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\","
                        + "\"status\":\"INTERNAL\"}}")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/v1beta/" + OPERATION)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, done())));
        stubFileRedirect();
        GeminiVeoVideoModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.poll(job()), TransientVendorException.class);
        VideoJobStatus retried = model.poll(job());

        // then
        assertThat(first.getMessage()).contains("INTERNAL");
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void start_shouldThrowInvalidRequest_whenGoogleAnswersInvalidArgument() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1beta/models/" + MODEL + ":predictLongRunning")).willReturn(json(400,
                "{\"error\":{\"code\":400,\"message\":\"durationSeconds must be 4, 6 or 8\","
                        + "\"status\":\"INVALID_ARGUMENT\"}}")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("INVALID_ARGUMENT: durationSeconds must be 4, 6 or 8");
    }

    @Test
    void poll_shouldThrowTransient_whenGoogleIsSlowerThanTheTimeout() {
        // given
        stubOperation(json(200, "{\"name\":\"" + OPERATION + "\"}").withFixedDelay(1500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model(Duration.ofMillis(300)).poll(job()),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void poll_shouldThrowTransientAndLeaveNoFile_whenTheVideoDownloadIsTruncated() {
        // given
        stubOperation(json(200, done()));
        server.stubFor(get(urlPathEqualTo("/v1beta/files/vid1:download")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", Integer.toString(CLIP.length)).withBody(Arrays.copyOf(CLIP, 100))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().poll(job()), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }
}
