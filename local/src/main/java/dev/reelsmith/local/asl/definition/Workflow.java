package dev.reelsmith.local.asl.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A set of states with a start: the state machine itself, a Parallel branch, or a Map item processor. */
public record Workflow(String startAt, Map<String, State> states) {
    public Workflow {
        Objects.requireNonNull(startAt, "startAt");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        if (!states.containsKey(startAt)) {
            throw new IllegalArgumentException("startAt must name a state, was '" + startAt + "'");
        }
    }

    /** The state called {@code name}. */
    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no state named '" + name + "'");
        }
        return state;
    }
}
