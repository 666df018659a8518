package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The live, continuously updated progress of one workflow (see {@link FrameSnapshot}, its serialisable copy).
 * Updated by the frame's own steps; read by snapshots from any thread.
 */
final class FrameRecord {
    volatile String status = "RUNNING";
    volatile String stateName;
    volatile JsonNode stateInput;
    volatile JsonNode output;
    volatile String taskToken;
    volatile long lastEventId;
    volatile List<ChildRecord> children = List.of();
    private final VariableScope variables;

    FrameRecord(VariableScope variables, long lastEventId) {
        this.variables = variables;
        this.lastEventId = lastEventId;
    }

    /** One Map iteration or Parallel branch of the state this workflow is in. */
    static final class ChildRecord {
        final int index;
        volatile JsonNode input;
        volatile FrameRecord frame;
        /** Output kept from an earlier run (redrive) for a child that already succeeded. */
        volatile FrameSnapshot previous;

        ChildRecord(int index, JsonNode input) {
            this.index = index;
            this.input = input;
        }
    }

    void enter(String name, JsonNode input) {
        stateName = name;
        stateInput = input;
        children = List.of();
    }

    FrameSnapshot snapshot() {
        List<FrameSnapshot.ChildSnapshot> childSnapshots = new ArrayList<>();
        for (ChildRecord child : children) {
            FrameRecord frame = child.frame;
            FrameSnapshot frameSnapshot = frame != null ? frame.snapshot() : child.previous;
            childSnapshots.add(new FrameSnapshot.ChildSnapshot(child.index, child.input, frameSnapshot));
        }
        return new FrameSnapshot(status, stateName, stateInput, variables.ownValues(), output, taskToken,
                lastEventId, childSnapshots);
    }
}
