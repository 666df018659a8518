package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lighting set-up a shot asks for; it goes into keyframe prompts and tints storyboard frames. */
public enum Lighting {
    NATURAL,
    GOLDEN_HOUR,
    BLUE_HOUR,
    OVERCAST,
    HIGH_KEY,
    LOW_KEY,
    STUDIO,
    BACKLIT,
    PRACTICAL,
    NEON,
    NIGHT;

    /** JSON form, e.g. {@code "golden-hour"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static Lighting fromLabel(String label) {
        for (Lighting lighting : values()) {
            if (lighting.label().equals(label)) {
                return lighting;
            }
        }
        throw new IllegalArgumentException("lighting must be one of "
                + Arrays.stream(values()).map(Lighting::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
