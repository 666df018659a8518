package dev.reelsmith.local.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.Intrinsics;

/**
 * A field whose value is written literally, read from a path (the JSONPath {@code ...Path} fields), computed by an
 * intrinsic function (Fail's {@code ErrorPath}/{@code CausePath}) or by a JSONata expression. Exactly one of the
 * four is set.
 */
public record DynamicValue(JsonNode literal, String path, Intrinsics.Call call, String jsonata) {
    public DynamicValue {
        int set = (literal != null ? 1 : 0) + (path != null ? 1 : 0) + (call != null ? 1 : 0) + (jsonata != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of literal, path, call and jsonata must be set, was " + set);
        }
    }

    static DynamicValue ofLiteral(JsonNode value) {
        return new DynamicValue(value, null, null, null);
    }

    static DynamicValue ofPath(String path) {
        return new DynamicValue(null, path, null, null);
    }

    static DynamicValue ofCall(Intrinsics.Call call) {
        return new DynamicValue(null, null, call, null);
    }

    static DynamicValue ofJsonata(String expression) {
        return new DynamicValue(null, null, null, expression);
    }
}
