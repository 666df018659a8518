package dev.reelsmith.media.ffmpeg;

import java.util.List;
import java.util.Optional;

/**
 * What ffprobe reports about a media file.
 *
 * @param formatName   container names, e.g. {@code "mov,mp4,m4a,3gp,3g2,mj2"}
 * @param durationSeconds container duration (0 when unknown, as for a single image)
 * @param sizeBytes    file size
 * @param bitRate      overall bit rate in bit/s (0 when unknown)
 * @param streams      every stream in file order
 */
public record MediaInfo(String formatName, double durationSeconds, long sizeBytes, long bitRate, List<Stream> streams) {
    public MediaInfo {
        streams = List.copyOf(streams);
    }

    /** The first video stream, if any (cover art in audio files counts, check {@link Stream#attachedPicture()}). */
    public Optional<Stream> video() {
        return streams.stream().filter(s -> "video".equals(s.codecType()) && !s.attachedPicture()).findFirst();
    }

    /** The first audio stream, if any. */
    public Optional<Stream> audio() {
        return streams.stream().filter(s -> "audio".equals(s.codecType())).findFirst();
    }

    /**
     * One stream.
     *
     * @param frameRate average frame rate (video), 0 otherwise
     * @param frames    frame count when the container states it, else 0
     */
    public record Stream(int index, String codecType, String codecName, String profile, int width, int height,
                         String pixelFormat, double frameRate, long frames, int sampleRate, int channels,
                         double durationSeconds, boolean attachedPicture) {
    }
}
