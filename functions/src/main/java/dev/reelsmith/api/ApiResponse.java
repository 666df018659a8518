package dev.reelsmith.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.api.problems.ProblemError;
import dev.reelsmith.api.problems.ProblemException;
import dev.reelsmith.domain.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: a status, headers and a JSON body (or none). Problems are RFC 9457 documents with
 * {@code application/problem+json}.
 *
 * @param status  the HTTP status
 * @param headers response headers, lower-case names
 * @param body    the body text, or null for none
 */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    static final String JSON = "application/json";
    /** Compact: responses are for programs (curl users can pipe them through jq). */
    private static final ObjectWriter WRITER = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON body; the value is written with the shared mapper (nulls omitted). */
    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, Map.of("content-type", JSON, "cache-control", "no-store"), write(value));
    }

    /** The same response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, all, body);
    }

    /** The RFC 9457 document for a problem. */
    public static ApiResponse problem(ProblemException problem, String instance, String requestId) {
        return problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), instance, requestId,
                problem).withHeaders(problem.headers());
    }

    /** A 500 that says nothing about the inside except how to find it in the logs. */
    public static ApiResponse internalError(String instance, String requestId) {
        return problem(500, ProblemException.TYPE_BASE + "internal-error", "Internal error",
                "the request failed inside the API; the requestId identifies it in the logs", instance, requestId,
                null);
    }

    private static ApiResponse problem(int status, String type, String title, String detail, String instance,
                                       String requestId, ProblemException source) {
        ObjectNode document = Json.mapper().createObjectNode();
        document.put("type", type);
        document.put("title", title);
        document.put("status", status);
        if (detail != null) {
            document.put("detail", detail);
        }
        document.put("instance", instance);
        if (requestId != null && !requestId.isEmpty()) {
            document.put("requestId", requestId);
        }
        if (source != null && !source.errors().isEmpty()) {
            ArrayNode errors = document.putArray("errors");
            for (ProblemError error : source.errors()) {
                errors.add(Json.mapper().valueToTree(error));
            }
        }
        return new ApiResponse(status, Map.of("content-type", PROBLEM_JSON, "cache-control", "no-store"),
                document.toString());
    }

    private ApiResponse withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new ApiResponse(status, all, body);
    }

    /** The payload format 2.0 response API Gateway turns back into HTTP. */
    public APIGatewayV2HTTPResponse toEvent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(new LinkedHashMap<>(headers))
                .withBody(body).withIsBase64Encoded(false).build();
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response: " + e.getOriginalMessage(), e);
        }
    }
}
