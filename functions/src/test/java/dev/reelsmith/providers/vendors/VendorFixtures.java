package dev.reelsmith.providers.vendors;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.providers.FrameContext;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.VideoRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;

/** Small, real media files and requests for the vendor adapter tests. */
public final class VendorFixtures {
    private VendorFixtures() {
    }

    /** A real PNG of the given size. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2A6F97));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An MP4 whose top-level boxes tile the file ({@code ftyp}, {@code moov} with one video track header of the given
     * frame size, {@code mdat} with {@code payload} bytes): what MediaCheck and Mp4Header read.
     */
    public static byte[] mp4(int width, int height, int payload) {
        ByteBuffer tkhd = ByteBuffer.allocate(92);
        tkhd.putInt(92).put(ascii("tkhd")).putInt(0x00000003); // version 0, flags enabled|in movie
        tkhd.putInt(0).putInt(0).putInt(1).putInt(0).putInt(5000); // times, track id, reserved, duration
        tkhd.putLong(0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            tkhd.putInt(m);
        }
        tkhd.putInt(width << 16).putInt(height << 16);
        ByteBuffer trak = ByteBuffer.allocate(8 + 92);
        trak.putInt(100).put(ascii("trak")).put(tkhd.array());
        ByteBuffer moov = ByteBuffer.allocate(8 + 100);
        moov.putInt(108).put(ascii("moov")).put(trak.array());
        ByteBuffer file = ByteBuffer.allocate(20 + 108 + 8 + payload);
        file.putInt(20).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom"));
        file.put(moov.array());
        file.putInt(8 + payload).put(ascii("mdat"));
        for (int i = 0; i < payload; i++) {
            file.put((byte) (i * 31));
        }
        return file.array();
    }

    /** A 16-bit mono 8 kHz WAV of {@code seconds} of a quiet ramp. */
    public static byte[] wav(int seconds) {
        int samples = 8000 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.put(ascii("data")).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (i % 200));
        }
        return wav.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes a 320×180 PNG keyframe into {@code dir}. */
    public static Path keyframe(Path dir) {
        try {
            Path file = dir.resolve("keyframe.png");
            Files.write(file, png(320, 180));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FrameContext frame() {
        return new FrameContext("s01", 1, 4, ShotType.WIDE, CameraMovement.PUSH_IN, "a runner at dawn", "energetic",
                List.of("#1A2B3C"), "Dawn Run");
    }

    public static ImageRequest imageRequest(Path output, AspectRatio aspect, int width, int height) {
        return new ImageRequest("a runner crossing a bridge at dawn, cinematic", "blurry", 42L, width, height, aspect,
                List.of(), frame(), output);
    }

    public static VideoRequest videoRequest(Path keyframe, Path output, double seconds, AspectRatio aspect, int width,
                                            int height) {
        return new VideoRequest(keyframe, null, "the runner sprints toward the camera", seconds, aspect, width, height,
                CameraMovement.PUSH_IN, 7L, output);
    }

    /** A clock that only moves when the test advances it; also a pause that advances it. */
    public static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        public synchronized void advance(Duration by) {
            now = now.plus(by);
        }
    }
}
