package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the JSON a Task state passes to an optimised integration and the AWS SDK's request and response
 * objects, by the service model's member names ({@code TableName}, {@code Item}, {@code S}, {@code MD5OfMessageBody})
 * that both Step Functions and the SDK's {@link SdkField}s use. As Step Functions does, a JSON object or array given
 * for a string member is sent as its compact JSON text (SQS {@code MessageBody}, EventBridge {@code Detail}).
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    /** Thrown when the JSON does not fit the request's shape: an unknown field or a value of the wrong type. */
    static final class ShapeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShapeException(String message) {
            super(message);
        }
    }

    /** Sets the members of {@code builder} from {@code json}; {@code path} names the object in messages. */
    static void fill(SdkPojo builder, JsonNode json, String path) {
        if (!json.isObject()) {
            throw new ShapeException("The value for the field '" + path + "' must be an OBJECT");
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            fields.put(field.memberName(), field);
        }
        Iterator<Map.Entry<String, JsonNode>> members = json.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                throw new ShapeException("The field '" + name + "' is not supported by Step Functions");
            }
            if (!member.getValue().isNull()) {
                field.set(builder, value(field, member.getValue(), name));
            }
        }
    }

    private static Object value(SdkField<?> field, JsonNode node, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return node.isTextual() ? node.textValue() : node.toString();
        }
        if (type == MarshallingType.INTEGER) {
            return number(node, path).intValueExact();
        }
        if (type == MarshallingType.LONG) {
            return number(node, path).longValueExact();
        }
        if (type == MarshallingType.SHORT) {
            return number(node, path).shortValueExact();
        }
        if (type == MarshallingType.BYTE) {
            return number(node, path).byteValueExact();
        }
        if (type == MarshallingType.FLOAT) {
            return number(node, path).floatValue();
        }
        if (type == MarshallingType.DOUBLE) {
            return number(node, path).doubleValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return number(node, path);
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!node.isBoolean()) {
                throw new ShapeException("The value for the field '" + path + "' must be a BOOLEAN");
            }
            return node.booleanValue();
        }
        if (type == MarshallingType.SDK_BYTES) {
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(text(node, path)));
            } catch (IllegalArgumentException e) {
                throw new ShapeException("The value for the field '" + path + "' must be Base64-encoded");
            }
        }
        if (type == MarshallingType.INSTANT) {
            if (node.isNumber()) {
                return Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue());
            }
            try {
                return Instant.parse(text(node, path));
            } catch (java.time.format.DateTimeParseException e) {
                throw new ShapeException("The value for the field '" + path + "' must be a timestamp");
            }
        }
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, node, path);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            if (!node.isArray()) {
                throw new ShapeException("The value for the field '" + path + "' must be an ARRAY");
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(value(member, node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            if (!node.isObject()) {
                throw new ShapeException("The value for the field '" + path + "' must be an OBJECT");
            }
            SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(),
                    value(valueField, entry.getValue(), path + "." + entry.getKey())));
            return map;
        }
        throw new ShapeException("The field '" + path + "' has a type Step Functions cannot pass: " + type);
    }

    private static BigDecimal number(JsonNode node, String path) {
        try {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isTextual()) {
                return new BigDecimal(node.textValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShapeException("The value for the field '" + path + "' must be a NUMBER");
    }

    private static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new ShapeException("The value for the field '" + path + "' must be a STRING");
        }
        return node.textValue();
    }

    /** The members of {@code pojo} that are set, by model member name; bytes as Base64, timestamps as epoch millis. */
    static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode json = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isSet(value)) {
                json.set(field.memberName(), toJsonValue(value));
            }
        }
        return json;
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    private static JsonNode toJsonValue(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        if (value instanceof Instant instant) {
            return NODES.numberNode(instant.toEpochMilli());
        }
        if (value instanceof SdkPojo nested) {
            return toJson(nested);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(toJsonValue(element)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), toJsonValue(element)));
            return object;
        }
        return NODES.textNode(String.valueOf(value));
    }
}
