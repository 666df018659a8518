package dev.reelsmith.media.render;

import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * A timeline quantised to whole frames. Every cut lands on the frame nearest its time; a transition of
 * {@code t} frames (always even) is centred on its cut, so the outgoing shot runs {@code t/2} frames past the
 * cut and the incoming one starts {@code t/2} frames before it. Segment lengths then add up so that the
 * rendered video has exactly {@link #totalFrames()} frames.
 */
public final class FramePlan {
    private final int fps;
    private final int totalFrames;
    private final List<Segment> segments;

    /**
     * One shot's contribution.
     *
     * @param cutFrame        frame on which the shot's cut point lands
     * @param holdFrames      frames from its cut to the next cut
     * @param transitionIn    how it arrives
     * @param transitionFrames even length of the arriving transition (0 for a cut)
     * @param leadFrames      frames rendered before the cut (half the arriving transition)
     * @param tailFrames      frames rendered after the next cut (half the next transition)
     */
    public record Segment(TimelineShot shot, int cutFrame, int holdFrames, Transition transitionIn,
                          int transitionFrames, int leadFrames, int tailFrames) {
        /** Frames this shot's source must supply. */
        public int sourceFrames() {
            return leadFrames + holdFrames + tailFrames;
        }
    }

    private FramePlan(int fps, int totalFrames, List<Segment> segments) {
        this.fps = fps;
        this.totalFrames = totalFrames;
        this.segments = List.copyOf(segments);
    }

    /**
     * Quantises {@code timeline}.
     *
     * @throws IllegalArgumentException when a shot is shorter than one frame once its cuts are rounded
     */
    public static FramePlan of(Timeline timeline) {
        int fps = timeline.fps();
        int total = (int) Math.round(timeline.durationSeconds() * fps);
        List<TimelineShot> shots = timeline.shots();
        int n = shots.size();
        int[] cut = new int[n + 1];
        for (int i = 0; i < n; i++) {
            cut[i] = (int) Math.round(shots.get(i).startSeconds() * fps);
        }
        cut[n] = total;
        int[] transition = new int[n + 1];
        for (int i = 1; i < n; i++) {
            TimelineShot s = shots.get(i);
            if (s.transitionIn() != Transition.CUT) {
                int frames = 2 * (int) Math.round(s.transitionSeconds() * fps / 2.0);
                transition[i] = Math.max(2, frames);
            }
        }
        List<Segment> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int hold = cut[i + 1] - cut[i];
            if (hold < 1) {
                throw new IllegalArgumentException("shot " + shots.get(i).id() + " is shorter than one frame at "
                        + fps + " fps once cuts are placed on frames");
            }
            int lead = transition[i] / 2;
            int tail = transition[i + 1] / 2;
            if (lead + tail > hold) {
                // the timeline validated this in seconds; rounding to frames can still tip it over by one
                throw new IllegalArgumentException("shot " + shots.get(i).id() + " (" + hold
                        + " frames) is too short for its transitions (" + lead + " + " + tail + " frames)");
            }
            segments.add(new Segment(shots.get(i), cut[i], hold, shots.get(i).transitionIn(), transition[i], lead, tail));
        }
        return new FramePlan(fps, total, segments);
    }

    public int fps() {
        return fps;
    }

    /** Frames in the rendered video: {@code round(duration × fps)}. */
    public int totalFrames() {
        return totalFrames;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Seconds of {@code frames} at this plan's rate, printed exactly enough for FFmpeg options. */
    String seconds(long frames) {
        return String.format(java.util.Locale.ROOT, "%.6f", (double) frames / fps);
    }
}
