package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.data.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine knows about one execution, as plain data: its identity and definition, its status, its
 * history, and where each of its workflows stands. Taken with {@link AslEngine#snapshot(String)}, written anywhere
 * with {@link #toJson()}, and given back to {@link AslEngine#restore(ExecutionSnapshot)} after a restart, where a
 * RUNNING execution resumes (re-entering its in-flight states, as AWS does after a service-side retry) and a
 * closed one can be described, listed and redriven.
 */
public record ExecutionSnapshot(String executionArn, String stateMachineArn, String name, String roleArn,
                                String definitionJson, String input, ExecutionStatus status, Instant startDate,
                                Instant stopDate, String output, String error, String cause, int redriveCount,
                                Instant redriveDate, List<HistoryEvent> events, FrameSnapshot root) {
    public ExecutionSnapshot {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionJson, "definitionJson");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(root, "root");
        events = List.copyOf(events);
    }

    /** The snapshot as one JSON document. */
    public ObjectNode toJson() {
        ObjectNode json = JsonValues.nodes().objectNode();
        json.put("executionArn", executionArn);
        json.put("stateMachineArn", stateMachineArn);
        json.put("name", name);
        json.put("roleArn", roleArn);
        json.put("definition", definitionJson);
        json.put("input", input);
        json.put("status", status.name());
        json.put("startDate", startDate.toString());
        json.put("stopDate", stopDate == null ? null : stopDate.toString());
        json.put("output", output);
        json.put("error", error);
        json.put("cause", cause);
        json.put("redriveCount", redriveCount);
        json.put("redriveDate", redriveDate == null ? null : redriveDate.toString());
        ArrayNode list = json.putArray("events");
        events.forEach(event -> list.add(event.toJson()));
        json.set("root", root.toJson());
        return json;
    }

    /** Reads a snapshot written by {@link #toJson()}. */
    public static ExecutionSnapshot fromJson(JsonNode json) {
        List<HistoryEvent> events = new ArrayList<>();
        json.path("events").forEach(event -> events.add(HistoryEvent.fromJson(event)));
        return new ExecutionSnapshot(json.get("executionArn").textValue(), json.get("stateMachineArn").textValue(),
                json.get("name").textValue(), text(json, "roleArn"), json.get("definition").textValue(),
                json.get("input").textValue(), ExecutionStatus.valueOf(json.get("status").textValue()),
                Instant.parse(json.get("startDate").textValue()), instant(json, "stopDate"), text(json, "output"),
                text(json, "error"), text(json, "cause"), json.path("redriveCount").intValue(),
                instant(json, "redriveDate"), events, FrameSnapshot.fromJson(json.get("root")));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static Instant instant(JsonNode json, String field) {
        String text = text(json, field);
        return text == null ? null : Instant.parse(text);
    }
}
