package dev.reelsmith.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the Analyze step learns about a song (stored as {@code analysis.json}): its length and loudness,
 * its tempo and beat grid, which beats start a bar, and its coarse sections. Planners snap cuts and shot
 * durations to {@link #beats()} and {@link #downbeats()} and align scenes to {@link #sections()}.
 *
 * <p>A song with no detectable pulse (silence, a drone, speech) has {@code tempoBpm} 0 and no beats or
 * downbeats; it still has sections covering the whole song. Silence measures {@link #SILENCE_LUFS} and a
 * true peak of {@link #SILENCE_DBTP}.
 *
 * @param durationSeconds        length of the decoded audio
 * @param sampleRate             sample rate of the PCM the analysis ran on (not necessarily the source's)
 * @param channels               channel count of the source audio stream
 * @param integratedLoudnessLufs EBU R128 / ITU-R BS.1770 integrated loudness, LUFS
 * @param loudnessRangeLu        EBU R128 loudness range (LRA), LU
 * @param truePeakDbtp           ITU-R BS.1770 true peak (4x oversampled), dBTP
 * @param tempoBpm               the beat rate in beats per minute, or 0 when there is no pulse
 * @param beats                  beat times in seconds, strictly ascending, within the song
 * @param downbeats              times of the first beat of each bar: a subset of {@code beats}
 * @param beatsPerBar            beats in a bar (the analyzer assumes 4/4)
 * @param sections               the song's parts, tiling {@code [0, durationSeconds]} in order
 */
public record Analysis(
        double durationSeconds,
        int sampleRate,
        int channels,
        double integratedLoudnessLufs,
        double loudnessRangeLu,
        double truePeakDbtp,
        double tempoBpm,
        List<Double> beats,
        List<Double> downbeats,
        int beatsPerBar,
        List<Section> sections) {

    /** Integrated loudness reported for silence: the absolute gate of BS.1770. */
    public static final double SILENCE_LUFS = -70.0;
    /** True peak reported for digital silence (below the resolution of 24-bit audio). */
    public static final double SILENCE_DBTP = -150.0;
    /** Slowest and fastest tempo a song with a pulse may have. */
    public static final double MIN_TEMPO_BPM = 30;
    public static final double MAX_TEMPO_BPM = 300;

    /**
     * @throws InvalidFieldException naming the field and the broken rule, e.g. "beats must be strictly
     *                               ascending, but beats[3] (1.2) follows 1.5"
     */
    public Analysis {
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw fail("durationSeconds", "exclusiveMinimum",
                    "durationSeconds must be a finite number > 0, was " + durationSeconds);
        }
        if (sampleRate <= 0) {
            throw fail("sampleRate", "exclusiveMinimum", "sampleRate must be > 0, was " + sampleRate);
        }
        if (channels <= 0) {
            throw fail("channels", "exclusiveMinimum", "channels must be > 0, was " + channels);
        }
        if (!(integratedLoudnessLufs >= SILENCE_LUFS && integratedLoudnessLufs <= 10)) {
            throw fail("integratedLoudnessLufs", integratedLoudnessLufs > 10 ? "maximum" : "minimum",
                    "integratedLoudnessLufs must be between -70 and 10, was " + integratedLoudnessLufs);
        }
        if (!Double.isFinite(loudnessRangeLu) || loudnessRangeLu < 0) {
            throw fail("loudnessRangeLu", "minimum",
                    "loudnessRangeLu must be a finite number >= 0, was " + loudnessRangeLu);
        }
        if (!(truePeakDbtp >= SILENCE_DBTP && truePeakDbtp <= 30)) {
            throw fail("truePeakDbtp", truePeakDbtp > 30 ? "maximum" : "minimum",
                    "truePeakDbtp must be between -150 and 30, was " + truePeakDbtp);
        }
        if (!(tempoBpm == 0 || (tempoBpm >= MIN_TEMPO_BPM && tempoBpm <= MAX_TEMPO_BPM))) {
            throw fail("tempoBpm", "range", "tempoBpm must be 0 (no pulse) or between 30 and 300, was " + tempoBpm);
        }
        beats = copyOf("beats", beats);
        downbeats = copyOf("downbeats", downbeats);
        sections = copyOf("sections", sections);
        if (tempoBpm == 0 && !beats.isEmpty()) {
            throw fail("beats", "consistency", "beats must be empty when tempoBpm is 0, had " + beats.size());
        }
        if (tempoBpm != 0 && beats.isEmpty()) {
            throw fail("beats", "consistency", "beats must not be empty when tempoBpm is " + tempoBpm);
        }
        checkTimes("beats", beats, durationSeconds);
        checkTimes("downbeats", downbeats, durationSeconds);
        for (int i = 0; i < downbeats.size(); i++) {
            if (Collections.binarySearch(beats, downbeats.get(i)) < 0) {
                throw fail("downbeats[" + i + "]", "subset",
                        "downbeats[" + i + "] (" + downbeats.get(i) + ") must be one of the beats");
            }
        }
        if (beatsPerBar < 1 || beatsPerBar > 16) {
            throw fail("beatsPerBar", beatsPerBar < 1 ? "minimum" : "maximum",
                    "beatsPerBar must be between 1 and 16, was " + beatsPerBar);
        }
        checkTiling(sections, durationSeconds);
    }

    private static InvalidFieldException fail(String field, String rule, String message) {
        return new InvalidFieldException(field, rule, message);
    }

    private static <T> List<T> copyOf(String name, List<T> values) {
        if (values == null) {
            throw fail(name, "required", name + " is required");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw fail(name + "[" + i + "]", "type", name + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    private static void checkTimes(String name, List<Double> times, double duration) {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.size(); i++) {
            double t = times.get(i);
            if (!(t >= 0 && t <= duration)) {
                throw fail(name + "[" + i + "]", "range",
                        name + "[" + i + "] must be between 0 and durationSeconds (" + duration + "), was " + t);
            }
            if (t <= previous) {
                throw fail(name + "[" + i + "]", "ascending", name + " must be strictly ascending, but "
                        + name + "[" + i + "] (" + t + ") follows " + previous);
            }
            previous = t;
        }
    }

    private static void checkTiling(List<Section> sections, double duration) {
        if (sections.isEmpty()) {
            throw fail("sections", "minItems", "sections must not be empty");
        }
        if (sections.get(0).startSeconds() != 0) {
            throw fail("sections[0]", "tiling",
                    "sections must start at 0, but sections[0] starts at " + sections.get(0).startSeconds());
        }
        for (int i = 1; i < sections.size(); i++) {
            double previousEnd = sections.get(i - 1).endSeconds();
            double start = sections.get(i).startSeconds();
            if (start != previousEnd) {
                throw fail("sections[" + i + "]", "tiling", "sections must tile the song without gaps or overlaps, "
                        + "but sections[" + i + "] starts at " + start + " and sections[" + (i - 1) + "] ends at "
                        + previousEnd);
            }
        }
        double end = sections.get(sections.size() - 1).endSeconds();
        if (end != duration) {
            throw fail("sections[" + (sections.size() - 1) + "]", "tiling",
                    "sections must end at durationSeconds (" + duration + "), but the last ends at " + end);
        }
    }

    /** Seconds per beat at {@link #tempoBpm()}, or 0 when there is no pulse. */
    public double beatPeriodSeconds() {
        return tempoBpm == 0 ? 0 : 60.0 / tempoBpm;
    }

    /** The beat closest to {@code seconds} (the earlier one on a tie), or empty when there are no beats. */
    public OptionalDouble nearestBeat(double seconds) {
        return nearest(beats, seconds);
    }

    /** The downbeat closest to {@code seconds} (the earlier one on a tie), or empty when there are none. */
    public OptionalDouble nearestDownbeat(double seconds) {
        return nearest(downbeats, seconds);
    }

    /** The beats in {@code [fromSeconds, toSeconds)}, ascending; empty when {@code toSeconds <= fromSeconds}. */
    public List<Double> beatsBetween(double fromSeconds, double toSeconds) {
        return between(beats, fromSeconds, toSeconds);
    }

    /** The downbeats in {@code [fromSeconds, toSeconds)}, ascending. */
    public List<Double> downbeatsBetween(double fromSeconds, double toSeconds) {
        return between(downbeats, fromSeconds, toSeconds);
    }

    /** The section playing at {@code seconds}; the last section for {@code durationSeconds} itself. */
    public Optional<Section> sectionAt(double seconds) {
        for (Section section : sections) {
            if (section.contains(seconds)) {
                return Optional.of(section);
            }
        }
        Section last = sections.get(sections.size() - 1);
        return seconds == last.endSeconds() ? Optional.of(last) : Optional.empty();
    }

    private static OptionalDouble nearest(List<Double> times, double seconds) {
        if (times.isEmpty()) {
            return OptionalDouble.empty();
        }
        int index = Collections.binarySearch(times, seconds);
        if (index >= 0) {
            return OptionalDouble.of(times.get(index));
        }
        int after = -index - 1;
        if (after == 0) {
            return OptionalDouble.of(times.get(0));
        }
        if (after == times.size()) {
            return OptionalDouble.of(times.get(times.size() - 1));
        }
        double before = times.get(after - 1);
        double next = times.get(after);
        return OptionalDouble.of(seconds - before <= next - seconds ? before : next);
    }

    private static List<Double> between(List<Double> times, double from, double to) {
        List<Double> result = new ArrayList<>();
        for (double t : times) {
            if (t >= from && t < to) {
                result.add(t);
            }
        }
        return List.copyOf(result);
    }
}
