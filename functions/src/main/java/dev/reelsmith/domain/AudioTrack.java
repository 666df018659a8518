package dev.reelsmith.domain;

/**
 * The timeline's sound: a song or music bed, trimmed, faded and loudness-normalised by the renderer.
 *
 * @param path              audio file (any format FFmpeg reads), absolute or relative to the timeline file
 * @param offsetSeconds     where in the file the timeline's time 0 is
 * @param fadeInSeconds     fade-in at the start (0 for none)
 * @param fadeOutSeconds    fade-out ending exactly at the timeline's end (0 for none)
 * @param targetLufs        integrated loudness to deliver, -14 LUFS by default (streaming platforms' reference)
 * @param measuredLufs      the source's measured integrated loudness over the used span, when known; lets the
 *                          renderer apply one transparent gain instead of dynamic normalisation
 */
public record AudioTrack(String path, Double offsetSeconds, Double fadeInSeconds, Double fadeOutSeconds,
                         Double targetLufs, Double measuredLufs) {
    public AudioTrack {
        offsetSeconds = offsetSeconds == null ? 0.0 : offsetSeconds;
        fadeInSeconds = fadeInSeconds == null ? 0.0 : fadeInSeconds;
        fadeOutSeconds = fadeOutSeconds == null ? 0.0 : fadeOutSeconds;
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("audio path is required");
        }
        if (!(offsetSeconds >= 0)) {
            throw new IllegalArgumentException("audio offsetSeconds must be >= 0, was " + offsetSeconds);
        }
        if (!(fadeInSeconds >= 0 && fadeInSeconds <= 30)) {
            throw new IllegalArgumentException("audio fadeInSeconds must be between 0 and 30, was " + fadeInSeconds);
        }
        if (!(fadeOutSeconds >= 0 && fadeOutSeconds <= 30)) {
            throw new IllegalArgumentException("audio fadeOutSeconds must be between 0 and 30, was " + fadeOutSeconds);
        }
        targetLufs = targetLufs == null ? -14.0 : targetLufs;
        if (!(targetLufs >= -40 && targetLufs <= -5)) {
            throw new IllegalArgumentException("audio targetLufs must be between -40 and -5, was " + targetLufs);
        }
        if (measuredLufs != null && !(measuredLufs >= -70 && measuredLufs <= 5)) {
            throw new IllegalArgumentException("audio measuredLufs must be between -70 and 5, was " + measuredLufs);
        }
    }

    public AudioTrack withMeasuredLufs(double lufs) {
        return new AudioTrack(path, offsetSeconds, fadeInSeconds, fadeOutSeconds, targetLufs, lufs);
    }
}
