package dev.reelsmith.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything the renderer needs to produce one video: contiguous shots covering the whole duration, text
 * overlays, the soundtrack and the delivery shape. Shot times are cut points; the renderer places every cut
 * on the frame nearest to it and centres crossfades on it.
 *
 * @param aspect          output shape and size (16:9 1920x1080, 9:16 1080x1920, 1:1 1080x1080)
 * @param fps             frame rate: 24, 25, 30, 50 or 60 (30 by default)
 * @param durationSeconds total length; the video ends exactly here, with the audio
 * @param shots           contiguous shots from 0 to {@code durationSeconds}
 * @param overlays        text overlays (may be empty)
 * @param audio           soundtrack, or null for silence (a silent AAC track is still written)
 * @param fadeInSeconds   fade from black at the start (0 or absent for none)
 * @param fadeOutSeconds  fade to black at the end (0 or absent for none)
 * @param posterSeconds   the moment the poster frame is taken, or null for the renderer's choice
 */
public record Timeline(AspectRatio aspect, Integer fps, double durationSeconds, List<TimelineShot> shots,
                       List<TextOverlay> overlays, AudioTrack audio, Double fadeInSeconds, Double fadeOutSeconds,
                       Double posterSeconds) {
    private static final double EPS = 0.001;
    private static final Set<Integer> RATES = Set.of(24, 25, 30, 50, 60);

    public Timeline {
        if (aspect == null) {
            throw new IllegalArgumentException("aspect is required (16:9, 9:16 or 1:1)");
        }
        fps = fps == null ? 30 : fps;
        fadeInSeconds = fadeInSeconds == null ? 0.0 : fadeInSeconds;
        fadeOutSeconds = fadeOutSeconds == null ? 0.0 : fadeOutSeconds;
        if (!RATES.contains(fps)) {
            throw new IllegalArgumentException("fps must be one of 24, 25, 30, 50, 60, was " + fps);
        }
        if (!(durationSeconds > 0 && durationSeconds <= 3600)) {
            throw new IllegalArgumentException("durationSeconds must be in (0, 3600], was " + durationSeconds);
        }
        if (durationSeconds * fps < 1) {
            throw new IllegalArgumentException("durationSeconds must last at least one frame, was " + durationSeconds);
        }
        if (shots == null || shots.isEmpty()) {
            throw new IllegalArgumentException("shots must not be empty");
        }
        if (shots.size() > 1000) {
            throw new IllegalArgumentException("shots must number at most 1000, was " + shots.size());
        }
        shots = List.copyOf(shots);
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
        validateShots(shots, durationSeconds);
        for (TextOverlay overlay : overlays) {
            if (overlay.endSeconds() > durationSeconds + EPS) {
                throw new IllegalArgumentException("overlay \"" + abbreviate(overlay.text()) + "\" ends at "
                        + overlay.endSeconds() + " s, after the timeline's end " + durationSeconds + " s");
            }
        }
        if (!(fadeInSeconds >= 0 && fadeInSeconds <= durationSeconds / 2)) {
            throw new IllegalArgumentException("fadeInSeconds must be between 0 and half the duration, was " + fadeInSeconds);
        }
        if (!(fadeOutSeconds >= 0 && fadeOutSeconds <= durationSeconds / 2)) {
            throw new IllegalArgumentException("fadeOutSeconds must be between 0 and half the duration, was " + fadeOutSeconds);
        }
        if (posterSeconds != null && !(posterSeconds >= 0 && posterSeconds < durationSeconds)) {
            throw new IllegalArgumentException("posterSeconds must be within [0, " + durationSeconds + "), was " + posterSeconds);
        }
    }

    private static void validateShots(List<TimelineShot> shots, double duration) {
        TimelineShot first = shots.get(0);
        if (Math.abs(first.startSeconds()) > EPS) {
            throw new IllegalArgumentException("the first shot (" + first.id() + ") must start at 0, was " + first.startSeconds());
        }
        if (first.transitionIn() != Transition.CUT) {
            throw new IllegalArgumentException("the first shot (" + first.id() + ") must arrive by cut, was "
                    + first.transitionIn().label() + "; use fadeInSeconds for a fade from black");
        }
        for (int i = 1; i < shots.size(); i++) {
            TimelineShot prev = shots.get(i - 1);
            TimelineShot cur = shots.get(i);
            if (Math.abs(cur.startSeconds() - prev.endSeconds()) > EPS) {
                throw new IllegalArgumentException("shot " + cur.id() + " must start where shot " + prev.id()
                        + " ends (" + prev.endSeconds() + " s), was " + cur.startSeconds() + " s");
            }
        }
        TimelineShot last = shots.get(shots.size() - 1);
        if (Math.abs(last.endSeconds() - duration) > EPS) {
            throw new IllegalArgumentException("the last shot (" + last.id() + ") must end at durationSeconds "
                    + duration + ", was " + last.endSeconds());
        }
        for (int i = 0; i < shots.size(); i++) {
            TimelineShot s = shots.get(i);
            double in = s.transitionSeconds() / 2;
            double out = i + 1 < shots.size() ? shots.get(i + 1).transitionSeconds() / 2 : 0;
            if (in + out > s.durationSeconds() + EPS) {
                throw new IllegalArgumentException("shot " + s.id() + " (" + s.durationSeconds()
                        + " s) is too short for its transitions: half of each transition (" + in + " s in, " + out
                        + " s out) falls inside it");
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Output width in pixels. */
    public int width() {
        return aspect.width();
    }

    /** Output height in pixels. */
    public int height() {
        return aspect.height();
    }

    /** The same timeline with every relative media path resolved against {@code baseDir}. */
    public Timeline resolvedAgainst(Path baseDir) {
        List<TimelineShot> resolved = new ArrayList<>(shots.size());
        for (TimelineShot s : shots) {
            ShotSource src = s.source();
            ShotSource r = new ShotSource(resolve(baseDir, src.image()), resolve(baseDir, src.video()), src.color());
            resolved.add(new TimelineShot(s.id(), s.startSeconds(), s.durationSeconds(), r, s.motion(),
                    s.transitionIn(), s.transitionSeconds()));
        }
        AudioTrack a = audio == null ? null : new AudioTrack(resolve(baseDir, audio.path()), audio.offsetSeconds(),
                audio.fadeInSeconds(), audio.fadeOutSeconds(), audio.targetLufs(), audio.measuredLufs());
        return new Timeline(aspect, fps, durationSeconds, resolved, overlays, a, fadeInSeconds, fadeOutSeconds,
                posterSeconds);
    }

    /** The same timeline with a different soundtrack. */
    public Timeline withAudio(AudioTrack track) {
        return new Timeline(aspect, fps, durationSeconds, shots, overlays, track, fadeInSeconds, fadeOutSeconds,
                posterSeconds);
    }

    private static String resolve(Path base, String path) {
        if (path == null) {
            return null;
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? path : base.resolve(p).normalize().toString();
    }
}
