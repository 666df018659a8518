package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much of the scene a shot frames; drives composition guides and prompts. */
public enum ShotType {
    ESTABLISHING,
    WIDE,
    MEDIUM,
    CLOSE_UP,
    EXTREME_CLOSE_UP,
    DETAIL,
    POV,
    OVER_THE_SHOULDER,
    TWO_SHOT,
    AERIAL,
    INSERT;

    /** JSON form, e.g. {@code "close-up"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static ShotType fromLabel(String label) {
        for (ShotType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("shot type must be one of "
                + Arrays.stream(values()).map(ShotType::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
