package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much a shot matters to the story; the production planner spends the budget on hero shots first and
 * degrades background shots first.
 */
public enum ShotImportance {
    /** A moment the video stands on: the hook, the product reveal, the first shot of a chorus. */
    HERO(1.5),
    /** An ordinary story shot. */
    STANDARD(1.0),
    /** A cutaway or texture shot the story survives without. */
    BACKGROUND(0.6);

    private final double weight;

    ShotImportance(double weight) {
        this.weight = weight;
    }

    /** How much the shot's quality counts in the planner's objective, relative to a standard shot. */
    public double weight() {
        return weight;
    }

    /** JSON form, e.g. {@code "hero"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static ShotImportance fromLabel(String label) {
        for (ShotImportance importance : values()) {
            if (importance.label().equals(label)) {
                return importance;
            }
        }
        throw new IllegalArgumentException("importance must be one of "
                + Arrays.stream(values()).map(ShotImportance::label).collect(Collectors.joining(", "))
                + ", was " + label);
    }
}
