package dev.reelsmith.providers.text.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.reelsmith.providers.text.ModelRefusedException;
import dev.reelsmith.providers.text.Pitch;
import dev.reelsmith.providers.text.StructuredOutputException;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModelQuotaException;
import dev.reelsmith.providers.text.TextModelRequestException;
import dev.reelsmith.providers.text.TextModelThrottledException;
import dev.reelsmith.providers.text.TextModelUnavailableException;
import dev.reelsmith.providers.text.TokenPrices;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** Bedrock Converse over HTTP against WireMock on 127.0.0.1, with the client built as production builds it. */
class BedrockTextModelTest {
    private static final String MODEL_ID = "anthropic.claude-test-v1:0";
    private static final String CONVERSE_PATH = "/model/anthropic.claude-test-v1%3A0/converse";
    private static final TokenPrices PRICES = TokenPrices.of("0.001", "0.005");
    private static final String VALID = "{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"pour\",\"sip\"]}";
    private static final String MISSING_DURATION = "{\"title\":\"Wake up\",\"beats\":[\"pour\",\"sip\"]}";

    private static WireMockServer server;

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

    private BedrockTextModel model(Duration timeout) {
        client = BedrockTextModel.clientBuilder(timeout)
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .build();
        return new BedrockTextModel(client, new BedrockTextConfig(MODEL_ID, PRICES, 4000, Duration.ofSeconds(5)));
    }

    private BedrockTextModel model() {
        return model(Duration.ofSeconds(5));
    }

    @Test
    void generate_shouldReturnToolInputAndPricedUsage_whenModelCallsTheForcedTool() {
        // given
        stubConverse(ok(toolUse(VALID, "tool_use", 1200, 300)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(1000));

        // then
        assertThat(result.value()).isEqualTo(new Pitch("Wake up", 30, List.of("pour", "sip")));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.usage().inputTokens()).isEqualTo(1200);
        assertThat(result.usage().outputTokens()).isEqualTo(300);
        assertThat(result.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.0027"));
        JsonNode sent = onlyRequestBody();
        assertThat(sent.at("/toolConfig/toolChoice/tool/name").asText()).isEqualTo("submit_pitch");
        assertThat(sent.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("submit_pitch");
        JsonNode inputSchema = sent.at("/toolConfig/tools/0/toolSpec/inputSchema/json");
        assertThat(inputSchema.has("$schema")).isFalse();
        assertThat(inputSchema.path("required")).isEqualTo(Pitch.schema().path("required"));
        assertThat(inputSchema.at("/properties/durationSeconds/minimum").asInt()).isEqualTo(6);
        assertThat(sent.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(1000);
        assertThat(sent.at("/inferenceConfig/temperature").asDouble()).isCloseTo(0.7, offset(1e-6));
        assertThat(sent.at("/system/0/text").asText()).isEqualTo("You write video pitches.");
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(sent.at("/messages/0/content/0/text").asText()).isEqualTo("Pitch a 30 second coffee ad.");
    }

    @Test
    void generate_shouldAnswerToolCallWithErrors_whenFirstInputMissesRequiredField() {
        // given
        stubConverseInOrder(ok(toolUse(MISSING_DURATION, "tool_use", 1000, 200)),
                ok(toolUse(VALID, "tool_use", 1400, 210)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(1000));

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.value().durationSeconds()).isEqualTo(30);
        assertThat(result.usage().inputTokens()).isEqualTo(2400);
        assertThat(result.usage().outputTokens()).isEqualTo(410);
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies).hasSize(2);
        JsonNode repair = bodies.get(1);
        assertThat(repair.path("messages")).hasSize(3);
        assertThat(repair.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(repair.at("/messages/1/content/0/toolUse/toolUseId").asText()).isEqualTo("tooluse_1");
        assertThat(repair.at("/messages/1/content/0/toolUse/input")).isEqualTo(Pitch.json(MISSING_DURATION));
        assertThat(repair.at("/messages/2/role").asText()).isEqualTo("user");
        assertThat(repair.at("/messages/2/content/0/toolResult/toolUseId").asText()).isEqualTo("tooluse_1");
        assertThat(repair.at("/messages/2/content/0/toolResult/content/0/text").asText())
                .contains("/durationSeconds (required): required property 'durationSeconds' not found");
        assertThat(repair.at("/toolConfig/toolChoice/tool/name").asText()).isEqualTo("submit_pitch");
    }

    @Test
    void generate_shouldFailWithSummedUsage_whenRepairedInputIsStillInvalid() {
        // given
        stubConverseInOrder(ok(toolUse(MISSING_DURATION, "tool_use", 1000, 200)),
                ok(toolUse("{\"title\":\"Wake up\",\"durationSeconds\":2,\"beats\":[\"pour\"]}", "tool_use", 1400, 90)));

        // when
        StructuredOutputException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), StructuredOutputException.class);

        // then
        assertThat(thrown).isExactlyInstanceOf(StructuredOutputException.class);
        assertThat(thrown.problems()).containsExactly("/durationSeconds (minimum): must have a minimum value of 6");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(2400, 290));
    }

    @Test
    void generate_shouldRepairWithDoubledLimit_whenAnswerStopsAtMaxTokens() {
        // given
        stubConverseInOrder(ok(toolUse("{\"title\":\"Wake up\",\"beats\":[]}", "max_tokens", 1000, 500)),
                ok(toolUse(VALID, "tool_use", 1300, 300)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(500));

        // then
        assertThat(result.attempts()).isEqualTo(2);
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies.get(0).at("/inferenceConfig/maxTokens").asInt()).isEqualTo(500);
        assertThat(bodies.get(1).at("/inferenceConfig/maxTokens").asInt()).isEqualTo(1000);
        assertThat(bodies.get(1).at("/messages/2/content/0/toolResult/content/0/text").asText())
                .contains("(document) (maxTokens): the answer was cut off at the limit of 500 output tokens"
                        + " (stop reason max_tokens)");
    }

    @Test
    void generate_shouldRefuseWithoutRepair_whenContentIsFiltered() {
        // given
        stubConverse(ok("""
                {"output":{"message":{"role":"assistant","content":[{"text":"The response was blocked."}]}},
                 "stopReason":"content_filtered","usage":{"inputTokens":900,"outputTokens":5,"totalTokens":905},
                 "metrics":{"latencyMs":80}}"""));

        // when
        ModelRefusedException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), ModelRefusedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("content_filtered: The response was blocked.");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(900, 5));
        server.verify(1, postRequestedFor(urlPathEqualTo(CONVERSE_PATH)));
    }

    @Test
    void generate_shouldRefuse_whenGuardrailIntervenes() {
        // given
        stubConverse(ok("""
                {"output":{"message":{"role":"assistant","content":[]}},"stopReason":"guardrail_intervened",
                 "usage":{"inputTokens":700,"outputTokens":0,"totalTokens":700},"metrics":{"latencyMs":30}}"""));

        // when
        ModelRefusedException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), ModelRefusedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("guardrail_intervened");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(700, 0));
    }

    @Test
    void generate_shouldReadJsonFromText_whenModelAnswersWithoutCallingTheTool() {
        // given
        stubConverse(ok("""
                {"output":{"message":{"role":"assistant","content":[{"text":"Here you go: %s"}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":10,"outputTokens":20,"totalTokens":30},
                 "metrics":{"latencyMs":30}}""".formatted(VALID.replace("\"", "\\\""))));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(1000));

        // then
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.value().title()).isEqualTo("Wake up");
    }

    @Test
    void generate_shouldThrowThrottledWithRetryAfterAndNotRetry_whenBedrockAnswers429() {
        // given
        stubConverse(error(429, "ThrottlingException", "Too many requests, please wait before trying again.")
                .withHeader("Retry-After", "7"));

        // when
        TextModelThrottledException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), TextModelThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(7);
        assertThat(thrown).hasMessageContaining("bedrock model " + MODEL_ID)
                .hasMessageContaining("Too many requests");
        server.verify(1, postRequestedFor(urlPathEqualTo(CONVERSE_PATH)));
    }

    @Test
    void generate_shouldThrowUnavailableAndNotRetry_whenBedrockFailsWith500() {
        // given
        stubConverse(error(500, "InternalServerException", "An internal server error occurred."));

        // when
        TextModelUnavailableException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), TextModelUnavailableException.class);

        // then
        assertThat(thrown).hasMessageContaining("An internal server error occurred.");
        server.verify(1, postRequestedFor(urlPathEqualTo(CONVERSE_PATH)));
    }

    @Test
    void generate_shouldThrowUnavailable_whenModelIsNotReady() {
        // given
        stubConverse(error(429, "ModelNotReadyException", "Model is not ready to serve inference requests."));

        // when / then
        assertThat(catchThrowableOfType(() -> model().generate(Pitch.request(1000)),
                TextModelUnavailableException.class)).hasMessageContaining("not ready");
    }

    @Test
    void generate_shouldThrowUnavailable_whenCallTimesOut() {
        // given
        stubConverse(ok(toolUse(VALID, "tool_use", 10, 10)).withFixedDelay(1_000));

        // when
        TextModelUnavailableException thrown = catchThrowableOfType(
                () -> model(Duration.ofMillis(300)).generate(Pitch.request(1000)), TextModelUnavailableException.class);

        // then
        assertThat(thrown).hasMessageContaining("bedrock model " + MODEL_ID);
    }

    @Test
    void generate_shouldThrowQuota_whenServiceQuotaIsExceeded() {
        // given
        stubConverse(error(400, "ServiceQuotaExceededException", "Your request exceeds the service quota."));

        // when / then
        assertThat(catchThrowableOfType(() -> model().generate(Pitch.request(1000)), TextModelQuotaException.class))
                .hasMessageContaining("exceeds the service quota");
    }

    @Test
    void generate_shouldThrowRequest_whenBedrockRejectsTheRequest() {
        // given
        stubConverse(error(400, "ValidationException", "The provided model identifier is invalid."));

        // when / then
        assertThat(catchThrowableOfType(() -> model().generate(Pitch.request(1000)), TextModelRequestException.class))
                .hasMessageContaining("model identifier is invalid");
    }

    @Test
    void generate_shouldThrowRequest_whenAccessIsDenied() {
        // given
        stubConverse(error(403, "AccessDeniedException", "You don't have access to the model."));

        // when / then
        assertThat(catchThrowableOfType(() -> model().generate(Pitch.request(1000)), TextModelRequestException.class))
                .hasMessageContaining("access to the model");
    }

    private static String toolUse(String input, String stopReason, int inputTokens, int outputTokens) {
        return """
                {"output":{"message":{"role":"assistant","content":[
                   {"toolUse":{"toolUseId":"tooluse_1","name":"submit_pitch","input":%s}}]}},
                 "stopReason":"%s",
                 "usage":{"inputTokens":%d,"outputTokens":%d,"totalTokens":%d},
                 "metrics":{"latencyMs":1234}}""".formatted(input, stopReason, inputTokens, outputTokens,
                inputTokens + outputTokens);
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "7f6b3c1e-0000-4000-8000-000000000001").withBody(body);
    }

    /** A Bedrock error as the REST-JSON protocol sends it: the type in a header, the text in the body. */
    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "7f6b3c1e-0000-4000-8000-000000000002")
                .withBody("{\"message\":\"" + message + "\"}");
    }

    private static void stubConverse(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).willReturn(response));
    }

    private static void stubConverseInOrder(ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
        server.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).inScenario("repair").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("repairing"));
        server.stubFor(post(urlPathEqualTo(CONVERSE_PATH)).inScenario("repair").whenScenarioStateIs("repairing")
                .willReturn(second));
    }

    private static List<JsonNode> requestBodies() {
        return server.findAll(postRequestedFor(urlPathEqualTo(CONVERSE_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(Pitch::json).toList();
    }

    private static JsonNode onlyRequestBody() {
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }
}
