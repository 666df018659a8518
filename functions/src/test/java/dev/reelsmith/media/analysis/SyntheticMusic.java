package dev.reelsmith.media.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates test music with a known beat grid: click tracks, drum kits (kick on 1 and 3 with 1 accented,
 * snare on 2 and 4, hi-hats on eighths, a little noise), an optional bass line that changes root every
 * bar, and multi-part songs; and writes 16-bit PCM WAV files.
 */
final class SyntheticMusic {
    /** Bass roots per bar, Hz (A1, F1, C2, G1). */
    private static final double[] BASS_ROOTS = {55.0, 43.65, 65.41, 49.0};

    private SyntheticMusic() {
    }

    /** A signal with the times of its beats and bar starts. */
    record Track(float[] samples, int sampleRate, List<Double> beats, List<Double> downbeats) {
        double durationSeconds() {
            return (double) samples.length / sampleRate;
        }
    }

    /** Parts of a generated song, by instrument: which play, and how loud overall. */
    record Part(int bars, boolean kick, boolean snare, boolean hats, boolean bass, boolean pad, double gain) {
    }

    static Track clickTrack(double bpm, double seconds, int sampleRate, double firstBeat) {
        float[] out = new float[(int) Math.round(seconds * sampleRate)];
        List<Double> beats = beatTimes(bpm, seconds, firstBeat);
        for (double beat : beats) {
            int start = (int) Math.round(beat * sampleRate);
            int length = (int) (0.015 * sampleRate);
            for (int i = 0; i < length && start + i < out.length; i++) {
                double t = (double) i / sampleRate;
                out[start + i] += (float) (0.8 * Math.sin(2 * Math.PI * 1000 * t) * Math.exp(-t / 0.004));
            }
        }
        List<Double> downbeats = new ArrayList<>();
        for (int i = 0; i < beats.size(); i += 4) {
            downbeats.add(beats.get(i));
        }
        return new Track(out, sampleRate, beats, downbeats);
    }

    static Track drums(double bpm, double seconds, int sampleRate, boolean bass, long seed) {
        int bars = (int) Math.ceil(seconds * bpm / 60 / 4) + 1;
        return song(bpm, sampleRate, seed, 0.25, seconds,
                List.of(new Part(bars, true, true, true, bass, false, 1.0)));
    }

    /**
     * Renders {@code parts} back to back, starting the first beat at {@code firstBeat} seconds and cutting
     * the result at {@code seconds} (or at the end of the parts when that is shorter).
     */
    static Track song(double bpm, int sampleRate, long seed, double firstBeat, double seconds, List<Part> parts) {
        double beat = 60 / bpm;
        int totalBars = parts.stream().mapToInt(Part::bars).sum();
        double length = Math.min(seconds, firstBeat + totalBars * 4 * beat + 0.5);
        float[] out = new float[(int) Math.round(length * sampleRate)];
        Random random = new Random(seed);
        List<Double> beats = new ArrayList<>();
        List<Double> downbeats = new ArrayList<>();
        int bar = 0;
        for (Part part : parts) {
            for (int b = 0; b < part.bars(); b++, bar++) {
                double barStart = firstBeat + bar * 4 * beat;
                for (int q = 0; q < 4; q++) {
                    double t = barStart + q * beat;
                    if (t >= length - 0.05) {
                        continue;
                    }
                    beats.add(t);
                    if (q == 0) {
                        downbeats.add(t);
                    }
                    if (part.kick() && (q == 0 || q == 2)) {
                        kick(out, sampleRate, t, part.gain() * (q == 0 ? 1.0 : 0.7));
                    }
                    if (part.snare() && (q == 1 || q == 3)) {
                        snare(out, sampleRate, t, part.gain() * 0.6, random);
                    }
                    if (part.hats()) {
                        hat(out, sampleRate, t, part.gain() * 0.12, random);
                        hat(out, sampleRate, t + beat / 2, part.gain() * 0.08, random);
                    }
                    if (part.bass()) {
                        bassNote(out, sampleRate, t, beat * 0.8, BASS_ROOTS[bar % BASS_ROOTS.length],
                                part.gain() * 0.25);
                    }
                }
                if (part.pad()) {
                    pad(out, sampleRate, barStart, 4 * beat, part.gain() * 0.12, bar);
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (0.003 * random.nextGaussian());
        }
        normalise(out, 0.8);
        return new Track(out, sampleRate, beats, downbeats);
    }

    private static List<Double> beatTimes(double bpm, double seconds, double firstBeat) {
        List<Double> beats = new ArrayList<>();
        for (double t = firstBeat; t < seconds - 0.05; t += 60 / bpm) {
            beats.add(t);
        }
        return beats;
    }

    private static void kick(float[] out, int rate, double at, double gain) {
        int start = (int) Math.round(at * rate);
        double phase = 0;
        for (int i = 0; i < 0.35 * rate && start + i < out.length; i++) {
            double t = (double) i / rate;
            double f = 48 + 90 * Math.exp(-t / 0.025);
            phase += 2 * Math.PI * f / rate;
            out[start + i] += (float) (gain * Math.sin(phase) * Math.exp(-t / 0.12));
        }
    }

    private static void snare(float[] out, int rate, double at, double gain, Random random) {
        int start = (int) Math.round(at * rate);
        for (int i = 0; i < 0.25 * rate && start + i < out.length; i++) {
            double t = (double) i / rate;
            double noise = random.nextGaussian() * 0.5 * Math.exp(-t / 0.06);
            double tone = Math.sin(2 * Math.PI * 185 * t) * 0.5 * Math.exp(-t / 0.04);
            out[start + i] += (float) (gain * (noise + tone));
        }
    }

    private static void hat(float[] out, int rate, double at, double gain, Random random) {
        int start = (int) Math.round(at * rate);
        double previous = 0;
        for (int i = 0; i < 0.06 * rate && start + i < out.length; i++) {
            double t = (double) i / rate;
            double white = random.nextGaussian();
            out[start + i] += (float) (gain * (white - previous) * Math.exp(-t / 0.015));
            previous = white;
        }
    }

    private static void bassNote(float[] out, int rate, double at, double length, double hz, double gain) {
        int start = (int) Math.round(at * rate);
        for (int i = 0; i < length * rate && start + i < out.length; i++) {
            double t = (double) i / rate;
            double envelope = Math.min(1, t / 0.005) * Math.exp(-t / 0.4) * Math.min(1, (length - t) / 0.01);
            double wave = Math.sin(2 * Math.PI * hz * t) + 0.5 * Math.sin(4 * Math.PI * hz * t)
                    + 0.25 * Math.sin(6 * Math.PI * hz * t);
            out[start + i] += (float) (gain * envelope * wave);
        }
    }

    /** One period of a four-harmonic saw-like wave, so pads cost a table lookup per note and sample. */
    private static final float[] PAD_WAVE = new float[4096];

    static {
        for (int i = 0; i < PAD_WAVE.length; i++) {
            double x = 2 * Math.PI * i / PAD_WAVE.length;
            PAD_WAVE[i] = (float) (Math.sin(x) + Math.sin(2 * x) / 2 + Math.sin(3 * x) / 3 + Math.sin(4 * x) / 4);
        }
    }

    /** A sustained four-note chord across the bar, changing every bar: what makes a chorus "full". */
    private static void pad(float[] out, int rate, double at, double length, double gain, int bar) {
        double[] roots = {220.0, 174.6, 261.6, 196.0};
        double root = roots[bar % roots.length];
        double[] chord = {root, root * 1.26, root * 1.5, root * 2};
        int start = (int) Math.round(at * rate);
        for (int i = 0; i < length * rate && start + i < out.length; i++) {
            double t = (double) i / rate;
            double envelope = Math.min(1, t / 0.05) * Math.min(1, (length - t) / 0.05);
            double sum = 0;
            for (double f : chord) {
                double cycles = f * t;
                sum += PAD_WAVE[(int) ((cycles - Math.floor(cycles)) * PAD_WAVE.length)];
            }
            out[start + i] += (float) (gain * envelope * sum / chord.length);
        }
    }

    static void normalise(float[] samples, double peak) {
        float max = 0;
        for (float s : samples) {
            max = Math.max(max, Math.abs(s));
        }
        if (max > 0) {
            float scale = (float) (peak / max);
            for (int i = 0; i < samples.length; i++) {
                samples[i] *= scale;
            }
        }
    }

    /** A sine wave of {@code peak} amplitude (1 = full scale). */
    static float[] sine(double hz, double peak, double seconds, int sampleRate) {
        float[] out = new float[(int) Math.round(seconds * sampleRate)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (peak * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return out;
    }

    /** Writes a 16-bit PCM WAV with one array per channel (all the same length). */
    static void writeWav(Path file, int sampleRate, float[]... channels) throws IOException {
        int frames = channels[0].length;
        int blockAlign = 2 * channels.length;
        int dataBytes = frames * blockAlign;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) channels.length).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        ByteBuffer data = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                double clamped = Math.max(-1, Math.min(1, channel[i]));
                data.putShort((short) Math.round(clamped * 32767));
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            out.write(data.array());
        }
    }

    /**
     * Beat-tracking score with a ±{@code tolerance} window, each reference beat matched at most once.
     *
     * @return {recall, precision, fMeasure}
     */
    static double[] beatScores(List<Double> reference, List<Double> detected, double tolerance) {
        boolean[] used = new boolean[detected.size()];
        int matched = 0;
        for (double r : reference) {
            int best = -1;
            for (int i = 0; i < detected.size(); i++) {
                if (!used[i] && Math.abs(detected.get(i) - r) <= tolerance
                        && (best < 0 || Math.abs(detected.get(i) - r) < Math.abs(detected.get(best) - r))) {
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            }
        }
        double recall = reference.isEmpty() ? 0 : (double) matched / reference.size();
        double precision = detected.isEmpty() ? 0 : (double) matched / detected.size();
        double f = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        return new double[] {recall, precision, f};
    }
}
