package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an overlay sits inside the frame's safe area. */
public enum OverlayPosition {
    TOP,
    CENTER,
    LOWER_THIRD,
    BOTTOM;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static OverlayPosition fromLabel(String label) {
        for (OverlayPosition p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("overlay position must be one of top, center, lower-third, bottom, was " + label);
    }
}
