package dev.reelsmith.media.ffmpeg;

/** Thrown when no runnable ffmpeg/ffprobe pair can be found; the message says where we looked and how to fix it. */
public class FfmpegNotFoundException extends RuntimeException {
    public FfmpegNotFoundException(String message) {
        super(message);
    }
}
