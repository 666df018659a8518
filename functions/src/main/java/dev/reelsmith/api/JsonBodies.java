package dev.reelsmith.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.reelsmith.api.problems.MalformedBodyException;
import dev.reelsmith.api.problems.PayloadTooLargeException;
import dev.reelsmith.api.problems.ProblemError;
import dev.reelsmith.api.problems.UnsupportedMediaTypeException;
import dev.reelsmith.domain.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies: JSON only ({@code application/json}, {@code application/merge-patch+json} or any
 * {@code +json} type; no content type is taken as JSON), UTF-8, at most {@value #MAX_BYTES} bytes, one object with
 * no duplicate keys and nothing after it.
 */
final class JsonBodies {
    /** Largest body accepted (a brief is limited to 256 KiB; a planning request carries a script and shots too). */
    static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {
    }

    /** The body as a JSON object. */
    static JsonNode object(ApiRequest request) {
        String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        String mediaType = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
        if (!mediaType.isEmpty() && !mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new UnsupportedMediaTypeException("the body must be JSON (application/json), was " + mediaType);
        }
        byte[] bytes = request.body();
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLargeException("the body is " + bytes.length + " bytes; the limit is " + MAX_BYTES
                    + " bytes (1 MiB)");
        }
        if (bytes.length == 0) {
            throw malformed("the body is empty; expected a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw malformed("the body is not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (node == null || !node.isObject()) {
            throw malformed("the body must be a JSON object, was " + (node == null ? "nothing"
                    : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return node;
    }

    private static MalformedBodyException malformed(String message) {
        return new MalformedBodyException(message, List.of(ProblemError.at("", message)));
    }
}
