package dev.reelsmith.agents.shots;

import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.VideoKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides where the cuts go inside each beat. Music videos cut on downbeats (on beats where downbeats are
 * sparse), every bar in an energetic chorus, every two bars in verses and every four in intros, bridges and
 * outros, never longer than {@link Pacing#TARGET_MAX_SHOT_SECONDS}. Ads and explainers split long beats into
 * shots paced by the tone ({@link #shotSeconds}), on the soundtrack's beat grid when the brief gives a tempo, at
 * least {@link Pacing#MIN_AD_SHOT_SECONDS} each.
 */
public final class ShotSlots {
    private static final Pattern FAST = Pattern.compile("\\b(energetic|urgent|driving|punchy|fast|frantic|upbeat|exciting)\\b");
    private static final Pattern SLOW = Pattern.compile("\\b(unhurried|calm|slow|gentle|mellow|relaxed|warm|soothing|serene)\\b");
    private ShotSlots() {
    }

    /** The slots of every beat, in order; they tile the script. */
    public static List<ShotSlot> plan(Script script, PlanningInput input) {
        BeatGrid grid = BeatGrid.of(input);
        List<ShotSlot> slots = new ArrayList<>();
        for (Beat beat : script.beats()) {
            List<Double> cuts = input.kind() == VideoKind.MUSIC_VIDEO ? musicCuts(beat, grid)
                    : adCuts(beat, grid, shotSeconds(input));
            double start = beat.startSeconds();
            for (double cut : cuts) {
                slots.add(new ShotSlot(beat.index(), start, Pacing.millis(cut) - start));
                start = Pacing.millis(cut);
            }
            slots.add(new ShotSlot(beat.index(), start, beat.endSeconds() - start));
        }
        return slots;
    }

    private static List<Double> musicCuts(Beat beat, BeatGrid grid) {
        double min = Pacing.MIN_MUSIC_SHOT_SECONDS;
        double max = Pacing.TARGET_MAX_SHOT_SECONDS;
        double end = beat.endSeconds();
        double length = targetLength(beat, grid);
        List<Double> cuts = new ArrayList<>();
        double t = beat.startSeconds();
        while (end - t > length * 1.5 || end - t > max) {
            double ideal = t + length;
            double cut = pick(grid.downbeatsInside(t + min, Math.min(end - min, t + max) + 1e-9), ideal);
            if (Double.isNaN(cut)) {
                cut = pick(grid.beatsInside(t + min, Math.min(end - min, t + max) + 1e-9), ideal);
            }
            if (Double.isNaN(cut)) {
                if (end - t <= Pacing.MAX_SHOT_SECONDS || !grid.isEmpty()) {
                    break;
                }
                // no pulse to cut on: fall back to whole frames
                cut = Math.round(ideal * Pacing.FPS) / (double) Pacing.FPS;
            }
            cuts.add(cut);
            t = cut;
        }
        return cuts;
    }

    private static double targetLength(Beat beat, BeatGrid grid) {
        double bar = grid.barSeconds() > 0 ? grid.barSeconds() : 2.0;
        int bars = switch (beat.purpose()) {
            case CHORUS, HOOK -> 1;
            case VERSE, PRE_CHORUS, INSTRUMENTAL -> 2;
            default -> 4;
        };
        double length = bars * bar;
        while (length < 1.5) {
            // fast songs: a bar is too short to read, cut every other bar
            length += bar;
        }
        return Math.min(Pacing.TARGET_MAX_SHOT_SECONDS, length);
    }

    /**
     * How long an ad or explainer shot should hold: 2.5 s when the tone is fast (energetic, urgent, driving),
     * 5 s when it is slow (warm, calm, unhurried), 3.5 s otherwise; explainers a second longer.
     */
    static double shotSeconds(PlanningInput input) {
        String tone = input.brief() == null || input.brief().tone() == null ? "" : input.brief().tone().toLowerCase(Locale.ROOT);
        double each = FAST.matcher(tone).find() ? 2.5 : SLOW.matcher(tone).find() ? 5.0 : 3.5;
        return input.kind() == VideoKind.EXPLAINER ? each + 1 : each;
    }

    private static List<Double> adCuts(Beat beat, BeatGrid grid, double each) {
        double min = Pacing.MIN_AD_SHOT_SECONDS;
        double duration = beat.durationSeconds();
        int shots = (int) Math.max(1, Math.round(duration / each));
        shots = (int) Math.min(shots, Math.floor(duration / min + 1e-9));
        List<Double> cuts = new ArrayList<>();
        double previous = beat.startSeconds();
        for (int k = 1; k < shots; k++) {
            double ideal = beat.startSeconds() + duration * k / shots;
            double lowest = previous + min;
            double highest = beat.endSeconds() - min * (shots - k);
            double cut = grid.isEmpty() ? Double.NaN : pick(grid.beatsInside(lowest - 1e-9, highest + 1e-9), ideal);
            if (Double.isNaN(cut)) {
                cut = Math.max(lowest, Math.min(highest, Math.round(ideal * 10) / 10.0));
            }
            cuts.add(cut);
            previous = cut;
        }
        return cuts;
    }

    private static double pick(List<Double> candidates, double ideal) {
        double best = Double.NaN;
        for (double candidate : candidates) {
            if (Double.isNaN(best) || Math.abs(candidate - ideal) < Math.abs(best - ideal)) {
                best = candidate;
            }
        }
        return best;
    }
}
