package dev.reelsmith.media.edit;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.AudioTrack;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotImportance;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.ShotSource;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a run's plan and media into the {@link Timeline} the renderer draws (the timeline maths of the Compose
 * step). Pure: it reads no files and calls nothing.
 *
 * <ul>
 *   <li><b>Length.</b> A music video lasts exactly as long as its song, to the frame; an ad or explainer exactly
 *       its brief's target. The shot list lasts as long as the script's beats, which the script validator keeps
 *       within {@value #ALIGN_TOLERANCE_SECONDS} s of that target (within 1 ms for songs), so the last shot absorbs
 *       the difference. A shot list that ends earlier than its song by more than that ends the video early, with the
 *       song faded out over its last second.</li>
 *   <li><b>Slots.</b> The shot list's cut points are the only cuts (for songs they are already on beats and
 *       downbeats); the approved shots fill them in the approved order, and a failed or rejected shot's slot is
 *       merged into the previous one (the first into the next), so no cut moves off the grid.</li>
 *   <li><b>Pictures.</b> A clip is used when it covers its slot (the renderer trims it); a clip that is too short
 *       would freeze on its last frame, so its keyframe is used instead, with Ken Burns motion.</li>
 *   <li><b>Transitions.</b> The plan's transition on each cut, clamped to a third of the shorter neighbouring slot
 *       and to whole, even frame counts; one too short to see becomes a cut. Crossfades last one beat in songs.</li>
 *   <li><b>Text, sound, fades and poster</b> as described on {@link #assemble}.</li>
 * </ul>
 */
public final class TimelineAssembler {
    /** How far the shot list may miss the target length before it is taken as a shorter video. */
    public static final double ALIGN_TOLERANCE_SECONDS = 0.5;
    /** Crossfade and dip length for briefs, and for songs without a pulse. */
    static final double TRANSITION_SECONDS = 0.5;
    /** A one-beat transition is kept between these lengths (a very fast beat would flash, a slow one drag). */
    static final double MIN_BEAT_TRANSITION_SECONDS = 0.25;
    static final double MAX_BEAT_TRANSITION_SECONDS = 1.0;
    /** Ads end on a short fade to black, after the call to action has been read. */
    static final double AD_FADE_OUT_SECONDS = 0.5;
    /** Songs fade to black over their last beat, or this long without a pulse. */
    static final double SONG_FADE_OUT_SECONDS = 1.0;
    static final double MAX_SONG_FADE_OUT_SECONDS = 2.0;
    /** A music bed eases in, and out over the last beat of the call to action. */
    static final double BED_FADE_IN_SECONDS = 0.5;
    static final double BED_FADE_OUT_SECONDS = 1.5;
    /** A song cut short fades out over its last second in the video. */
    static final double SONG_CUT_FADE_SECONDS = 1.0;

    /**
     * Assembles the timeline.
     *
     * <p>Overlays: for briefs, the title for the first 2 s (centre), each beat's on-screen text during its beat
     * (lower third; key messages are already in the beats), and the call to action with its URL over the last 2.5-3
     * s (lower third, brand colours); for songs, the title and artist for the first 3 s and each LRC lyric line from
     * its timestamp to the next line, at most 6 s. Overlays fade in and out over 0.25 s and never clash at one
     * position. Sound: the song from its start (faded only when the video ends before it), or a music bed faded in
     * over 0.5 s and out over 1.5 s, at the renderer's default loudness target. Picture: ads fade to black over the
     * last 0.5 s, songs over their last beat (1 s without a pulse). The poster is the middle of the first hero shot,
     * else a third of the way in.
     *
     * @throws NoUsableShotsException   when every shot failed, was rejected or was left out of the approved order
     * @throws IllegalArgumentException when the shot list cannot be fitted to the target length
     */
    public Timeline assemble(EditInput input) {
        PlanningInput planning = input.planning();
        int fps = input.fps();
        double songSeconds = planning.song() != null ? planning.song().analysis().durationSeconds() : 0;
        double end = videoEnd(input);
        int totalFrames = (int) Math.round(end * fps);
        if (totalFrames < 1) {
            throw new IllegalArgumentException("the video must last at least one frame, was " + end + " s");
        }
        double duration = (double) totalFrames / fps;

        List<Slots.Slot> slots = Slots.assign(input, duration, fps);
        int[] transitionFrames = transitionFrames(slots, planning, fps);
        List<TimelineShot> shots = new ArrayList<>(slots.size());
        List<Double> cuts = new ArrayList<>();
        for (int j = 0; j < slots.size(); j++) {
            Slots.Slot slot = slots.get(j);
            int frames = transitionFrames[j];
            Transition transition = frames == 0 ? Transition.CUT : slot.transition();
            int sourceFrames = frames / 2 + slot.frames() + transitionFrames[j + 1] / 2;
            shots.add(shot(slot, transition, (double) frames / fps, sourceFrames, fps));
            if (j > 0) {
                cuts.add(slot.start());
            }
        }

        List<TextOverlay> overlays = Captions.of(planning, input.script(), duration, cuts);
        AudioTrack audio = audio(input, duration, songSeconds, fps);
        double fadeOut = Math.min(fadeOut(planning), duration / 2);
        return new Timeline(planning.aspectRatio(), fps, duration, shots, overlays, audio, 0.0, fadeOut,
                poster(input, shots, duration));
    }

    /** Where the video ends before quantising to frames: the song's or the brief's length, or a shorter shot list's. */
    private static double videoEnd(EditInput input) {
        double target = input.planning().targetDurationSeconds();
        double listed = input.shotList().durationSeconds();
        double slack = ALIGN_TOLERANCE_SECONDS + 1.0 / input.fps();
        if (Math.abs(listed - target) <= slack) {
            return target;
        }
        if (input.planning().song() != null && listed < target) {
            return listed;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the shot list lasts %.3f s but the %s lasts "
                + "%.3f s; they may differ by at most %.1f s", listed,
                input.planning().song() != null ? "song" : "brief's target", target, ALIGN_TOLERANCE_SECONDS));
    }

    /**
     * Even frame counts of the transition arriving at each slot (index {@code slots.size()} is always 0): the
     * planned length, at most a third of the shorter of the two slots it joins, 0 for a cut or one under 2 frames.
     */
    private static int[] transitionFrames(List<Slots.Slot> slots, PlanningInput planning, int fps) {
        int[] frames = new int[slots.size() + 1];
        for (int j = 1; j < slots.size(); j++) {
            Slots.Slot slot = slots.get(j);
            if (slot.transition() == Transition.CUT) {
                continue;
            }
            // the wanted length rounds to even frames as the renderer would; the cap rounds down so it holds
            int wanted = 2 * (int) Math.round(transitionSeconds(planning) * fps / 2);
            int shorter = Math.min(slots.get(j - 1).frames(), slot.frames());
            int cap = 2 * (int) Math.floor(shorter / 6.0 + 1e-9);
            int even = Math.min(Math.min(wanted, cap), 5 * fps - (5 * fps) % 2);
            frames[j] = even >= 2 ? even : 0;
        }
        return frames;
    }

    private static double transitionSeconds(PlanningInput planning) {
        if (planning.song() == null || planning.song().analysis().tempoBpm() == 0) {
            return TRANSITION_SECONDS;
        }
        double beat = planning.song().analysis().beatPeriodSeconds();
        return Math.max(MIN_BEAT_TRANSITION_SECONDS, Math.min(MAX_BEAT_TRANSITION_SECONDS, beat));
    }

    /** The slot's shot, from its clip when the clip covers the {@code sourceFrames} the renderer will take. */
    private static TimelineShot shot(Slots.Slot slot, Transition transition, double transitionSeconds,
                                     int sourceFrames, int fps) {
        ShotMedia media = slot.media();
        CameraMovement move = slot.shot().cameraMovement();
        ShotSource source;
        if (media.clipPath() == null) {
            source = ShotSource.ofImage(media.imagePath());
        } else if (media.imagePath() == null || media.clipDurationSeconds() == null
                || media.clipDurationSeconds() >= (sourceFrames - 1.0) / fps) {
            // an unknown length is trusted: providers deliver the length they were asked for; a one-frame
            // shortfall is invisible (the renderer holds the last frame)
            source = ShotSource.ofVideo(media.clipPath());
        } else {
            source = ShotSource.ofImage(media.imagePath());
            move = move == CameraMovement.STATIC ? CameraMovement.PUSH_IN : move;
        }
        return new TimelineShot(slot.shot().id(), slot.start(), slot.end() - slot.start(), source, move, transition,
                transition == Transition.CUT ? 0.0 : transitionSeconds);
    }

    private static AudioTrack audio(EditInput input, double duration, double songSeconds, int fps) {
        Soundtrack soundtrack = input.soundtrack();
        return switch (soundtrack.kind()) {
            case NONE -> null;
            case MUSIC_BED -> new AudioTrack(soundtrack.path(), 0.0, Math.min(BED_FADE_IN_SECONDS, duration / 2),
                    Math.min(BED_FADE_OUT_SECONDS, duration / 2), null, null);
            case SONG -> {
                boolean cutShort = songSeconds - duration > 1.0 / fps;
                Analysis analysis = input.planning().song().analysis();
                // the analysis measured the whole song on its own channels; when the video plays all of it in
                // stereo that is what the renderer would measure, so it can apply one clean gain instead of
                // dynamic normalisation (a mono song gains 3 dB when spread over two channels: let it measure)
                Double measured = !cutShort && analysis.channels() == 2
                        && analysis.integratedLoudnessLufs() > Analysis.SILENCE_LUFS
                        ? analysis.integratedLoudnessLufs() : null;
                yield new AudioTrack(soundtrack.path(), 0.0, 0.0,
                        cutShort ? Math.min(SONG_CUT_FADE_SECONDS, duration / 2) : 0.0, null, measured);
            }
        };
    }

    private static double fadeOut(PlanningInput planning) {
        if (planning.song() == null) {
            return AD_FADE_OUT_SECONDS;
        }
        double beat = planning.song().analysis().beatPeriodSeconds();
        return beat > 0 ? Math.min(beat, MAX_SONG_FADE_OUT_SECONDS) : SONG_FADE_OUT_SECONDS;
    }

    private static double poster(EditInput input, List<TimelineShot> shots, double duration) {
        if (input.plan() != null) {
            Map<String, ShotImportance> importance = new HashMap<>();
            for (ShotProduction p : input.plan().shots()) {
                importance.put(p.shotId(), p.importance());
            }
            for (TimelineShot shot : shots) {
                if (importance.get(shot.id()) == ShotImportance.HERO) {
                    return shot.startSeconds() + shot.durationSeconds() / 2;
                }
            }
        }
        return duration / 3;
    }
}
