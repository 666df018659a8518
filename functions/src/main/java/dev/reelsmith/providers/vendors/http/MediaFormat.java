package dev.reelsmith.providers.vendors.http;

import java.util.Optional;

/**
 * The container formats vendor outputs arrive in, recognised by their first bytes (never by a file name or a
 * {@code Content-Type} header, which vendors and CDNs get wrong).
 */
public enum MediaFormat {
    PNG("image/png", "png", MediaKind.IMAGE),
    JPEG("image/jpeg", "jpg", MediaKind.IMAGE),
    WEBP("image/webp", "webp", MediaKind.IMAGE),
    MP4("video/mp4", "mp4", MediaKind.VIDEO),
    MOV("video/quicktime", "mov", MediaKind.VIDEO),
    WEBM("video/webm", "webm", MediaKind.VIDEO),
    WAV("audio/wav", "wav", MediaKind.AUDIO),
    MP3("audio/mpeg", "mp3", MediaKind.AUDIO),
    FLAC("audio/flac", "flac", MediaKind.AUDIO),
    OGG("audio/ogg", "ogg", MediaKind.AUDIO),
    M4A("audio/mp4", "m4a", MediaKind.AUDIO);

    /** Bytes {@link #sniff} needs to tell every format apart. */
    public static final int HEAD_BYTES = 16;

    private final String mimeType;
    private final String extension;
    private final MediaKind kind;

    MediaFormat(String mimeType, String extension, MediaKind kind) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.kind = kind;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public MediaKind kind() {
        return kind;
    }

    /**
     * The format whose signature {@code head} starts with, or empty when it matches none (an HTML error page, a JSON
     * error body, random bytes).
     */
    public static Optional<MediaFormat> sniff(byte[] head) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'A', 'V', 'E')) {
            return Optional.of(WAV);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            if (startsWith(head, 8, 'q', 't', ' ', ' ')) {
                return Optional.of(MOV);
            }
            if (startsWith(head, 8, 'M', '4', 'A', ' ') || startsWith(head, 8, 'M', '4', 'B', ' ')) {
                return Optional.of(M4A);
            }
            return Optional.of(MP4);
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        if (startsWith(head, 0, 'f', 'L', 'a', 'C')) {
            return Optional.of(FLAC);
        }
        if (startsWith(head, 0, 'O', 'g', 'g', 'S')) {
            return Optional.of(OGG);
        }
        if (startsWith(head, 0, 'I', 'D', '3')
                || (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0
                && (head[1] & 0x06) != 0)) {
            // an ID3 tag, or an MPEG audio frame sync with a layer set (layer bits 00 are reserved)
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
