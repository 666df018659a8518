package dev.reelsmith.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the API's routes see it, read from an API Gateway HTTP API (payload format 2.0) event: the
 * method, the path without the stage prefix, decoded query parameters, lower-case headers, the body's bytes and the
 * caller that owns what the request creates.
 *
 * @param method    upper-case, e.g. {@code POST}
 * @param path      the raw path, e.g. {@code /sessions/s123/events}
 * @param query     query parameters, decoded; repeated ones joined with commas as API Gateway does
 * @param headers   header names lower-cased
 * @param body      the body (base64 already decoded), empty when there is none
 * @param owner     the IAM principal's ARN or the JWT's subject, empty for unauthenticated calls
 * @param requestId API Gateway's request id, for logs and problem details
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         byte[] body, Optional<String> owner, String requestId) {
    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** Reads an HTTP API event; missing parts (no headers, no body) become empty. */
    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        if (method == null && event.getRouteKey() != null && event.getRouteKey().contains(" ")) {
            method = event.getRouteKey().substring(0, event.getRouteKey().indexOf(' '));
        }
        String path = event.getRawPath() != null ? event.getRawPath()
                : context != null && context.getHttp() != null ? context.getHttp().getPath() : "/";
        // on a named stage the raw path starts with the stage; the routes are written without it
        String stage = context == null ? null : context.getStage();
        if (stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        byte[] body = new byte[0];
        if (event.getBody() != null) {
            body = event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                    : event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new ApiRequest(method == null ? "GET" : method, path, query(event), headers, body,
                Owners.owner(context), context == null || context.getRequestId() == null ? "" : context.getRequestId());
    }

    private static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        if (event.getQueryStringParameters() != null) {
            return event.getQueryStringParameters();
        }
        Map<String, String> query = new LinkedHashMap<>();
        String raw = event.getRawQueryString();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    /** A header by lower-case name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** True when the request has a non-empty body. */
    public boolean hasBody() {
        return body.length > 0;
    }
}
