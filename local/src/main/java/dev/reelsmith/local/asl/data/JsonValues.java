package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;

/**
 * JSON as state data: parsing and printing the strings that executions, events and the Step Functions API carry.
 * Separate from {@code dev.reelsmith.domain.Json}, which is configured for Reelsmith's own records: here every JSON
 * document is valid data, nulls included, and output is compact like AWS's.
 */
public final class JsonValues {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonValues() {
    }

    /** The mapper used for state data; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /**
     * Parses one JSON document.
     *
     * @throws IllegalArgumentException with the parser's message when {@code json} is not valid JSON
     */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("no JSON value in '" + json + "'");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON text, as AWS shows state data. */
    public static String print(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Size of the compact UTF-8 encoding: what the 256 KiB payload quota counts. */
    public static int utf8Size(JsonNode node) {
        return print(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
