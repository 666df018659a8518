package dev.reelsmith.media.edit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The sound a video is cut to: the run's song, a generated music bed, or nothing (the renderer then writes a
 * silent AAC track).
 *
 * @param kind song, music bed or none
 * @param path the local audio file; null exactly when {@code kind} is none
 */
public record Soundtrack(Kind kind, String path) {
    public Soundtrack {
        if (kind == null) {
            throw new IllegalArgumentException("soundtrack kind is required (song, music-bed or none)");
        }
        if (kind == Kind.NONE && path != null) {
            throw new IllegalArgumentException("a soundtrack of kind none takes no path, was " + path);
        }
        if (kind != Kind.NONE && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("a soundtrack of kind " + kind.label() + " needs a path");
        }
    }

    /** The run's own song, played from its start. */
    public static Soundtrack song(String path) {
        return new Soundtrack(Kind.SONG, path);
    }

    /** A music bed generated for a brief, exactly as long as the video. */
    public static Soundtrack musicBed(String path) {
        return new Soundtrack(Kind.MUSIC_BED, path);
    }

    /** Silence. */
    public static Soundtrack none() {
        return new Soundtrack(Kind.NONE, null);
    }

    /** Where a soundtrack comes from. */
    public enum Kind {
        SONG,
        MUSIC_BED,
        NONE;

        /** JSON form, e.g. {@code "music-bed"}. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses the JSON form; the message lists every accepted value. */
        @JsonCreator
        public static Kind fromLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label().equals(label)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("soundtrack kind must be one of song, music-bed, none, was " + label);
        }
    }
}
