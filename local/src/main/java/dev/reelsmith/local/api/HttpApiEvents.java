package dev.reelsmith.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the API Gateway HTTP API event (payload format 2.0) for one HTTP request, field for field as API Gateway
 * does: {@code rawPath} and {@code rawQueryString} as received, decoded query parameters with repeated names joined
 * by commas, header names lower-cased with repeated values joined by commas, cookies moved from the {@code Cookie}
 * header into {@code cookies}, the body as text for textual content types and base64 otherwise, and a request
 * context with the method, path, protocol, source IP, user agent, a request id, route key and stage
 * {@code $default}. The authorizer part is what an IAM-authorised route would carry for the caller, or a
 * JWT-style {@code sub} of {@code anonymous} when unsigned calls are allowed, or nothing.
 */
final class HttpApiEvents {
    /** The account in locally derived principals' ARNs. */
    static final String LOCAL_ACCOUNT = "000000000000";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SIGV4_CREDENTIAL = Pattern.compile("Credential=([A-Za-z0-9+=,.@_-]+)/");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** One request as received. */
    record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body, String protocol,
                   String sourceIp, String host) {
    }

    /** Who is calling, as the local server derives it. */
    sealed interface Caller permits IamCaller, AnonymousCaller {
    }

    /** A SigV4-signed request: the access key id names the IAM user. */
    record IamCaller(String accessKeyId) implements Caller {
        String userArn() {
            return "arn:aws:iam::" + LOCAL_ACCOUNT + ":user/" + accessKeyId;
        }
    }

    /** An unsigned request on a server started with {@code --allow-anonymous}. */
    record AnonymousCaller() implements Caller {
    }

    /**
     * The caller a request identifies itself as: the access key id of a SigV4 {@code Authorization} header (or of a
     * presigned URL's {@code X-Amz-Credential}); the signature is not checked, as the local server has no secrets and
     * listens on loopback only.
     */
    static Optional<Caller> caller(Request request, boolean allowAnonymous) {
        String authorization = first(request.headers(), "authorization");
        if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")) {
            Matcher credential = SIGV4_CREDENTIAL.matcher(authorization);
            if (credential.find()) {
                return Optional.of(new IamCaller(credential.group(1)));
            }
        }
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("X-Amz-Credential=")) {
                    String value = URLDecoder.decode(pair.substring("X-Amz-Credential=".length()),
                            StandardCharsets.UTF_8);
                    if (value.contains("/")) {
                        return Optional.of(new IamCaller(value.substring(0, value.indexOf('/'))));
                    }
                }
            }
        }
        return allowAnonymous ? Optional.of(new AnonymousCaller()) : Optional.empty();
    }

    static ObjectNode event(Request request, Optional<Caller> caller, String requestId, String accountId,
                            Instant now) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        String rawPath = request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/"
                : request.uri().getRawPath();
        event.put("rawPath", rawPath);
        String rawQuery = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
        event.put("rawQueryString", rawQuery);
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                }
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", "local");
        caller.ifPresent(c -> context.set("authorizer", authorizer(c)));
        String host = request.host() == null ? "127.0.0.1" : request.host();
        context.put("domainName", host);
        context.put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", rawPath);
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        byte[] body = request.body();
        if (body.length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static ObjectNode authorizer(Caller caller) {
        ObjectNode authorizer = MAPPER.createObjectNode();
        if (caller instanceof IamCaller iam) {
            ObjectNode node = authorizer.putObject("iam");
            node.put("accessKey", iam.accessKeyId());
            node.put("accountId", LOCAL_ACCOUNT);
            node.put("callerId", iam.accessKeyId());
            node.putNull("cognitoIdentity");
            node.putNull("principalOrgId");
            node.put("userArn", iam.userArn());
            node.put("userId", iam.accessKeyId());
        } else {
            ObjectNode jwt = authorizer.putObject("jwt");
            jwt.putObject("claims").put("sub", "anonymous");
            jwt.putArray("scopes");
        }
        return authorizer;
    }

    /** Text is passed as is; anything else (or no content type) is base64, as API Gateway does for binary. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        type = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw.isEmpty()) {
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

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
