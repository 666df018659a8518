package dev.reelsmith.media.audio;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes floating-point audio as a canonical 16-bit PCM RIFF/WAVE file (44-byte header, little-endian,
 * interleaved channels), the format every decoder and FFmpeg reads without probing.
 *
 * <p>Samples are clamped to [-1, 1] and rounded to the nearest step (halves to even) without dither, so the same input always
 * gives the same bytes. Files are written beside the target and moved into place, so a reader never sees a
 * half-written file.
 */
public final class WavWriter {
    private static final int HEADER_BYTES = 44;
    private static final int BUFFER_FRAMES = 8192;

    private WavWriter() {
    }

    /**
     * Writes {@code channels} (one array per channel, all the same length) at {@code sampleRate} to {@code file},
     * replacing it.
     *
     * @throws IllegalArgumentException when there are no channels, lengths differ, or the rate is out of range
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void writePcm16(Path file, int sampleRate, float[]... channels) {
        long dataBytes = check(sampleRate, channels);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    write(out, sampleRate, channels, dataBytes);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write WAV file " + file, e);
        }
    }

    /** The complete WAV file for {@code channels} as bytes; for short clips and tests. */
    public static byte[] encodePcm16(int sampleRate, float[]... channels) {
        long dataBytes = check(sampleRate, channels);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, HEADER_BYTES + dataBytes));
        try {
            write(out, sampleRate, channels, dataBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static long check(int sampleRate, float[][] channels) {
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sampleRate must be between 8000 and 192000, was " + sampleRate);
        }
        if (channels == null || channels.length < 1 || channels.length > 8) {
            throw new IllegalArgumentException("channels must hold 1 to 8 channels, was "
                    + (channels == null ? "null" : channels.length));
        }
        int frames = channels[0].length;
        for (int c = 1; c < channels.length; c++) {
            if (channels[c].length != frames) {
                throw new IllegalArgumentException("every channel must have " + frames + " samples, channel " + c
                        + " has " + channels[c].length);
            }
        }
        long dataBytes = (long) frames * channels.length * 2;
        if (HEADER_BYTES - 8 + dataBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("audio is too long for a WAV file: " + dataBytes + " bytes of samples");
        }
        return dataBytes;
    }

    private static void write(OutputStream out, int sampleRate, float[][] channels, long dataBytes) throws IOException {
        int channelCount = channels.length;
        int blockAlign = channelCount * 2;
        byte[] header = new byte[HEADER_BYTES];
        ascii(header, 0, "RIFF");
        int32(header, 4, HEADER_BYTES - 8 + dataBytes);
        ascii(header, 8, "WAVE");
        ascii(header, 12, "fmt ");
        int32(header, 16, 16);
        int16(header, 20, 1);
        int16(header, 22, channelCount);
        int32(header, 24, sampleRate);
        int32(header, 28, (long) sampleRate * blockAlign);
        int16(header, 32, blockAlign);
        int16(header, 34, 16);
        ascii(header, 36, "data");
        int32(header, 40, dataBytes);
        out.write(header);

        int frames = channels[0].length;
        byte[] buffer = new byte[BUFFER_FRAMES * blockAlign];
        for (int start = 0; start < frames; start += BUFFER_FRAMES) {
            int end = Math.min(frames, start + BUFFER_FRAMES);
            int p = 0;
            for (int i = start; i < end; i++) {
                for (float[] channel : channels) {
                    int v = quantise(channel[i]);
                    buffer[p++] = (byte) v;
                    buffer[p++] = (byte) (v >> 8);
                }
            }
            out.write(buffer, 0, p);
        }
    }

    /**
     * Full scale is 32767 both ways and halves round to even, so a sample and its negation always quantise to
     * opposite values.
     */
    static int quantise(float sample) {
        float clamped = Float.isNaN(sample) ? 0f : Math.max(-1f, Math.min(1f, sample));
        return (int) Math.rint(clamped * 32767.0);
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void int16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void int32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }
}
