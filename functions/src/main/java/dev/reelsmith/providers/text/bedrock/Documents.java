package dev.reelsmith.providers.text.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * Converts between the AWS SDK's {@link Document} (tool schemas and tool input in Converse) and Jackson trees,
 * both ways, without loss: object key order, nesting, nulls, booleans and numbers (integers stay integers of
 * any size, decimals keep their digits).
 */
final class Documents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Documents() {
    }

    /** The Document for a JSON tree. */
    static Document toDocument(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Document.fromNull();
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Document> members = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    members.put(field.getKey(), toDocument(field.getValue()));
                }
                return Document.fromMap(members);
            }
            case ARRAY: {
                List<Document> items = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    items.add(toDocument(item));
                }
                return Document.fromList(items);
            }
            case STRING:
                return Document.fromString(node.textValue());
            case BOOLEAN:
                return Document.fromBoolean(node.booleanValue());
            case NUMBER:
                return Document.fromNumber(number(node));
            default:
                throw new IllegalArgumentException("cannot send a " + node.getNodeType() + " node to Bedrock");
        }
    }

    private static SdkNumber number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? SdkNumber.fromLong(node.longValue())
                    : SdkNumber.fromBigInteger(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
            return SdkNumber.fromBigDecimal(node.decimalValue());
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        return SdkNumber.fromDouble(value);
    }

    /** The JSON tree for a Document. */
    static JsonNode toJson(Document document) {
        if (document == null || document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, Document> member : document.asMap().entrySet()) {
                object.set(member.getKey(), toJson(member.getValue()));
            }
            return object;
        }
        if (document.isList()) {
            ArrayNode array = NODES.arrayNode();
            for (Document item : document.asList()) {
                array.add(toJson(item));
            }
            return array;
        }
        if (document.isString()) {
            return NODES.textNode(document.asString());
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            return number(document.asNumber());
        }
        throw new IllegalArgumentException("unknown Document kind: " + document.getClass().getName());
    }

    /**
     * Reads the number's own text as JSON, so a number from Bedrock becomes exactly the node Jackson would have
     * made from the same JSON (an int, long, BigInteger or double), as for every other vendor.
     */
    private static JsonNode number(SdkNumber number) {
        String text = number.stringValue();
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || !node.isNumber()) {
                throw new IllegalArgumentException("not a JSON number: " + text);
            }
            return node;
        } catch (JsonProcessingException e) {
            // SdkNumber made from a BigDecimal may print as 1E+3, which JSON allows; anything else is a bug
            return NODES.numberNode(number.bigDecimalValue());
        }
    }
}
