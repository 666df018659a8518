package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How one shot gives way to the next. Crossfades and dips are centred on the cut time. */
public enum Transition {
    CUT("cut"),
    CROSSFADE("crossfade"),
    DIP_TO_BLACK("dip-to-black");

    private final String label;

    Transition(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Transition fromLabel(String label) {
        for (Transition t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("transition must be one of cut, crossfade, dip-to-black, was " + label);
    }
}
