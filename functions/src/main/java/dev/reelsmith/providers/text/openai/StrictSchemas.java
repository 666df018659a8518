package dev.reelsmith.providers.text.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the schema sent with {@code strict: true} from a request schema, when one exists. OpenAI's strict mode
 * decodes against a subset of JSON Schema: every object lists all its properties in {@code required} and sets
 * {@code additionalProperties: false}; {@code allOf}, {@code oneOf}, {@code not}, conditionals, pattern
 * properties and the like are not allowed, and some value limits (string lengths, unique items) are not
 * understood.
 *
 * <p>The strict variant adds {@code additionalProperties: false} where it is missing (our records reject unknown
 * properties anyway) and drops the value limits OpenAI does not enforce; those are still checked locally by
 * {@link dev.reelsmith.providers.text.AnswerValidator} and repaired. A schema with optional properties, open
 * objects or unsupported composition has no strict variant; it is sent as it is with {@code strict: false}.
 */
final class StrictSchemas {
    /** Structure strict mode cannot express: such a schema is sent non-strict. */
    private static final Set<String> INCOMPATIBLE = Set.of("allOf", "oneOf", "not", "if", "then", "else",
            "dependentRequired", "dependentSchemas", "patternProperties", "unevaluatedProperties",
            "unevaluatedItems", "prefixItems", "contains", "propertyNames", "$dynamicRef", "$dynamicAnchor");
    /** Limits and annotations strict mode rejects or ignores; dropped from the strict copy, enforced locally. */
    private static final Set<String> DROPPED = Set.of("$schema", "$comment", "minLength", "maxLength",
            "uniqueItems", "minProperties", "maxProperties", "minContains", "maxContains", "default", "examples",
            "readOnly", "writeOnly", "deprecated", "contentEncoding", "contentMediaType");
    /** String formats strict mode supports; others are dropped. */
    private static final Set<String> FORMATS = Set.of("date-time", "time", "date", "duration", "email", "hostname",
            "ipv4", "ipv6", "uuid");
    private static final List<String> SCHEMA_MAPS = List.of("properties", "$defs", "definitions");
    private static final List<String> SCHEMA_LISTS = List.of("anyOf");

    private StrictSchemas() {
    }

    /** The strict-mode copy of {@code schema}, or empty when strict mode cannot express it. */
    static Optional<ObjectNode> strictVariant(JsonNode schema) {
        if (schema == null || !schema.isObject() || !"object".equals(schema.path("type").asText())) {
            return Optional.empty();
        }
        ObjectNode copy = schema.deepCopy();
        return makeStrict(copy) ? Optional.of(copy) : Optional.empty();
    }

    /** Rewrites {@code node} in place; false when it cannot be made strict. */
    private static boolean makeStrict(ObjectNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (INCOMPATIBLE.contains(name)) {
                return false;
            }
            if (DROPPED.contains(name) || name.equals("format") && !FORMATS.contains(node.path("format").asText())) {
                node.remove(name);
            }
        }
        if (isObjectSchema(node) && !strictObject(node)) {
            return false;
        }
        for (String key : SCHEMA_MAPS) {
            JsonNode map = node.get(key);
            if (map != null && map.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    JsonNode child = it.next().getValue();
                    if (!child.isObject() || !makeStrict((ObjectNode) child)) {
                        return false;
                    }
                }
            }
        }
        for (String key : SCHEMA_LISTS) {
            JsonNode list = node.get(key);
            if (list != null && list.isArray()) {
                for (JsonNode child : list) {
                    if (!child.isObject() || !makeStrict((ObjectNode) child)) {
                        return false;
                    }
                }
            }
        }
        JsonNode items = node.get("items");
        if (items != null) {
            return items.isObject() && makeStrict((ObjectNode) items);
        }
        return true;
    }

    private static boolean isObjectSchema(ObjectNode node) {
        JsonNode type = node.get("type");
        boolean typedObject = type != null && (type.isTextual() && type.asText().equals("object")
                || type.isArray() && type.toString().contains("\"object\""));
        return typedObject || node.has("properties");
    }

    /** All properties required and no others allowed; adds the missing {@code additionalProperties: false}. */
    private static boolean strictObject(ObjectNode node) {
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.isObject()) {
            return false;
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional == null) {
            node.put("additionalProperties", false);
        } else if (!(additional.isBoolean() && !additional.booleanValue())) {
            return false;
        }
        Set<String> required = new HashSet<>();
        for (JsonNode name : node.path("required")) {
            required.add(name.asText());
        }
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            if (!required.contains(it.next())) {
                return false;
            }
        }
        return true;
    }
}
