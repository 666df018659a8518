package dev.reelsmith.store.sessions;

import static dev.reelsmith.store.sessions.SessionStore.n;
import static dev.reelsmith.store.sessions.SessionStore.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps sessions, assets and cost entries to DynamoDB attribute maps and back. */
final class SessionItems {
    private SessionItems() {
    }

    static Map<String, AttributeValue> toItem(Session x) {
        Map<String, AttributeValue> item = new HashMap<>(SessionStore.key(SessionStore.pk(x.id()), SessionStore.META));
        item.put("id", s(x.id()));
        item.put("owner", s(x.owner()));
        item.put("gsi1pk", s("OWNER#" + x.owner()));
        item.put("gsi1sk", s(x.createdAt() + "#" + x.id()));
        put(item, "kind", x.kind());
        put(item, "title", x.title());
        item.put("status", s(x.status().label()));
        item.put("stage", s(x.stage().label()));
        item.put("percent", n(x.percent()));
        put(item, "inputBucket", x.inputBucket());
        put(item, "inputKey", x.inputKey());
        put(item, "inputVersion", x.inputVersion());
        item.put("createdAt", s(x.createdAt().toString()));
        item.put("updatedAt", s(x.updatedAt().toString()));
        item.put("reviewImages", AttributeValue.fromBool(x.reviewImages()));
        item.put("reviewClips", AttributeValue.fromBool(x.reviewClips()));
        if (x.budgetUsd() != null) {
            item.put("budgetUsd", n(x.budgetUsd()));
        }
        if (x.estimateUsd() != null) {
            item.put("estimateUsd", n(x.estimateUsd()));
        }
        item.put("spentUsd", n(x.spentUsd()));
        put(item, "executionArn", x.executionArn());
        put(item, "openGate", x.openGate());
        put(item, "failedStep", x.failedStep());
        put(item, "reason", x.reason());
        if (!x.questions().isEmpty()) {
            item.put("questions", AttributeValue.fromL(x.questions().stream().map(AttributeValue::fromS).toList()));
        }
        put(item, "videoKey", x.videoKey());
        put(item, "posterKey", x.posterKey());
        put(item, "reportKey", x.reportKey());
        if (x.durationSeconds() != null) {
            item.put("durationSeconds", AttributeValue.fromN(Double.toString(x.durationSeconds())));
        }
        if (x.width() != null) {
            item.put("width", n(x.width()));
            item.put("height", n(x.height()));
        }
        return item;
    }

    static Session fromItem(Map<String, AttributeValue> item) {
        List<String> questions = new ArrayList<>();
        if (item.containsKey("questions")) {
            item.get("questions").l().forEach(q -> questions.add(q.s()));
        }
        return new Session(str(item, "id"), str(item, "owner"), str(item, "kind"), str(item, "title"),
                SessionStatus.fromLabel(str(item, "status")), Stage.fromLabel(str(item, "stage")),
                (int) num(item, "percent").longValue(), str(item, "inputBucket"), str(item, "inputKey"),
                str(item, "inputVersion"), Instant.parse(str(item, "createdAt")), Instant.parse(str(item, "updatedAt")),
                bool(item, "reviewImages"), bool(item, "reviewClips"), num(item, "budgetUsd"), num(item, "estimateUsd"),
                num(item, "spentUsd"), str(item, "executionArn"), str(item, "openGate"), str(item, "failedStep"),
                str(item, "reason"), questions, str(item, "videoKey"), str(item, "posterKey"), str(item, "reportKey"),
                item.containsKey("durationSeconds") ? Double.valueOf(item.get("durationSeconds").n()) : null,
                item.containsKey("width") ? Integer.valueOf(item.get("width").n()) : null,
                item.containsKey("height") ? Integer.valueOf(item.get("height").n()) : null);
    }

    /** The attribute value for a field set through {@link SessionStore#set}. */
    static AttributeValue value(Object value) {
        if (value instanceof String text) {
            return s(text);
        }
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof BigDecimal number) {
            return n(number);
        }
        if (value instanceof Integer || value instanceof Long) {
            return n(((Number) value).longValue());
        }
        if (value instanceof Double number) {
            return AttributeValue.fromN(Double.toString(number));
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(v -> s(String.valueOf(v))).toList());
        }
        if (value instanceof Instant instant) {
            return s(instant.toString());
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getName() + " on a session");
    }

    static Map<String, AttributeValue> assetAttributes(Asset a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(a.id()));
        item.put("kind", s(a.kind()));
        put(item, "shotId", a.shotId());
        put(item, "key", a.key());
        put(item, "contentType", a.contentType());
        item.put("bytes", n(a.bytes()));
        put(item, "provider", a.provider());
        put(item, "model", a.model());
        item.put("status", s(a.status()));
        put(item, "note", a.note());
        return item;
    }

    static Asset asset(Map<String, AttributeValue> item) {
        return new Asset(str(item, "id"), str(item, "kind"), str(item, "shotId"), str(item, "key"),
                str(item, "contentType"), num(item, "bytes").longValue(), str(item, "provider"), str(item, "model"),
                str(item, "status"), str(item, "note"));
    }

    static Map<String, AttributeValue> costAttributes(CostEntry c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(c.id()));
        item.put("stage", s(c.stage().label()));
        put(item, "shotId", c.shotId());
        item.put("toolId", s(c.toolId()));
        item.put("provider", s(c.provider()));
        item.put("model", s(c.model()));
        item.put("quantity", n(c.quantity()));
        item.put("unit", s(c.unit()));
        item.put("unitPriceUsd", n(c.unitPriceUsd()));
        item.put("totalUsd", n(c.totalUsd()));
        item.put("cached", AttributeValue.fromBool(c.cached()));
        item.put("at", s(c.at().toString()));
        return item;
    }

    static CostEntry cost(Map<String, AttributeValue> item) {
        return new CostEntry(str(item, "id"), Stage.fromLabel(str(item, "stage")), str(item, "shotId"),
                str(item, "toolId"), str(item, "provider"), str(item, "model"), num(item, "quantity"),
                str(item, "unit"), num(item, "unitPriceUsd"), num(item, "totalUsd"), bool(item, "cached"),
                Instant.parse(str(item, "at")));
    }

    static String encodeCursor(Map<String, AttributeValue> key) {
        ObjectNode node = Json.mapper().createObjectNode();
        key.forEach((name, value) -> node.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the cursor was not made by {@link #encodeCursor} */
    static Map<String, AttributeValue> decodeCursor(String cursor) {
        try {
            JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
            Map<String, AttributeValue> key = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isTextual()) {
                    throw new IllegalArgumentException("cursor is not one this API returned");
                }
                key.put(field.getKey(), s(field.getValue().asText()));
            }
            if (!key.keySet().equals(java.util.Set.of("pk", "sk", "gsi1pk", "gsi1sk"))) {
                throw new IllegalArgumentException("cursor is not one this API returned");
            }
            return key;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this API returned; pass the nextCursor of the "
                    + "previous page unchanged", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cursor is not one this API returned", e);
        }
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static BigDecimal num(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : new BigDecimal(value.n());
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}
