package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a production plan makes its shots, as a one-word summary for people and the console. */
public enum PlanMode {
    /** Every shot that needs motion gets a generated clip from a paid tool. */
    GENERATED,
    /** Some shots that would get a generated clip are a generated keyframe with Ken Burns motion instead. */
    MIXED,
    /** Everything is made by the free local tools: storyboard frames with Ken Burns motion. */
    ANIMATIC;

    /** JSON form, e.g. {@code "mixed"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static PlanMode fromLabel(String label) {
        for (PlanMode mode : values()) {
            if (mode.label().equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be one of "
                + Arrays.stream(values()).map(PlanMode::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
