package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a generation tool in the tool catalog makes. */
public enum ToolKind {
    /** Keyframes and stills. */
    IMAGE,
    /** Clips animated from a keyframe. */
    VIDEO,
    /** Soundtracks. */
    MUSIC,
    /** Structured text: scripts and plans. */
    TEXT;

    /** JSON form, e.g. {@code "video"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static ToolKind fromLabel(String label) {
        for (ToolKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("tool kind must be one of "
                + Arrays.stream(values()).map(ToolKind::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
