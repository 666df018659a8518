package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The camera move a shot asks for; the local providers and the renderer turn it into motion. */
public enum CameraMovement {
    STATIC,
    PUSH_IN,
    PULL_OUT,
    PAN_LEFT,
    PAN_RIGHT,
    TILT_UP,
    TILT_DOWN,
    ORBIT,
    HANDHELD;

    /** JSON form, e.g. {@code "push-in"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static CameraMovement fromLabel(String label) {
        for (CameraMovement move : values()) {
            if (move.label().equals(label)) {
                return move;
            }
        }
        throw new IllegalArgumentException("camera movement must be one of "
                + Arrays.stream(values()).map(CameraMovement::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
