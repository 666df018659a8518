package dev.reelsmith.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.api.ApiRequest;
import dev.reelsmith.domain.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The local server's requests as API Gateway HTTP API events: the same fields as AWS's sample event, decoded by the
 * Lambda runtime's serialiser into {@link APIGatewayV2HTTPEvent}, and read by the API as the right caller.
 */
class ApiHttpEventsTest {
    private static final Path AWS_SAMPLE = Path.of("..", "functions", "src", "test", "resources", "events",
            "apigw-v2-health.json").toAbsolutePath().normalize();
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private static HttpApiEvents.Request request(String method, String uri, Map<String, List<String>> headers,
                                                 byte[] body) {
        return new HttpApiEvents.Request(method, URI.create(uri), headers, body, "HTTP/1.1", "127.0.0.1",
                "127.0.0.1:4575");
    }

    private static APIGatewayV2HTTPEvent decode(ObjectNode event) {
        return JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class).fromJson(event.toString());
    }

    @Test
    void event_shouldCarryPathQueryHeadersCookiesAndTextBody_asApiGatewayDoes() {
        // given
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-type", List.of("application/json"));
        headers.put("X-trace", List.of("a", "b"));
        headers.put("Cookie", List.of("theme=dark; lang=en"));
        HttpApiEvents.Request request = request("POST", "/sessions/s1/events?after=3&tag=a&tag=b%20c", headers,
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

        // when
        APIGatewayV2HTTPEvent event = decode(HttpApiEvents.event(request, Optional.empty(), "req-1", "123456789012",
                NOW));

        // then
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("$default");
        assertThat(event.getRawPath()).isEqualTo("/sessions/s1/events");
        assertThat(event.getRawQueryString()).isEqualTo("after=3&tag=a&tag=b%20c");
        assertThat(event.getQueryStringParameters()).containsEntry("after", "3").containsEntry("tag", "a,b c");
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("x-trace", "a,b").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("theme=dark", "lang=en");
        assertThat(event.getBody()).isEqualTo("{\"x\":1}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/sessions/s1/events");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo("req-1");
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(event.getRequestContext().getTime()).isEqualTo("01/May/2024:10:00:00 +0000");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void event_shouldBase64TheBody_whenItIsBinary() {
        // given
        byte[] audio = {(byte) 0xFF, (byte) 0xFB, 0x00, 0x10};
        HttpApiEvents.Request request = request("PUT", "/x", Map.of("Content-Type", List.of("audio/mpeg")), audio);

        // when
        APIGatewayV2HTTPEvent event = decode(HttpApiEvents.event(request, Optional.empty(), "r", "123456789012", NOW));

        // then
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).containsExactly(audio);
    }

    @Test
    void sigV4Request_shouldBeTheIamUserOfItsAccessKey_andUnsignedOnesNobodyUnlessAnonymousIsAllowed() {
        // given
        HttpApiEvents.Request signed = request("GET", "/sessions", Map.of("Authorization", List.of(
                "AWS4-HMAC-SHA256 Credential=AKIDALICE/20240501/us-east-1/execute-api/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=abc")), new byte[0]);
        HttpApiEvents.Request unsigned = request("GET", "/sessions", Map.of(), new byte[0]);

        // when
        ApiRequest alice = ApiRequest.from(decode(HttpApiEvents.event(signed,
                HttpApiEvents.caller(signed, false), "r", "123456789012", NOW)));
        ApiRequest nobody = ApiRequest.from(decode(HttpApiEvents.event(unsigned,
                HttpApiEvents.caller(unsigned, false), "r", "123456789012", NOW)));
        ApiRequest anonymous = ApiRequest.from(decode(HttpApiEvents.event(unsigned,
                HttpApiEvents.caller(unsigned, true), "r", "123456789012", NOW)));

        // then
        assertThat(alice.owner()).contains("arn:aws:iam::000000000000:user/AKIDALICE");
        assertThat(nobody.owner()).isEmpty();
        assertThat(anonymous.owner()).contains("anonymous");
    }

    @Test
    void event_shouldUseOnlyTheFieldsOfAwsSampleEvent() throws Exception {
        // given AWS's sample HTTP API event (the fixture the handler tests use)
        JsonNode sample = Json.mapper().readTree(AWS_SAMPLE.toFile());
        HttpApiEvents.Request request = request("POST", "/sessions?x=1", Map.of("Content-Type",
                List.of("application/json"), "Cookie", List.of("a=1")), "{}".getBytes(StandardCharsets.UTF_8));

        // when
        JsonNode event = HttpApiEvents.event(request, Optional.empty(), "r", "123456789012", NOW);

        // then
        assertThat(names(event)).isSubsetOf(union(names(sample), Set.of("queryStringParameters", "body")));
        assertThat(names(event.path("requestContext"))).isSubsetOf(union(names(sample.path("requestContext")),
                Set.of("authorizer")));
        assertThat(names(event.path("requestContext").path("http")))
                .isEqualTo(names(sample.path("requestContext").path("http")));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return new TreeSet<>(all);
    }
}
