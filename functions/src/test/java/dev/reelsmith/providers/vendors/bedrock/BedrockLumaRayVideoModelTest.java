package dev.reelsmith.providers.vendors.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import dev.reelsmith.providers.text.bedrock.BedrockTextModel;
import dev.reelsmith.providers.vendors.VendorFixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Luma Ray 2 through the real Bedrock Runtime and S3 SDK clients, both pointed at WireMock on 127.0.0.1: async
 * invocations as the Bedrock API reference shapes them, and the MP4 Bedrock writes to our bucket.
 */
class BedrockLumaRayVideoModelTest {
    private static final String ARN = "arn:aws:bedrock:us-west-2:123456789012:async-invoke/abc123xyz";
    private static final String OUTPUT_KEY = "/artifacts/bedrock-async/abc123xyz/output.mp4";
    private static final byte[] CLIP_720 = VendorFixtures.mp4(1280, 720, 5000);
    private static final byte[] CLIP_540 = VendorFixtures.mp4(960, 540, 5000);
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test"));

    private static WireMockServer server;

    @TempDir
    Path dir;

    private BedrockRuntimeClient bedrock;
    private S3Client s3;

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

    @AfterEach
    void closeClients() {
        if (bedrock != null) {
            bedrock.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private BedrockLumaRayVideoModel model(Duration timeout) {
        bedrock = BedrockTextModel.clientBuilder(timeout).endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_WEST_2).credentialsProvider(CREDENTIALS).build();
        s3 = S3Client.builder().endpointOverride(URI.create(server.baseUrl())).forcePathStyle(true)
                .region(Region.US_WEST_2).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        return new BedrockLumaRayVideoModel(bedrock, s3, S3Location.parse("s3://artifacts/bedrock-async/"));
    }

    private BedrockLumaRayVideoModel model() {
        return model(Duration.ofSeconds(5));
    }

    private VideoJob job(double seconds) {
        return new VideoJob("bedrock", "luma.ray-v2:0", ARN, dir.resolve("clip.mp4"), seconds);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return json(status, "{\"message\":\"" + message + "\"}").withHeader("x-amzn-ErrorType", type);
    }

    private static String invocation(String status, String extra) {
        return "{\"invocationArn\":\"" + ARN + "\",\"modelArn\":\"arn:aws:bedrock:us-west-2::foundation-model/"
                + "luma.ray-v2:0\",\"status\":\"" + status + "\",\"submitTime\":\"2026-11-22T10:00:00Z\","
                + "\"outputDataConfig\":{\"s3OutputDataConfig\":{\"s3Uri\":\"s3://artifacts/bedrock-async/abc123xyz\"}}"
                + extra + "}";
    }

    private static void stubInvocation(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathMatching("/async-invoke/.*")).willReturn(response));
    }

    @Test
    void start_shouldSendKeyframeInlineAndADeterministicToken_whenTheSameRequestStartsTwice() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo("/async-invoke")).willReturn(json(200, "{\"invocationArn\":\"" + ARN + "\"}")));
        Path keyframe = VendorFixtures.keyframe(dir);
        BedrockLumaRayVideoModel model = model();

        // when
        VideoJob first = model.start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 4, AspectRatio.PORTRAIT,
                540, 960));
        model.start(VendorFixtures.videoRequest(keyframe, dir.resolve("clip.mp4"), 4, AspectRatio.PORTRAIT, 540, 960));

        // then
        assertThat(first.jobId()).isEqualTo(ARN);
        JsonNode one = Json.mapper().readTree(server.getAllServeEvents().get(1).getRequest().getBodyAsString());
        JsonNode two = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(one.path("clientRequestToken").asText()).hasSize(64)
                .isEqualTo(two.path("clientRequestToken").asText());
        assertThat(one.path("modelId").asText()).isEqualTo("luma.ray-v2:0");
        assertThat(one.at("/outputDataConfig/s3OutputDataConfig/s3Uri").asText())
                .isEqualTo("s3://artifacts/bedrock-async/");
        JsonNode input = one.path("modelInput");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(input.path("duration").asText()).isEqualTo("5s");
        assertThat(input.path("resolution").asText()).isEqualTo("540p");
        assertThat(input.path("loop").asBoolean(true)).isFalse();
        assertThat(input.at("/keyframes/frame0/type").asText()).isEqualTo("image");
        assertThat(input.at("/keyframes/frame0/source/type").asText()).isEqualTo("base64");
        assertThat(input.at("/keyframes/frame0/source/media_type").asText()).isEqualTo("image/png");
        assertThat(input.at("/keyframes/frame0/source/data").asText()).isNotBlank();
        assertThat(input.has("seed")).isFalse();
    }

    @Test
    void poll_shouldCopyTheVendorWrittenClipAndPriceIt_whenInvocationCompletesAfterSeveralPolls() throws Exception {
        // given
        server.stubFor(get(urlPathMatching("/async-invoke/.*")).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(200, invocation("InProgress", ""))).willSetStateTo("more"));
        server.stubFor(get(urlPathMatching("/async-invoke/.*")).inScenario("job").whenScenarioStateIs("more")
                .willReturn(json(200, invocation("InProgress", ""))).willSetStateTo("done"));
        server.stubFor(get(urlPathMatching("/async-invoke/.*")).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, invocation("Completed", ",\"endTime\":\"2026-11-22T10:03:00Z\""))));
        server.stubFor(get(urlPathEqualTo(OUTPUT_KEY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(CLIP_720)));
        BedrockLumaRayVideoModel model = model();

        // when
        VideoJobStatus first = model.poll(job(8));
        VideoJobStatus second = model.poll(job(8));
        VideoJobStatus done = model.poll(job(8));
        VideoJobStatus again = model.poll(job(8));

        // then
        assertThat(first.state()).isEqualTo(JobState.RUNNING);
        assertThat(second.state()).isEqualTo(JobState.RUNNING);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4"))).isEqualTo(CLIP_720);
        assertThat(done.cost().quantity()).isEqualByComparingTo("9");
        assertThat(done.cost().unitPriceUsd()).isEqualByComparingTo("1.50");
        assertThat(done.cost().totalUsd()).isEqualByComparingTo("13.50");
        assertThat(again).isEqualTo(done);
        server.verify(1, getRequestedFor(urlPathEqualTo(OUTPUT_KEY)));
    }

    @Test
    void poll_shouldPriceAt540p_whenTheDeliveredClipIs540Lines() {
        // given
        stubInvocation(json(200, invocation("Completed", "")));
        server.stubFor(get(urlPathEqualTo(OUTPUT_KEY)).willReturn(aResponse().withStatus(200).withBody(CLIP_540)));

        // when
        VideoJobStatus done = model().poll(job(5));

        // then
        assertThat(done.cost().totalUsd()).isEqualByComparingTo("3.75");
    }

    @Test
    void poll_shouldThrowContentRejected_whenInvocationFailedOnTheContentFilter() {
        // given
        stubInvocation(json(200, invocation("Failed", ",\"failureMessage\":\"The output video was blocked by our"
                + " content filters.\"")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().poll(job(5)),
                ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("The output video was blocked by our content filters.");
    }

    @Test
    void poll_shouldAnswerFailed_whenInvocationFailedForAnotherReason() {
        // given
        stubInvocation(json(200, invocation("Failed", ",\"failureMessage\":\"Internal model error\"")));

        // when
        VideoJobStatus status = model().poll(job(5));

        // then
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failureReason()).isEqualTo("Internal model error");
    }

    @Test
    void start_shouldThrowThrottledWithRetryAfter_whenBedrockThrottles() {
        // given
        server.stubFor(post(urlPathEqualTo("/async-invoke")).willReturn(
                error(429, "ThrottlingException", "Too many requests").withHeader("Retry-After", "30")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(30);
    }

    @Test
    void poll_shouldSucceed_whenRetriedAfterServiceUnavailable() {
        // given
        server.stubFor(get(urlPathMatching("/async-invoke/.*")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(error(503, "ServiceUnavailableException", "Service unavailable")).willSetStateTo("ok"));
        server.stubFor(get(urlPathMatching("/async-invoke/.*")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, invocation("Completed", ""))));
        server.stubFor(get(urlPathEqualTo(OUTPUT_KEY)).willReturn(aResponse().withStatus(200).withBody(CLIP_720)));
        BedrockLumaRayVideoModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.poll(job(5)), TransientVendorException.class);
        VideoJobStatus retried = model.poll(job(5));

        // then
        assertThat(first).isNotNull();
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void start_shouldThrowInvalidRequest_whenBedrockRejectsTheModelInput() {
        // given
        server.stubFor(post(urlPathEqualTo("/async-invoke")).willReturn(
                error(400, "ValidationException", "Invalid modelInput: duration must be one of 5s, 9s")));
        Path keyframe = VendorFixtures.keyframe(dir);

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model().start(VendorFixtures.videoRequest(keyframe,
                dir.resolve("clip.mp4"), 5, AspectRatio.LANDSCAPE, 1280, 720)), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("Invalid modelInput");
    }

    @Test
    void poll_shouldThrowTransient_whenBedrockIsSlowerThanTheTimeout() {
        // given
        stubInvocation(json(200, invocation("InProgress", "")).withFixedDelay(2500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model(Duration.ofSeconds(1)).poll(job(5)),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void poll_shouldThrowTransientAndLeaveNoFile_whenTheS3ObjectArrivesTruncated() {
        // given
        stubInvocation(json(200, invocation("Completed", "")));
        server.stubFor(get(urlPathEqualTo(OUTPUT_KEY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", Integer.toString(CLIP_720.length))
                .withBody(Arrays.copyOf(CLIP_720, CLIP_720.length / 2))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().poll(job(5)),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).containsAnyOf("truncated", "failed", "incomplete");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }
}
