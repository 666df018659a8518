package dev.reelsmith.media.ffmpeg;

/**
 * Thrown when an ffmpeg or ffprobe process exits with a non-zero status. The message carries the exit
 * code, the tool's own last words from stderr and the argument list, so the failure is readable in a
 * session record without digging through logs.
 */
public class FfmpegException extends RuntimeException {
    private final int exitCode;
    private final String stderrTail;

    public FfmpegException(String message, int exitCode, String stderrTail) {
        super(message);
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The last lines ffmpeg wrote to stderr (bounded). */
    public String stderrTail() {
        return stderrTail;
    }
}
