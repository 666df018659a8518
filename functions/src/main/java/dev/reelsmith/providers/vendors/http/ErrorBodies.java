package dev.reelsmith.providers.vendors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reelsmith.domain.Json;

/** Reading the error bodies vendors send, which are JSON of varying shapes, or HTML, or nothing. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** The body as JSON, or a missing node when it is not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Text of a node that may be a string or anything else (rendered as JSON), empty when missing or null. */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** {@code {"error": {"code", "message", "type"|"status"}}}: OpenAI and Google. */
    public static VendorError nestedError(String body) {
        JsonNode root = parse(body);
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return new VendorError("", error.textValue());
        }
        String code = text(error.path("code"));
        if (code.isEmpty() || code.matches("\\d+")) {
            String status = text(error.path("status"));
            code = status.isEmpty() ? text(error.path("type")) : status;
        }
        String message = text(error.path("message"));
        return new VendorError(code, message.isEmpty() && error.isMissingNode() ? plain(body) : message);
    }

    /** Plain text of a non-JSON body, shortened; never the whole of an HTML page. */
    public static String plain(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        if (text.startsWith("<")) {
            return "(an HTML page)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
