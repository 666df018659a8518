package dev.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.domain.Json;
import dev.reelsmith.steps.StepConfig;
import dev.reelsmith.steps.StepDependencies;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The handler's routes on real API Gateway HTTP API (payload 2.0) events, loaded from {@code events/} with
 * aws-lambda-java-tests: everything that needs no AWS service (health, the document, the catalog, the planning
 * agents, caller identity, routing and every way a request can be refused). Routes over sessions run against the
 * local cloud in the local module's {@code ApiServerTest}.
 */
class ApiRoutesTest {
    private static final ApiHandler HANDLER = new ApiHandler(StepDependencies.builder(StepConfig.from(Map.of(
            "REELSMITH_TABLE", "reelsmith", "REELSMITH_ARTIFACTS_BUCKET", "artifacts",
            "REELSMITH_INBOX_BUCKET", "inbox"))).build());

    private static APIGatewayV2HTTPResponse handle(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        return HANDLER.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }

    @Test
    void health_shouldAnswerOk_withoutAnyCallerIdentity() throws Exception {
        // given an event with no authorizer

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-health.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(body(response).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void health_shouldBeFound_whenTheRawPathStartsWithANamedStage() {
        // given rawPath /prod/health on stage prod

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-health-named-stage.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void openApi_shouldServeTheDocument_asJson() throws Exception {
        // given
        String fixture = "apigw-v2-openapi.json";

        // when
        JsonNode document = body(handle(fixture));

        // then
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("paths").has("/sessions/{id}/review/images")).isTrue();
    }

    @Test
    void catalog_shouldListEveryToolWithPriceAndStatus_inTheCatalogSchemasShape() throws Exception {
        // given an IAM-authorised caller

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-catalog-iam.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode catalog = body(response);
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.TOOL_CATALOG, catalog)).isEmpty();
        assertThat(catalog.path("tools").size()).isGreaterThan(10);
        JsonNode local = catalog.path("tools").get(0);
        assertThat(local.path("price").has("usd")).isTrue();
        assertThat(local.path("status").asText()).isIn("active", "legacy", "eol");
    }

    @Test
    void plan_shouldReturnScriptShotsPlanAndStoryboard_withinTheBriefsBudget() throws Exception {
        // given the sneaker brief ($25 budget) from a JWT caller

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-plan-jwt.json");

        // then
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(result.path("needsAnswers").asBoolean()).isFalse();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SCRIPT, result.path("script"))).isEmpty();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SHOTS, result.path("shots"))).isEmpty();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.PLAN, result.path("plan"))).isEmpty();
        assertThat(result.path("plan").path("totalCostUsd").decimalValue())
                .isLessThanOrEqualTo(new BigDecimal("25"));
        assertThat(result.path("storyboard").asText()).startsWith("# Stride One launch");
        assertThat(result.path("textModel").asText()).startsWith("local:");
    }

    @Test
    void script_shouldReturnTheClarifyingQuestions_whenTheBriefHasNoProduct() throws Exception {
        // given a base64-encoded body with the missing-product example

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-script-base64.json");

        // then
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(result.path("needsAnswers").asBoolean()).isTrue();
        assertThat(result.path("questions").toString()).contains("product.name");
        assertThat(result.has("shots")).isFalse();
    }

    @Test
    void createSession_shouldAnswer422NamingEveryField_whenTheBriefIsInvalid() throws Exception {
        // given durationSeconds 3 and a misspelt durationSecs

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-create-session-invalid.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://reelsmith.dev/problems/invalid-body");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("instance").asText()).isEqualTo("/sessions");
        assertThat(pointers(problem)).contains("/durationSeconds", "/durationSecs");
        assertThat(problem.path("errors").toString()).contains("durationSeconds must be at least 6, was 3")
                .contains("did you mean");
    }

    @Test
    void createSongSession_shouldName_theFileNameTheContentTypeAndTheSidecarsField() throws Exception {
        // given a text file, a text content type and a misspelt sidecar property

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-song-session-invalid.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(pointers(body(response))).containsExactlyInAnyOrder("/song/fileName", "/song/contentType",
                "/song/sidecar/titel");
    }

    @Test
    void listSessions_shouldAnswer401_whenNoAuthorizerNamedTheCaller() throws Exception {
        // given no authorizer in the request context

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-list-sessions-anonymous.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(body(response).path("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void listSessions_shouldAnswer401_whenTheJwtSubjectIsTheReservedInboxOwner() {
        // given a JWT whose sub is "inbox", the owner of direct uploads

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-list-sessions-inbox-subject.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(401);
    }

    @Test
    void listSessions_shouldAnswer400NamingTheParameter_whenTheLimitIsOutOfRange() throws Exception {
        // given limit=500

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-list-sessions-bad-limit.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = body(response).path("errors").get(0);
        assertThat(error.path("parameter").asText()).isEqualTo("limit");
        assertThat(error.path("message").asText()).isEqualTo("limit must be between 1 and 100, was 500");
    }

    @Test
    void unknownPath_shouldAnswer404Problem() throws Exception {
        // given GET /videos

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-unknown-route.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).path("type").asText()).endsWith("/no-such-route");
    }

    @Test
    void wrongMethod_shouldAnswer405_withTheAllowedMethods() {
        // given PUT /sessions

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-method-not-allowed.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "POST, GET");
    }

    @Test
    void malformedJson_shouldAnswer400_withWhereTheParserStopped() throws Exception {
        // given a body with a trailing comma

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-shots-malformed.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(problem.path("type").asText()).endsWith("/malformed-body");
        assertThat(problem.path("detail").asText()).contains("not valid JSON").contains("line 1");
        assertThat(pointers(problem)).containsExactly("");
    }

    @Test
    void formBody_shouldAnswer415() {
        // given application/x-www-form-urlencoded

        // when
        APIGatewayV2HTTPResponse response = handle("apigw-v2-shots-wrong-media-type.json");

        // then
        assertThat(response.getStatusCode()).isEqualTo(415);
    }

    private static List<String> pointers(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.path("pointer").asText()).toList();
    }
}
