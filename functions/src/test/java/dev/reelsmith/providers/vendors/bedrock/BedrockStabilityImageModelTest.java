package dev.reelsmith.providers.vendors.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.text.bedrock.BedrockTextModel;
import dev.reelsmith.providers.vendors.VendorFixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** Stability image models through the real Bedrock Runtime SDK client, pointed at WireMock on 127.0.0.1. */
class BedrockStabilityImageModelTest {
    private static final String PATH = "/model/stability.stable-image-ultra-v1%3A1/invoke";
    private static final byte[] PNG = VendorFixtures.png(1536, 864);

    private static WireMockServer server;

    @TempDir
    Path dir;

    private BedrockRuntimeClient client;

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
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private BedrockStabilityImageModel model(Duration timeout) {
        client = BedrockTextModel.clientBuilder(timeout)
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .build();
        return new BedrockStabilityImageModel(client, BedrockStabilityImageModel.ULTRA);
    }

    private BedrockStabilityImageModel model() {
        return model(Duration.ofSeconds(5));
    }

    private static void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type).withBody("{\"message\":\"" + message + "\"}");
    }

    private static String image(byte[] png) {
        return "{\"seeds\":[42],\"finish_reasons\":[null],\"images\":[\"" + Base64.getEncoder().encodeToString(png)
                + "\"]}";
    }

    private Path output() {
        return dir.resolve("keyframes").resolve("s01.png");
    }

    @Test
    void generate_shouldWriteDecodedPngAndPriceOneImage_whenBedrockReturnsAnImage() throws Exception {
        // given
        stub(ok(image(PNG)));

        // when
        ImageResult result = model().generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1536, 864));

        // then
        assertThat(Files.readAllBytes(output())).isEqualTo(PNG);
        assertThat(result.mimeType()).isEqualTo("image/png");
        assertThat(result.width()).isEqualTo(1536);
        assertThat(result.height()).isEqualTo(864);
        assertThat(result.seed()).isEqualTo(42);
        assertThat(result.cost().totalUsd()).isEqualByComparingTo("0.14");
        assertThat(result.providerId()).isEqualTo("bedrock");
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("prompt").asText()).isEqualTo("a runner crossing a bridge at dawn, cinematic");
        assertThat(sent.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(sent.path("seed").asLong()).isEqualTo(42);
        assertThat(sent.path("output_format").asText()).isEqualTo("png");
        assertThat(sent.path("negative_prompt").asText()).isEqualTo("blurry");
        assertThat(sent.has("mode")).isFalse();
    }

    @Test
    void generate_shouldThrowContentRejectedWithFinishReason_whenPromptIsFiltered() {
        // given
        stub(ok("{\"seeds\":[42],\"finish_reasons\":[\"Filter reason: prompt\"],\"images\":[]}"));

        // when
        ContentRejectedException thrown = catchThrowableOfType(
                () -> model().generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)),
                ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("Filter reason: prompt");
        assertThat(output()).doesNotExist();
    }

    @Test
    void generate_shouldThrowThrottledWithRetryAfter_whenBedrockThrottles() {
        // given
        stub(error(429, "ThrottlingException", "Too many requests, please wait before trying again.")
                .withHeader("Retry-After", "12"));

        // when
        ThrottledException thrown = catchThrowableOfType(
                () -> model().generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)),
                ThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(12);
    }

    @Test
    void generate_shouldSucceed_whenRetriedAfterAnInternalServerError() {
        // given
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(error(500, "InternalServerException", "internal error")).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(ok(image(PNG))));
        BedrockStabilityImageModel model = model();

        // when
        TransientVendorException first = catchThrowableOfType(
                () -> model.generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1536, 864)),
                TransientVendorException.class);
        ImageResult retried = model.generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1536, 864));

        // then
        assertThat(first).isNotNull();
        assertThat(retried.file()).exists();
        server.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void generate_shouldThrowInvalidRequest_whenBedrockRejectsTheInput() {
        // given
        stub(error(400, "ValidationException", "Malformed input request: #/aspect_ratio: 7:3 is not a valid enum value"));

        // when
        InvalidRequestException thrown = catchThrowableOfType(
                () -> model().generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)),
                InvalidRequestException.class);

        // then
        assertThat(thrown.getMessage()).contains("Malformed input request");
    }

    @Test
    void generate_shouldThrowTransient_whenBedrockIsSlowerThanTheTimeout() {
        // given
        stub(ok(image(PNG)).withFixedDelay(2500));

        // when
        TransientVendorException thrown = catchThrowableOfType(
                () -> model(Duration.ofSeconds(1)).generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE,
                        1024, 1024)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @Test
    void generate_shouldThrowTransientAndWriteNothing_whenTheImageIsCutShort() {
        // given
        stub(ok(image(Arrays.copyOf(PNG, PNG.length - 40))));

        // when
        TransientVendorException thrown = catchThrowableOfType(
                () -> model().generate(VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 1024, 1024)),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("incomplete");
        assertThat(output()).doesNotExist();
    }
}
