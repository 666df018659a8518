package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a text overlay is for; each role has its own typographic style and default placement. */
public enum OverlayRole {
    TITLE,
    CAPTION,
    LYRIC,
    CTA;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OverlayRole fromLabel(String label) {
        for (OverlayRole role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("overlay role must be one of title, caption, lyric, cta, was " + label);
    }
}
