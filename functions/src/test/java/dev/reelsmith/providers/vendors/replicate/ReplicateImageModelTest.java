package dev.reelsmith.providers.vendors.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.QuotaExceededException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.VendorFixtures;
import dev.reelsmith.providers.vendors.VendorFixtures.ManualClock;
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

/** Replicate predictions for Flux images against WireMock on 127.0.0.1, shaped like replicate.com/docs. */
class ReplicateImageModelTest {
    private static final String KEY = "r8_test_token_0c1d";
    private static final String CREATE = "/v1/models/black-forest-labs/flux-schnell/predictions";
    private static final byte[] PNG = VendorFixtures.png(1344, 768);

    private static WireMockServer server;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

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

    private ReplicateImageModel model(Duration timeout) {
        ReplicateApi api = new ReplicateApi(VendorHttp.newClient(Duration.ofSeconds(2)),
                URI.create(server.baseUrl() + "/v1"), SecretSource.fixed(KEY), timeout, timeout, 50_000_000);
        return new ReplicateImageModel(api, "black-forest-labs/flux-schnell", ReplicateImageModel.fluxSchnell(),
                new BigDecimal("0.003"), clock::advance, clock, Duration.ofSeconds(2), Duration.ofSeconds(30), 5);
    }

    private ReplicateImageModel model() {
        return model(Duration.ofSeconds(5));
    }

    private Path output() {
        return dir.resolve("s01.png");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String prediction(String status, String extra) {
        return "{\"id\":\"p1\",\"model\":\"black-forest-labs/flux-schnell\",\"status\":\"" + status + "\","
                + "\"urls\":{\"get\":\"" + server.baseUrl() + "/v1/predictions/p1\"}" + extra + "}";
    }

    private static String succeeded() {
        return prediction("succeeded", ",\"output\":[\"" + server.baseUrl() + "/delivery/out-0.png\"],"
                + "\"metrics\":{\"predict_time\":0.9}");
    }

    private static void stubCreate(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(response));
    }

    private static void stubImage(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/delivery/out-0.png")).willReturn(response));
    }

    @Test
    void generate_shouldPollUntilSucceededAndDownloadTheImage_whenPredictionOutlivesTheShortWait() throws Exception {
        // given
        stubCreate(json(201, prediction("starting", "")));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/p1")).inScenario("p").whenScenarioStateIs(STARTED)
                .willReturn(json(200, prediction("processing", ""))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/p1")).inScenario("p").whenScenarioStateIs("done")
                .willReturn(json(200, succeeded())));
        stubImage(aResponse().withStatus(200).withBody(PNG));

        // when
        ImageResult result = model().generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1344, 768));

        // then
        assertThat(Files.readAllBytes(output())).isEqualTo(PNG);
        assertThat(result.width()).isEqualTo(1344);
        assertThat(result.cost().totalUsd()).isEqualByComparingTo("0.003");
        server.verify(postRequestedFor(urlPathEqualTo(CREATE)).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Prefer", equalTo("wait=5")));
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CREATE)).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(sent.at("/input/prompt").asText()).isEqualTo("a runner crossing a bridge at dawn, cinematic");
        assertThat(sent.at("/input/aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(sent.at("/input/num_outputs").asInt()).isEqualTo(1);
        assertThat(sent.at("/input/output_format").asText()).isEqualTo("png");
        assertThat(sent.has("version")).isFalse();
    }

    @Test
    void generate_shouldThrowTransientNamingThePrediction_whenItIsStillRunningAtTheWaitLimit() {
        // given
        stubCreate(json(201, prediction("starting", "")));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/p1")).willReturn(json(200, prediction("processing", ""))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("prediction p1 is still processing after 30 s");
    }

    @Test
    void generate_shouldThrowContentRejected_whenTheModelFlagsNsfwContent() {
        // given
        stubCreate(json(201, prediction("failed", ",\"error\":\"NSFW content detected. Try running it again, or try a"
                + " different prompt.\"")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).startsWith("NSFW content detected");
    }

    @Test
    void generate_shouldThrowThrottledWithTheSecondsFromTheProse_whenReplicateAnswers429() {
        // given
        stubCreate(json(429, "{\"title\":\"Request was throttled\",\"detail\":\"Request was throttled. Your rate"
                + " limit resets in ~30s.\",\"status\":429}"));

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(30);
    }

    @Test
    void generate_shouldThrowQuotaExceeded_whenCreditIsExhausted() {
        // given
        stubCreate(json(402, "{\"title\":\"Insufficient credit\",\"detail\":\"You have insufficient credit to run this"
                + " model.\",\"status\":402}"));

        // when
        QuotaExceededException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), QuotaExceededException.class);

        // then
        assertThat(thrown.getMessage()).contains("insufficient credit");
    }

    @Test
    void generate_shouldSucceed_whenRetriedAfterA500() {
        // given
        server.stubFor(post(urlPathEqualTo(CREATE)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(500, "{\"title\":\"Internal Server Error\",\"status\":500}")).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(CREATE)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(201, succeeded())));
        stubImage(aResponse().withStatus(200).withBody(PNG));
        ReplicateImageModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.generate(
                VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1344, 768)), TransientVendorException.class);
        ImageResult retried = model.generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1344, 768));

        // then
        assertThat(first.getMessage()).contains("HTTP 500");
        assertThat(retried.file()).exists();
    }

    @Test
    void generate_shouldThrowInvalidRequest_whenTheInputFailsValidation() {
        // given
        stubCreate(json(422, "{\"title\":\"Input validation failed\",\"detail\":\"- input.aspect_ratio: aspect_ratio"
                + " must be one of the following\",\"status\":422}"));

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("HTTP 422").contains("aspect_ratio");
    }

    @Test
    void generate_shouldThrowTransient_whenReplicateIsSlowerThanTheTimeout() {
        // given
        stubCreate(json(201, succeeded()).withFixedDelay(1500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model(Duration.ofMillis(300)).generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void generate_shouldThrowTransientAndWriteNothing_whenTheDownloadIsTruncated() {
        // given
        stubCreate(json(201, succeeded()));
        stubImage(aResponse().withStatus(200).withHeader("Content-Length", Integer.toString(PNG.length))
                .withBody(Arrays.copyOf(PNG, 500)));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(output()).doesNotExist();
    }
}
