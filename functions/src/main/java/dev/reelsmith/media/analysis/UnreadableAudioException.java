package dev.reelsmith.media.analysis;

import java.nio.file.Path;

/**
 * Thrown when a file handed to the {@link AudioAnalyzer} cannot be analysed as audio: ffprobe or ffmpeg
 * cannot read it (not a media file, truncated, unknown codec), it has no audio stream, or it decodes to
 * no samples. The message names the file and gives the tool's own reason. Terminal: retrying the same
 * file fails the same way.
 */
public class UnreadableAudioException extends RuntimeException {
    private final transient Path file;
    private final String reason;

    public UnreadableAudioException(Path file, String reason) {
        super("cannot read audio from " + file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** Why, in the words of ffprobe/ffmpeg where they gave one. */
    public String reason() {
        return reason;
    }
}
