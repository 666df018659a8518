package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.data.JsonValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an execution's history, shaped like {@code GetExecutionHistory}'s {@code HistoryEvent}.
 *
 * @param id 1-based, increasing by one per event
 * @param previousEventId the event this one follows in its branch (0 for the first)
 * @param detailsName the AWS field holding the details ({@code stateEnteredEventDetails}), or {@code null}
 * @param details the details object exactly as AWS returns it (inputs and outputs as JSON strings), or {@code null}
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type,
                           String detailsName, ObjectNode details) {
    public HistoryEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        if (id < 1) {
            throw new IllegalArgumentException("id must be at least 1, was " + id);
        }
        if ((detailsName == null) != (details == null)) {
            throw new IllegalArgumentException("detailsName and details must both be set or both be null");
        }
    }

    /** The event in the AWS JSON 1.0 wire shape ({@code timestamp} in epoch seconds). */
    public ObjectNode toJson() {
        ObjectNode json = JsonValues.nodes().objectNode();
        json.put("timestamp", BigDecimal.valueOf(timestamp.toEpochMilli()).movePointLeft(3));
        json.put("type", type.name());
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        if (details != null) {
            json.set(detailsName, details.deepCopy());
        }
        return json;
    }

    /** Reads an event written by {@link #toJson()}. */
    public static HistoryEvent fromJson(JsonNode json) {
        String detailsName = null;
        ObjectNode details = null;
        var names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.endsWith("EventDetails")) {
                detailsName = name;
                details = (ObjectNode) json.get(name).deepCopy();
            }
        }
        long millis = json.get("timestamp").decimalValue().movePointRight(3).longValue();
        return new HistoryEvent(json.get("id").longValue(), json.get("previousEventId").longValue(),
                Instant.ofEpochMilli(millis), HistoryEventType.valueOf(json.get("type").textValue()), detailsName,
                details);
    }
}
