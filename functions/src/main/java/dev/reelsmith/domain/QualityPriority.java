package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the production planner trades cost against quality when it picks a tool for a shot. */
public enum QualityPriority {
    /** The cheapest tool that can make the shot. */
    COST,
    /** The best quality per dollar. */
    BALANCED,
    /** The best tool the budget allows. */
    QUALITY;

    /** JSON form, e.g. {@code "balanced"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static QualityPriority fromLabel(String label) {
        for (QualityPriority priority : values()) {
            if (priority.label().equals(label)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("qualityPriority must be one of "
                + Arrays.stream(values()).map(QualityPriority::label).collect(Collectors.joining(", "))
                + ", was " + label);
    }
}
