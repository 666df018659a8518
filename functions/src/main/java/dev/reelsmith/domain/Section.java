package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One structural part of a song (intro, verse, chorus…) as found by audio analysis: a half-open span
 * {@code [startSeconds, endSeconds)} of the song, with its energy relative to the loudest section.
 * Planners align scenes to sections and pick calmer or busier shots by {@code energy}.
 *
 * @param label        what the part most likely is (a heuristic guess from energy and repetition)
 * @param startSeconds where it starts, seconds from the start of the song
 * @param endSeconds   where it ends (exclusive), after {@code startSeconds}
 * @param energy       mean loudness relative to the loudest section: 1 for the loudest, 0.5 for one
 *                     half as loud (RMS amplitude), 0 for silence
 */
public record Section(Label label, double startSeconds, double endSeconds, double energy) {
    /** @throws InvalidFieldException naming the field and the broken rule */
    public Section {
        if (label == null) {
            throw new InvalidFieldException("label", "required", "label is required");
        }
        if (!Double.isFinite(startSeconds) || startSeconds < 0) {
            throw new InvalidFieldException("startSeconds", "minimum",
                    "startSeconds must be a finite number >= 0, was " + startSeconds);
        }
        if (!Double.isFinite(endSeconds) || endSeconds <= startSeconds) {
            throw new InvalidFieldException("endSeconds", "exclusiveMinimum",
                    "endSeconds must be greater than startSeconds (" + startSeconds + "), was " + endSeconds);
        }
        if (!(energy >= 0 && energy <= 1)) {
            throw new InvalidFieldException("energy", energy > 1 ? "maximum" : "minimum",
                    "energy must be between 0 and 1, was " + energy);
        }
    }

    /** Length of the section in seconds. */
    public double lengthSeconds() {
        return endSeconds - startSeconds;
    }

    /** Whether {@code seconds} falls inside {@code [startSeconds, endSeconds)}. */
    public boolean contains(double seconds) {
        return seconds >= startSeconds && seconds < endSeconds;
    }

    /** What a section of a song is; JSON form is the lower-case name, e.g. {@code "chorus"}. */
    public enum Label {
        INTRO,
        VERSE,
        CHORUS,
        BRIDGE,
        OUTRO,
        /** A part without singing (a solo, a break); not guessed by the analyzer, which cannot hear voices. */
        INSTRUMENTAL;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses the JSON form; the message lists every accepted value. */
        @JsonCreator
        public static Label fromLabel(String label) {
            for (Label value : values()) {
                if (value.label().equals(label)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("section label must be one of "
                    + Arrays.stream(values()).map(Label::label).collect(Collectors.joining(", ")) + ", was " + label);
        }
    }
}
