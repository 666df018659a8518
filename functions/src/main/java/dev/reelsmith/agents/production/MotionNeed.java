package dev.reelsmith.agents.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a shot needs a generated clip rather than Ken Burns motion over its keyframe. */
public enum MotionNeed {
    /** Subject action, an orbit or a handheld camera: a still cannot fake it. */
    ESSENTIAL,
    /** A push, pull, pan or tilt: Ken Burns imitates it, a generated clip is nicer. */
    OPTIONAL,
    /** A still or an end card: a generated clip adds nothing. */
    NONE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MotionNeed fromLabel(String label) {
        for (MotionNeed need : values()) {
            if (need.label().equals(label)) {
                return need;
            }
        }
        throw new IllegalArgumentException("motion must be one of "
                + Arrays.stream(values()).map(MotionNeed::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
