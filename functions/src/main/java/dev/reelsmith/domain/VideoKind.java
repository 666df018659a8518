package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a run makes; decides the script structure (ALT beats for ads, song sections for music videos). */
public enum VideoKind {
    AD,
    MUSIC_VIDEO,
    EXPLAINER;

    /** JSON form, e.g. {@code "music-video"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static VideoKind fromLabel(String label) {
        for (VideoKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be one of "
                + Arrays.stream(values()).map(VideoKind::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
