package dev.reelsmith.local.cloud.awsjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reading requests and writing responses of the AWS JSON protocol: members by name with AWS's validation wording,
 * and timestamps as epoch seconds (a JSON number with the milliseconds as its fraction, which is how AWS sends them
 * and how the SDK reads them).
 */
public final class AwsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private AwsJson() {
    }

    /** The mapper for request and response bodies; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code instant} as epoch seconds with milliseconds, e.g. {@code 1714557600.123}. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    /**
     * A required string member.
     *
     * @throws AwsServiceException {@code ValidationException} when it is missing, not a string or empty
     */
    public static String requiredString(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!node.isTextual()) {
            throw new AwsServiceException("SerializationException", "Member '" + member + "' must be a string, was "
                    + node.getNodeType());
        }
        if (node.textValue().isEmpty()) {
            throw AwsServiceException.validation("1 validation error detected: Value '' at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return node.textValue();
    }

    /** An optional string member, or {@code null}. */
    public static String optionalString(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new AwsServiceException("SerializationException", "Member '" + member + "' must be a string, was "
                    + node.getNodeType());
        }
        return node.textValue();
    }

    /** An optional integer member, or {@code fallback}. */
    public static int optionalInt(ObjectNode request, String member, int fallback) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new AwsServiceException("SerializationException", "Member '" + member
                    + "' must be an integer, was " + node);
        }
        return node.intValue();
    }

    /** An optional boolean member, or {@code fallback}. */
    public static boolean optionalBoolean(ObjectNode request, String member, boolean fallback) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new AwsServiceException("SerializationException", "Member '" + member
                    + "' must be a boolean, was " + node);
        }
        return node.booleanValue();
    }

    /**
     * Checks that {@code value} lies in {@code [min, max]}, with AWS's wording.
     *
     * @throws AwsServiceException {@code ValidationException} otherwise
     */
    public static int range(String member, int value, int min, int max) {
        if (value < min) {
            throw AwsServiceException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw AwsServiceException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return value;
    }
}
