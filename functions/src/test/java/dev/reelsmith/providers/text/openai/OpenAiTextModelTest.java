package dev.reelsmith.providers.text.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.reelsmith.providers.text.ModelRefusedException;
import dev.reelsmith.providers.text.Pitch;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.text.StructuredOutputException;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModelQuotaException;
import dev.reelsmith.providers.text.TextModelRequestException;
import dev.reelsmith.providers.text.TextModelThrottledException;
import dev.reelsmith.providers.text.TextModelUnavailableException;
import dev.reelsmith.providers.text.TokenPrices;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat Completions over HTTP against WireMock on 127.0.0.1. */
class OpenAiTextModelTest {
    private static final String KEY = "sk-test-4f9c2a7d0b1e";
    private static final String PATH = "/v1/chat/completions";
    private static final TokenPrices PRICES = TokenPrices.of("0.0004", "0.0016");
    private static final String VALID = "{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"pour\",\"sip\"]}";
    private static final String MISSING_DURATION = "{\"title\":\"Wake up\",\"beats\":[\"pour\",\"sip\"]}";

    private static WireMockServer server;

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

    private static OpenAiTextModel model(Duration requestTimeout) {
        OpenAiTextConfig config = OpenAiTextConfig.of("gpt-4.1-mini", PRICES)
                .withBaseUrl(URI.create(server.baseUrl() + "/v1/"))
                .withTimeouts(Duration.ofSeconds(2), requestTimeout);
        return new OpenAiTextModel(config, SecretSource.fixed(KEY));
    }

    private static OpenAiTextModel model() {
        return model(Duration.ofSeconds(10));
    }

    @Test
    void generate_shouldSendStrictSchemaWithBearerKey_whenSchemaHasAStrictForm() {
        // given
        stub(ok(completion(VALID, "stop", 1500, 250)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(1000));

        // then
        assertThat(result.value()).isEqualTo(new Pitch("Wake up", 30, List.of("pour", "sip")));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.usage().inputTokens()).isEqualTo(1500);
        assertThat(result.usage().outputTokens()).isEqualTo(250);
        assertThat(result.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.001"));
        server.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json")));
        JsonNode sent = requestBodies().get(0);
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(1000);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.at("/messages/0")).isEqualTo(Pitch.json(
                "{\"role\":\"system\",\"content\":\"You write video pitches.\"}"));
        assertThat(sent.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(sent.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/response_format/json_schema/name").asText()).isEqualTo("pitch");
        assertThat(sent.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        JsonNode schema = sent.at("/response_format/json_schema/schema");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.at("/properties/title").has("minLength")).isFalse();
    }

    @Test
    void generate_shouldSendNonStrictSchema_whenAPropertyIsOptional() {
        // given
        stub(ok(completion(VALID, "stop", 10, 10)));
        StructuredRequest<Pitch> strict = Pitch.request(1000);
        ObjectNode schema = strict.schema().deepCopy();
        schema.putArray("required").add("title").add("durationSeconds");
        StructuredRequest<Pitch> request = new StructuredRequest<>("pitch", strict.systemPrompt(), strict.userPrompt(),
                schema, Pitch.class, 0.2, 1000, strict.context());

        // when
        model().generate(request);

        // then
        JsonNode format = requestBodies().get(0).at("/response_format/json_schema");
        assertThat(format.path("strict").asBoolean(true)).isFalse();
        assertThat(format.at("/schema/properties/title/minLength").asInt()).isEqualTo(1);
        assertThat(format.path("schema").has("$schema")).isFalse();
    }

    @Test
    void generate_shouldReplayAnswerAndListErrors_whenFirstAnswerMissesRequiredField() {
        // given
        stubInOrder(ok(completion(MISSING_DURATION, "stop", 1000, 100)), ok(completion(VALID, "stop", 1200, 120)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(1000));

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.usage().inputTokens()).isEqualTo(2200);
        assertThat(result.usage().outputTokens()).isEqualTo(220);
        JsonNode repair = requestBodies().get(1);
        assertThat(repair.path("messages")).hasSize(4);
        assertThat(repair.at("/messages/2/role").asText()).isEqualTo("assistant");
        assertThat(repair.at("/messages/2/content").asText()).isEqualTo(MISSING_DURATION);
        assertThat(repair.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(repair.at("/messages/3/content").asText())
                .contains("- /durationSeconds (required): required property 'durationSeconds' not found");
    }

    @Test
    void generate_shouldRepair_whenFirstAnswerIsMalformedJson() {
        // given
        stubInOrder(ok(completion("{\"title\": \"Wake up\", \"durationSeconds\": 30, beats: [}", "stop", 900, 40)),
                ok(completion("```json\n" + VALID + "\n```", "stop", 1000, 60)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(1000));

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.value().beats()).containsExactly("pour", "sip");
        assertThat(requestBodies().get(1).at("/messages/3/content").asText())
                .contains("(document) (syntax): the answer is not valid JSON");
    }

    @Test
    void generate_shouldFailWithSummedUsage_whenRepairedAnswerIsStillInvalid() {
        // given
        stubInOrder(ok(completion(MISSING_DURATION, "stop", 1000, 100)),
                ok(completion("{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"Wake up\"]}", "stop", 1200, 50)));

        // when
        StructuredOutputException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), StructuredOutputException.class);

        // then
        assertThat(thrown.problems()).containsExactly("(document) (invalid): beats must not repeat the title \"Wake up\"");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(2200, 150));
    }

    @Test
    void generate_shouldRepairWithDoubledLimit_whenFinishReasonIsLength() {
        // given
        stubInOrder(ok(completion("{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"po", "length", 1000, 300)),
                ok(completion(VALID, "stop", 1100, 200)));

        // when
        StructuredResult<Pitch> result = model().generate(Pitch.request(300));

        // then
        assertThat(result.attempts()).isEqualTo(2);
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies.get(0).path("max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(bodies.get(1).path("max_completion_tokens").asInt()).isEqualTo(600);
    }

    @Test
    void generate_shouldRefuseWithoutRepair_whenModelReturnsARefusal() {
        // given
        stub(ok("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1763800000,"model":"gpt-4.1-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,
                   "refusal":"I'm sorry, I can't help with that request."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":800,"completion_tokens":12,"total_tokens":812}}"""));

        // when
        ModelRefusedException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), ModelRefusedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("refusal: I'm sorry, I can't help with that request.");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(800, 12));
        server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void generate_shouldThrowThrottledWithRetryAfter_whenRateLimited() {
        // given
        stub(error(429, "rate_limit_exceeded", "requests", "Rate limit reached for gpt-4.1-mini.")
                .withHeader("Retry-After", "12"));

        // when
        TextModelThrottledException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), TextModelThrottledException.class);

        // then
        assertThat(thrown.retryAfterSeconds()).hasValue(12);
        assertThat(thrown).hasMessageContaining("HTTP 429 rate_limit_exceeded: Rate limit reached");
        server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertNoKeyIn(thrown);
    }

    @Test
    void generate_shouldThrowQuota_whenQuotaIsInsufficient() {
        // given
        stub(error(429, "insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details."));

        // when
        TextModelQuotaException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), TextModelQuotaException.class);

        // then
        assertThat(thrown).hasMessageContaining("You exceeded your current quota");
        assertNoKeyIn(thrown);
    }

    @Test
    void generate_shouldThrowUnavailable_whenServerFailsWith503() {
        // given
        stub(aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>overloaded</html>"));

        // when
        TextModelUnavailableException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), TextModelUnavailableException.class);

        // then
        assertThat(thrown).hasMessageContaining("HTTP 503");
        server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void generate_shouldThrowUnavailable_whenResponseIsSlowerThanTheRequestTimeout() {
        // given
        stub(ok(completion(VALID, "stop", 10, 10)).withFixedDelay(1_600));

        // when
        Throwable thrown = catchThrowable(() -> model(Duration.ofSeconds(1)).generate(Pitch.request(1000)));

        // then
        assertThat(thrown).isInstanceOf(TextModelUnavailableException.class).hasMessageContaining("timed out");
    }

    @Test
    void generate_shouldThrowRequestWithoutTheKey_whenKeyIsRejected() {
        // given
        stub(error(401, "invalid_api_key", "invalid_request_error",
                "Incorrect API key provided: " + KEY + ". You can find your API key at https://platform.openai.com."));

        // when
        TextModelRequestException thrown = catchThrowableOfType(
                () -> model().generate(Pitch.request(1000)), TextModelRequestException.class);

        // then
        assertThat(thrown).hasMessageContaining("HTTP 401 invalid_api_key: Incorrect API key provided: ****.");
        assertNoKeyIn(thrown);
    }

    @Test
    void generate_shouldThrowRequest_whenRequestIsInvalid() {
        // given
        stub(error(400, "invalid_json_schema", "invalid_request_error",
                "Invalid schema for response_format 'pitch'."));

        // when / then
        assertThat(catchThrowableOfType(() -> model().generate(Pitch.request(1000)), TextModelRequestException.class))
                .hasMessageContaining("Invalid schema for response_format 'pitch'");
    }

    @Test
    void generate_shouldThrowRequest_whenSecretIsEmpty() {
        // given
        OpenAiTextModel model = new OpenAiTextModel(OpenAiTextConfig.of("gpt-4.1-mini", PRICES)
                .withBaseUrl(URI.create(server.baseUrl() + "/v1")), () -> " ");

        // when / then
        assertThat(catchThrowableOfType(() -> model.generate(Pitch.request(1000)), TextModelRequestException.class))
                .hasMessageContaining("the API key is empty");
        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void retryAfter_shouldPreferMilliseconds_whenBothHeadersArePresent() {
        // given
        HttpHeaders headers = HttpHeaders.of(Map.of("retry-after-ms", List.of("2500"), "retry-after", List.of("9")),
                (name, value) -> true);

        // when / then
        assertThat(OpenAiTextModel.retryAfter(headers, Instant.EPOCH)).hasValue(3);
    }

    private static void assertNoKeyIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    private static String completion(String content, String finishReason, int promptTokens, int completionTokens) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1763800000,"model":"gpt-4.1-mini-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},
                   "logprobs":null,"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d},
                 "service_tier":"default","system_fingerprint":"fp_test"}""".formatted(
                new TextNode(content).toString(), finishReason, promptTokens, completionTokens,
                promptTokens + completionTokens);
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String code, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":" + new TextNode(message) + ",\"type\":\"" + type
                        + "\",\"param\":null,\"code\":\"" + code + "\"}}");
    }

    private static void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    private static void stubInOrder(ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("repair").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("repairing"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("repair").whenScenarioStateIs("repairing")
                .willReturn(second));
    }

    private static List<JsonNode> requestBodies() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(Pitch::json).toList();
    }
}
