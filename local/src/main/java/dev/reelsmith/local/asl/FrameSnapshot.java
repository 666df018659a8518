package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.data.JsonValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where one workflow of an execution stands (the top-level workflow, a Parallel branch or a Map iteration): the
 * state it is in or last failed in, that state's input, the variables of its scope, and, while it is in a Map or
 * Parallel state, the progress of each child. Enough to redrive it or resume it after a restart.
 *
 * @param status {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code ABORTED}
 * @param stateName the current (or failed) state, {@code null} before the first state
 * @param stateInput that state's raw input
 * @param output the workflow's output once SUCCEEDED
 * @param taskToken the token a {@code .waitForTaskToken} task is waiting on, or {@code null}
 * @param lastEventId the last history event of this workflow, for {@code previousEventId}
 * @param children progress of the Map or Parallel state in {@code stateName}, empty otherwise
 */
public record FrameSnapshot(String status, String stateName, JsonNode stateInput, Map<String, JsonNode> variables,
                            JsonNode output, String taskToken, long lastEventId, List<ChildSnapshot> children) {
    public FrameSnapshot {
        Objects.requireNonNull(status, "status");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        children = List.copyOf(children);
    }

    /** One Map iteration or Parallel branch: its index, its input and, once started, its own snapshot. */
    public record ChildSnapshot(int index, JsonNode input, FrameSnapshot frame) {
    }

    ObjectNode toJson() {
        ObjectNode json = JsonValues.nodes().objectNode();
        json.put("status", status);
        json.put("stateName", stateName);
        json.set("stateInput", stateInput);
        ObjectNode vars = json.putObject("variables");
        variables.forEach(vars::set);
        json.set("output", output);
        json.put("taskToken", taskToken);
        json.put("lastEventId", lastEventId);
        ArrayNode list = json.putArray("children");
        for (ChildSnapshot child : children) {
            ObjectNode c = list.addObject();
            c.put("index", child.index());
            c.set("input", child.input());
            c.set("frame", child.frame() == null ? null : child.frame().toJson());
        }
        return json;
    }

    static FrameSnapshot fromJson(JsonNode json) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.path("variables").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            variables.put(field.getKey(), field.getValue());
        }
        List<ChildSnapshot> children = new ArrayList<>();
        for (JsonNode child : json.path("children")) {
            JsonNode frame = child.get("frame");
            children.add(new ChildSnapshot(child.get("index").intValue(), nullable(child.get("input")),
                    frame == null || frame.isNull() ? null : fromJson(frame)));
        }
        return new FrameSnapshot(json.get("status").textValue(), textOrNull(json.get("stateName")),
                nullable(json.get("stateInput")), variables, nullable(json.get("output")),
                textOrNull(json.get("taskToken")), json.path("lastEventId").longValue(), children);
    }

    private static JsonNode nullable(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }
}
