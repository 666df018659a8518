package dev.reelsmith.providers.vendors.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.VendorFixtures;
import dev.reelsmith.providers.vendors.VendorFixtures.ManualClock;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runway's text_to_image task, polled inside the synchronous call, against WireMock on 127.0.0.1. */
class RunwayImageModelTest {
    private static final byte[] PNG = VendorFixtures.png(1920, 1080);

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

    private RunwayImageModel model(Duration timeout) {
        RunwayApi api = new RunwayApi(VendorHttp.newClient(Duration.ofSeconds(2)), URI.create(server.baseUrl()),
                SecretSource.fixed("key_img"), timeout, timeout, 50_000_000);
        return new RunwayImageModel(api, Optional.empty(), clock::advance, clock, Duration.ofSeconds(2),
                Duration.ofSeconds(20));
    }

    private RunwayImageModel model() {
        return model(Duration.ofSeconds(5));
    }

    private Path output() {
        return dir.resolve("s01.png");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String task(String status, String extra) {
        return "{\"id\":\"img-1\",\"status\":\"" + status + "\",\"createdAt\":\"2026-11-22T10:00:00Z\"" + extra + "}";
    }

    private static String succeeded() {
        return task("SUCCEEDED", ",\"output\":[\"" + server.baseUrl() + "/files/img-1.png\"]");
    }

    @Test
    void generate_shouldUseThe1080pRatioAndPriceEightCredits_whenTheTaskSucceedsAfterSeveralPolls() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/text_to_image")).willReturn(json(200, "{\"id\":\"img-1\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/img-1")).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(json(200, task("PENDING", ""))).willSetStateTo("running"));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/img-1")).inScenario("t").whenScenarioStateIs("running")
                .willReturn(json(200, task("RUNNING", ""))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/img-1")).inScenario("t").whenScenarioStateIs("done")
                .willReturn(json(200, succeeded())));
        server.stubFor(get(urlPathEqualTo("/files/img-1.png")).willReturn(aResponse().withStatus(200).withBody(PNG)));

        // when
        ImageResult result = model().generate(VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1920, 1080));

        // then
        assertThat(Files.readAllBytes(output())).isEqualTo(PNG);
        assertThat(result.cost().totalUsd()).isEqualByComparingTo("0.08");
        JsonNode sent = Json.mapper().readTree(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/text_to_image")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("gen4_image");
        assertThat(sent.path("ratio").asText()).isEqualTo("1920:1080");
        assertThat(sent.path("seed").asLong()).isEqualTo(42);
    }

    @Test
    void generate_shouldThrowContentRejected_whenTheOutputFailsModeration() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/text_to_image")).willReturn(json(200, "{\"id\":\"img-1\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/img-1")).willReturn(json(200, task("FAILED",
                ",\"failure\":\"The output was flagged\",\"failureCode\":\"SAFETY.OUTPUT.IMAGE\""))));

        // when
        ContentRejectedException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 720, 720)), ContentRejectedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("SAFETY.OUTPUT.IMAGE: The output was flagged");
    }

    @Test
    void generate_shouldThrowTransientNamingTheTask_whenItOutlivesTheWaitLimit() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/text_to_image")).willReturn(json(200, "{\"id\":\"img-1\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/img-1")).willReturn(json(200, task("THROTTLED", ""))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.SQUARE, 720, 720)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("image task img-1 is still THROTTLED after 20 s");
    }

    @Test
    void generate_shouldThrowTransientAndWriteNothing_whenTheImageDownloadIsTruncated() {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/text_to_image")).willReturn(json(200, "{\"id\":\"img-1\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/tasks/img-1")).willReturn(json(200, succeeded())));
        server.stubFor(get(urlPathEqualTo("/files/img-1.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", Integer.toString(PNG.length)).withBody(Arrays.copyOf(PNG, 64))));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> model().generate(
                VendorFixtures.imageRequest(output(), AspectRatio.LANDSCAPE, 1280, 720)), TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("truncated");
        assertThat(output()).doesNotExist();
    }
}
