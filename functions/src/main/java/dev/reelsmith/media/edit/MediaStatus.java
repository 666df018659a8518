package dev.reelsmith.media.edit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of one planned shot by the time the video is composed. */
public enum MediaStatus {
    /** A keyframe (and perhaps a clip) exists and may be used. */
    USABLE,
    /** Generation failed after its retries and fallbacks. */
    FAILED,
    /** A reviewer, or a content check, turned the media down. */
    REJECTED;

    /** JSON form, e.g. {@code "usable"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static MediaStatus fromLabel(String label) {
        for (MediaStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("media status must be one of usable, failed, rejected, was " + label);
    }
}
