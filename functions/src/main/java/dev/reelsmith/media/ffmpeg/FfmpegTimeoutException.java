package dev.reelsmith.media.ffmpeg;

import java.time.Duration;

/** Thrown when an ffmpeg or ffprobe process outlives its timeout; the process has been killed. */
public class FfmpegTimeoutException extends FfmpegException {
    public FfmpegTimeoutException(String tool, Duration timeout, String stderrTail) {
        super(tool + " did not finish within " + timeout.toSeconds() + " s and was killed; last output:\n" + stderrTail,
                -1, stderrTail);
    }
}
