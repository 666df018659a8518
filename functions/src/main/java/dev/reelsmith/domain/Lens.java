package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The lens a shot is framed with, as a full-frame focal length; it goes into keyframe prompts ("85mm lens") and
 * tells the storyboard renderer how much depth to fake.
 */
public enum Lens {
    ULTRA_WIDE_14("14mm", 14),
    WIDE_24("24mm", 24),
    WIDE_35("35mm", 35),
    NORMAL_50("50mm", 50),
    PORTRAIT_85("85mm", 85),
    MACRO_100("100mm-macro", 100),
    TELEPHOTO_135("135mm", 135),
    TELEPHOTO_200("200mm", 200);

    private final String label;
    private final int focalLengthMm;

    Lens(String label, int focalLengthMm) {
        this.label = label;
        this.focalLengthMm = focalLengthMm;
    }

    /** JSON form, e.g. {@code "35mm"} or {@code "100mm-macro"}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Full-frame equivalent focal length in millimetres. */
    public int focalLengthMm() {
        return focalLengthMm;
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static Lens fromLabel(String label) {
        for (Lens lens : values()) {
            if (lens.label.equals(label)) {
                return lens;
            }
        }
        throw new IllegalArgumentException("lens must be one of "
                + Arrays.stream(values()).map(Lens::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
