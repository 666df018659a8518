package dev.reelsmith.providers.vendors.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI's images/generations endpoint against WireMock on 127.0.0.1, shaped like the OpenAI OpenAPI spec. */
class OpenAiImageModelTest {
    private static final String KEY = "sk-test-images-9a8b";
    private static final String PATH = "/v1/images/generations";
    private static final byte[] PNG = VendorFixtures.png(1536, 1024);

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

    private OpenAiImageModel model(String name, String quality, Duration timeout) {
        OpenAiApi api = new OpenAiApi(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl() + "/v1"),
                SecretSource.fixed(KEY), timeout, timeout, 50_000_000);
        return new OpenAiImageModel(api, name, quality);
    }

    private OpenAiImageModel model() {
        return model("gpt-image-1.5", "medium", Duration.ofSeconds(5));
    }

    private Path output() {
        return dir.resolve("s01.png");
    }

    private static void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String image(byte[] png) {
        return "{\"created\":1763800000,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png) + "\"}],"
                + "\"usage\":{\"input_tokens\":50,\"output_tokens\":1568,\"total_tokens\":1618}}";
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\""
                + code + "\"}}";
    }

    @Test
    void generate_shouldRequestLandscapeSizeAndPriceTheOblongImage_whenAspectIs16By9() throws Exception {
        // given
        stub(json(200, image(PNG)));

        // when
        ImageResult result = model().generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1920, 1080));

        // then
        assertThat(Files.readAllBytes(output())).isEqualTo(PNG);
        assertThat(result.width()).isEqualTo(1536);
        assertThat(result.height()).isEqualTo(1024);
        assertThat(result.cost().totalUsd()).isEqualByComparingTo("0.05");
        server.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("gpt-image-1.5");
        assertThat(sent.path("size").asText()).isEqualTo("1536x1024");
        assertThat(sent.path("quality").asText()).isEqualTo("medium");
        assertThat(sent.path("n").asInt()).isEqualTo(1);
        assertThat(sent.path("output_format").asText()).isEqualTo("png");
    }

    @Test
    void generate_shouldPriceTheSquareImage_whenMiniHighMakesAOneByOne() {
        // given
        stub(json(200, image(VendorFixtures.png(1024, 1024))));

        // when
        ImageResult result = model("gpt-image-1-mini", "high", Duration.ofSeconds(5))
                .generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1080, 1080));

        // then
        assertThat(result.cost().totalUsd()).isEqualByComparingTo("0.036");
    }

    @Test
    void generate_shouldThrowContentRejected_whenTheSafetySystemBlocksThePrompt() {
        // given
        stub(json(400, error("Your request was rejected by the safety system. safety_violations=[violence].",
                "image_generation_user_error", "moderation_blocked")));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).startsWith("moderation_blocked: Your request was rejected by the safety system");
    }

    @Test
    void generate_shouldThrowThrottledWithRetryAfterMs_whenRateLimited() {
        // given
        stub(json(429, error("Rate limit reached for images per minute", "requests", "rate_limit_exceeded"))
                .withHeader("retry-after-ms", "7200"));

        // when
        ThrottledException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(8);
    }

    @Test
    void generate_shouldThrowQuotaExceeded_whenTheAccountHasNoCredit() {
        // given
        stub(json(429, error("You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota", "insufficient_quota")));

        // when
        QuotaExceededException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), QuotaExceededException.class);

        // then
        assertThat(thrown.getMessage()).contains("insufficient_quota");
    }

    @Test
    void generate_shouldSucceed_whenRetriedAfterA500() {
        // given
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(500, error("The server had an error", "server_error", "")))
                .willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, image(PNG))));
        OpenAiImageModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(() -> model.generate(
                VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1920, 1080)), TransientVendorException.class);
        ImageResult retried = model.generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1920, 1080));

        // then
        assertThat(first.getMessage()).contains("HTTP 500");
        assertThat(retried.file()).exists();
    }

    @Test
    void generate_shouldThrowInvalidRequest_whenOpenAiRejectsAParameter() {
        // given
        stub(json(400, error("Invalid value: '4096x4096'. Supported values are: '1024x1024', '1024x1536', '1536x1024'"
                + " and 'auto'.", "invalid_request_error", "invalid_value")));

        // when
        InvalidRequestException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)), InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("invalid_value");
    }

    @Test
    void generate_shouldThrowTransient_whenOpenAiIsSlowerThanTheTimeout() {
        // given
        stub(json(200, image(PNG)).withFixedDelay(1500));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model("gpt-image-1.5", "low",
                Duration.ofMillis(300)).generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void generate_shouldThrowTransientAndWriteNothing_whenTheImageIsCutShort() {
        // given
        stub(json(200, image(Arrays.copyOf(PNG, PNG.length / 2))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1920, 1080)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("incomplete");
        assertThat(output()).doesNotExist();
    }
}
