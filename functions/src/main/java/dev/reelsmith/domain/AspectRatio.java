package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The output frame shapes Reelsmith renders, with their delivery resolution. */
public enum AspectRatio {
    LANDSCAPE("16:9", 1920, 1080),
    PORTRAIT("9:16", 1080, 1920),
    SQUARE("1:1", 1080, 1080);

    private final String label;
    private final int width;
    private final int height;

    AspectRatio(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    /** The ratio as users write it, e.g. {@code "9:16"}. */
    @JsonValue
    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Parses {@code "16:9"}, {@code "9:16"} or {@code "1:1"}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code label} is none of them
     */
    @JsonCreator
    public static AspectRatio fromLabel(String label) {
        for (AspectRatio ratio : values()) {
            if (ratio.label.equals(label)) {
                return ratio;
            }
        }
        throw new IllegalArgumentException("aspect ratio must be one of 16:9, 9:16, 1:1, was " + label);
    }
}
