package dev.reelsmith.agents;

import dev.reelsmith.domain.Analysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The musical grid cuts are placed on: for a song, the beats and downbeats the analysis detected; for a brief
 * with a tempo hint, the grid the synthesised soundtrack will play on (beats every {@code 60/bpm} s from 0, a
 * downbeat every bar); otherwise empty, and cuts fall on the frame grid.
 */
public final class BeatGrid {
    private static final BeatGrid NONE = new BeatGrid(new double[0], new double[0], 0, 4, false);

    private final double[] beats;
    private final double[] downbeats;
    private final double beatSeconds;
    private final int beatsPerBar;
    private final boolean detected;

    private BeatGrid(double[] beats, double[] downbeats, double beatSeconds, int beatsPerBar, boolean detected) {
        this.beats = beats;
        this.downbeats = downbeats;
        this.beatSeconds = beatSeconds;
        this.beatsPerBar = beatsPerBar;
        this.detected = detected;
    }

    /** The grid a run cuts on. */
    public static BeatGrid of(PlanningInput input) {
        if (input.song() != null) {
            return detected(input.song().analysis());
        }
        if (input.brief() != null && input.brief().music() != null && input.brief().music().tempoBpm() != null) {
            return hinted(input.brief().music().tempoBpm(), input.targetDurationSeconds());
        }
        return NONE;
    }

    /** The beats and downbeats an analysis detected. */
    public static BeatGrid detected(Analysis analysis) {
        double[] beats = analysis.beats().stream().mapToDouble(Double::doubleValue).toArray();
        double[] downbeats = analysis.downbeats().stream().mapToDouble(Double::doubleValue).toArray();
        return new BeatGrid(beats, downbeats, analysis.beatPeriodSeconds(), analysis.beatsPerBar(), true);
    }

    /** A steady 4/4 grid at {@code bpm} from 0 to {@code durationSeconds}. */
    public static BeatGrid hinted(double bpm, double durationSeconds) {
        double period = 60.0 / bpm;
        int count = (int) Math.floor(durationSeconds / period + 1e-9) + 1;
        double[] beats = new double[count];
        List<Double> down = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            beats[i] = i * period;
            if (i % 4 == 0) {
                down.add(beats[i]);
            }
        }
        return new BeatGrid(beats, down.stream().mapToDouble(Double::doubleValue).toArray(), period, 4, false);
    }

    /** No grid: cuts fall on frames. */
    public static BeatGrid none() {
        return NONE;
    }

    public boolean isEmpty() {
        return beats.length == 0;
    }

    /** True when the beats were detected in real audio (a song), false for a tempo hint or no grid. */
    public boolean detected() {
        return detected;
    }

    /** Seconds per beat, 0 without a grid. */
    public double beatSeconds() {
        return beatSeconds;
    }

    /** Seconds per bar, 0 without a grid. */
    public double barSeconds() {
        return beatSeconds * beatsPerBar;
    }

    /** The beat closest to {@code seconds}, or empty without a grid. */
    public OptionalDouble nearestBeat(double seconds) {
        return nearest(beats, seconds);
    }

    /** The downbeat closest to {@code seconds}, or empty when there are none. */
    public OptionalDouble nearestDownbeat(double seconds) {
        return nearest(downbeats, seconds);
    }

    /** Whether {@code seconds} is within {@code tolerance} of a beat. */
    public boolean onBeat(double seconds, double tolerance) {
        OptionalDouble beat = nearestBeat(seconds);
        return beat.isPresent() && Math.abs(beat.getAsDouble() - seconds) <= tolerance;
    }

    /** Beats strictly inside {@code (from, to)}, ascending. */
    public List<Double> beatsInside(double from, double to) {
        return inside(beats, from, to);
    }

    /** Downbeats strictly inside {@code (from, to)}, ascending. */
    public List<Double> downbeatsInside(double from, double to) {
        return inside(downbeats, from, to);
    }

    private static List<Double> inside(double[] times, double from, double to) {
        List<Double> result = new ArrayList<>();
        int start = Arrays.binarySearch(times, from);
        start = start >= 0 ? start + 1 : -start - 1;
        for (int i = start; i < times.length && times[i] < to; i++) {
            if (times[i] > from) {
                result.add(times[i]);
            }
        }
        return result;
    }

    private static OptionalDouble nearest(double[] times, double seconds) {
        if (times.length == 0) {
            return OptionalDouble.empty();
        }
        int index = Arrays.binarySearch(times, seconds);
        if (index >= 0) {
            return OptionalDouble.of(times[index]);
        }
        int after = -index - 1;
        if (after == 0) {
            return OptionalDouble.of(times[0]);
        }
        if (after == times.length) {
            return OptionalDouble.of(times[times.length - 1]);
        }
        double before = times[after - 1];
        double next = times[after];
        return OptionalDouble.of(seconds - before <= next - seconds ? before : next);
    }
}
