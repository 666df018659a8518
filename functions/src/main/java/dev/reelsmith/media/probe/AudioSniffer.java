package dev.reelsmith.media.probe;

import java.util.Optional;

/**
 * Recognises audio containers by their first bytes, before anything expensive (FFmpeg) touches an upload. A file
 * named {@code .mp3} that holds text, HTML or an image is refused here with a specific reason.
 */
public final class AudioSniffer {
    /** How many leading bytes {@link #sniff} needs to decide. */
    public static final int HEADER_BYTES = 16;

    private AudioSniffer() {
    }

    /** The container format, e.g. {@code mp3}, {@code wav}; empty when the bytes are not a known audio container. */
    public static Optional<String> sniff(byte[] head) {
        if (head.length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            return Optional.of("mp3");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0
                && ((head[1] >> 1) & 0x3) != 0) {
            // MPEG audio frame sync with a valid layer; AAC ADTS has layer bits 00
            return Optional.of("mp3");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
            return Optional.of("aac");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of("wav");
        }
        if (ascii(head, 0, "fLaC")) {
            return Optional.of("flac");
        }
        if (ascii(head, 0, "OggS")) {
            return Optional.of("ogg");
        }
        if (ascii(head, 4, "ftyp")) {
            return Optional.of("mp4");
        }
        if (ascii(head, 0, "FORM") && (ascii(head, 8, "AIFF") || ascii(head, 8, "AIFC"))) {
            return Optional.of("aiff");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return Optional.of("webm");
        }
        return Optional.empty();
    }

    /** A short description of what the bytes look like instead, for the rejection reason. */
    public static String describe(byte[] head) {
        if (head.length == 0) {
            return "the file is empty";
        }
        if (ascii(head, 0, "\u0089PNG") || (head.length > 3 && (head[0] & 0xFF) == 0x89 && head[1] == 'P')) {
            return "it is a PNG image";
        }
        if (head.length > 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return "it is a JPEG image";
        }
        if (ascii(head, 0, "%PDF")) {
            return "it is a PDF document";
        }
        int printable = 0;
        for (byte b : head) {
            if (b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7F)) {
                printable++;
            }
        }
        if (printable == head.length) {
            return "it looks like text";
        }
        return "its first bytes match no audio format";
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        if (bytes.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if ((bytes[offset + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
