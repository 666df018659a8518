package dev.reelsmith.media.render;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small media files made on the spot for renderer tests. */
final class TestMedia {
    private TestMedia() {
    }

    static Path gradientPng(Path dir, String name, Color a, Color b, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, a, w, h, b));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        for (int x = 0; x < w; x += w / 8) {
            g.drawLine(x, 0, x, h);
        }
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A stereo 16-bit 48 kHz WAV: a 220 Hz tone with a click every {@code 60/bpm} s, at about -20 dBFS RMS. */
    static Path toneWav(Path dir, String name, double seconds, double bpm) throws IOException {
        int rate = 48000;
        int n = (int) Math.round(seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        int period = (int) Math.round(rate * 60 / bpm);
        for (int i = 0; i < n; i++) {
            double v = 0.12 * Math.sin(2 * Math.PI * 220 * i / rate);
            int sinceClick = i % period;
            if (sinceClick < rate / 50) {
                v += 0.5 * Math.exp(-sinceClick / (rate / 400.0)) * Math.sin(2 * Math.PI * 1500 * i / rate);
            }
            short s = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
            pcm.putShort(s).putShort(s);
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes()).putInt(36 + n * 4).put("WAVE".getBytes())
                    .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2)
                    .putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16)
                    .put("data".getBytes()).putInt(n * 4);
            out.write(header.array());
            out.write(pcm.array());
        }
        return file;
    }
}
