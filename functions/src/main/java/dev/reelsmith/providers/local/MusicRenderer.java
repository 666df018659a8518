package dev.reelsmith.providers.local;

import dev.reelsmith.providers.local.MusicStyle.BassVoice;
import dev.reelsmith.providers.local.MusicStyle.Chord;
import dev.reelsmith.providers.local.MusicStyle.ChordVoice;
import dev.reelsmith.providers.local.MusicStyle.KickVoice;
import dev.reelsmith.providers.local.MusicStyle.LeadVoice;
import dev.reelsmith.providers.local.SynthDsp.HighPass;
import dev.reelsmith.providers.local.SynthDsp.LowPass;
import dev.reelsmith.providers.local.SynthDsp.Noise;
import dev.reelsmith.providers.local.SynthDsp.Smooth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.reelsmith.providers.local.SynthDsp.decay;
import static dev.reelsmith.providers.local.SynthDsp.midiToHz;
import static dev.reelsmith.providers.local.SynthDsp.saw;
import static dev.reelsmith.providers.local.SynthDsp.sine;
import static dev.reelsmith.providers.local.SynthDsp.softClip;
import static dev.reelsmith.providers.local.SynthDsp.square;

/**
 * Renders one music bed: arranges bars into sections, schedules drums, bass, chords and a lead from the
 * {@link MusicStyle}'s patterns on an exact sample grid, synthesises every note, adds delay and reverb, fades
 * out at the last sample and normalises the peak to -1 dBFS.
 *
 * <p>Memory is three float buffers of the full length (stereo mix plus a mono effects send), about 0.5 MB per
 * second of audio.
 */
final class MusicRenderer {
    static final int SAMPLE_RATE = 44_100;
    /** -1 dBFS. */
    static final double PEAK = 0.891_250_938;

    /** Sections, in the order they play. */
    enum Part { INTRO, MAIN, BREAK, LIFT, OUTRO }

    private final MusicStyle style;
    private final double bpm;
    private final int frames;
    private final SplittableRandom random;
    private final double stepSamples;
    private final double beatSamples;
    private final float[] left;
    private final float[] right;
    private final float[] send;
    private final int key;
    private final List<Chord> progression;
    /** Sidechain gain by samples since the last beat; one beat long. */
    private final float[] pump;

    MusicRenderer(MusicStyle style, double bpm, double durationSeconds, String mood, long seed) {
        this.style = style;
        this.bpm = bpm;
        this.frames = (int) Math.round(durationSeconds * SAMPLE_RATE);
        this.random = new SplittableRandom(seed);
        this.beatSamples = 60.0 / bpm * SAMPLE_RATE;
        this.stepSamples = beatSamples / 4;
        this.left = new float[frames];
        this.right = new float[frames];
        this.send = new float[frames];
        this.key = random.nextInt(12);
        this.progression = style.minorFor(mood) ? style.minor() : style.major();
        this.pump = pump(style.sidechain(), (int) Math.ceil(beatSamples) + 1);
    }

    /**
     * Sidechain-style gain by samples since the last beat. It is keyed to the beat rather than to actual kicks
     * so pads breathe in time through the break too, as producers do with a ghost kick.
     */
    private static float[] pump(double depth, int length) {
        float[] gain = new float[length];
        for (int i = 0; i < length; i++) {
            double since = (double) i / SAMPLE_RATE;
            double shape = since < 0.005 ? since / 0.005 : StrictMath.exp(-(since - 0.005) / 0.11);
            gain[i] = (float) (1 - depth * shape);
        }
        return gain;
    }

    float[][] render() {
        int bars = (int) Math.ceil(frames / (stepSamples * 16));
        Part[] parts = arrangement(bars);
        int sectionStart = 0;
        for (int bar = 0; bar < bars; bar++) {
            if (bar > 0 && parts[bar] != parts[bar - 1]) {
                sectionStart = bar;
            }
            int inSection = bar - sectionStart;
            boolean lastOfSection = bar + 1 == bars || parts[bar + 1] != parts[bar];
            playBar(bar, parts[bar], inSection, lastOfSection);
        }
        effects();
        if (style.vinyl()) {
            vinyl();
        }
        master();
        return new float[][] {left, right};
    }

    /**
     * Intro, main, break, lifted main, outro: about 1/8, 3/8, 1/8, 2/8, 1/8 of the bars, rounded to phrases of
     * 4 bars (2 for short beds) so sections change on downbeats a structure detector expects.
     */
    static Part[] arrangement(int bars) {
        Part[] parts = new Part[bars];
        if (bars <= 2) {
            for (int i = 0; i < bars; i++) {
                parts[i] = i == 0 && bars == 2 ? Part.INTRO : Part.MAIN;
            }
            return parts;
        }
        if (bars <= 5) {
            for (int i = 0; i < bars; i++) {
                parts[i] = i == 0 ? Part.INTRO : i == bars - 1 ? Part.OUTRO : Part.MAIN;
            }
            return parts;
        }
        int unit = bars >= 32 ? 4 : bars >= 12 ? 2 : 1;
        int intro = phrase(bars * 0.125, unit);
        int breakBars = phrase(bars * 0.125, unit);
        int outro = phrase(bars * 0.125, unit);
        int rest = bars - intro - breakBars - outro;
        int main = Math.max(1, Math.min(rest - 1, phrase(rest * 0.55, unit)));
        int lift = rest - main;
        int i = 0;
        for (int k = 0; k < intro; k++) {
            parts[i++] = Part.INTRO;
        }
        for (int k = 0; k < main; k++) {
            parts[i++] = Part.MAIN;
        }
        for (int k = 0; k < breakBars; k++) {
            parts[i++] = Part.BREAK;
        }
        for (int k = 0; k < lift; k++) {
            parts[i++] = Part.LIFT;
        }
        while (i < bars) {
            parts[i++] = Part.OUTRO;
        }
        return parts;
    }

    private static int phrase(double bars, int unit) {
        return Math.max(unit, (int) Math.round(bars / unit) * unit);
    }

    // ---------------------------------------------------------------- scheduling

    private void playBar(int bar, Part part, int inSection, boolean lastOfSection) {
        Chord chord = part == Part.BREAK
                ? progression.get((2 + inSection / 2) % progression.size())
                : progression.get(inSection % progression.size());
        boolean drums = part != Part.BREAK;
        double intensity = switch (part) {
            case INTRO -> 0.75;
            case MAIN -> 0.9;
            case BREAK -> 0.6;
            case LIFT -> 1.0;
            case OUTRO -> 0.8;
        };

        if ((part == Part.MAIN || part == Part.LIFT) && inSection == 0) {
            crash(at(bar, 0), 1.0);
        }
        for (int step = 0; step < 16; step++) {
            int t = at(bar, step);
            if (drums) {
                double kick = velocity(style.kick(), step);
                if (kick > 0) {
                    kick(t, kick * (part == Part.INTRO ? 0.8 : 1.0));
                }
                double snare = velocity(style.snare(), step);
                if (snare > 0 && part != Part.INTRO && part != Part.OUTRO) {
                    snare(t, snare);
                    if (style.clap()) {
                        clap(t, snare);
                    }
                }
            }
            double hat = velocity(style.hats(), step);
            if (hat > 0) {
                double humanise = 0.9 + 0.2 * random.nextDouble();
                hat(t, hat * humanise * (drums ? 1.0 : 0.55), false);
            }
            double open = velocity(style.openHats(), step);
            if (open > 0 && (part == Part.LIFT || part == Part.MAIN)) {
                hat(t, open, true);
            }
        }
        if (part == Part.BREAK && lastOfSection) {
            buildUp(bar);
        }
        if (part != Part.INTRO) {
            bass(bar, chord, part);
        }
        chords(bar, chord, part, inSection, intensity);
        if (part == Part.LIFT && style.lead() != LeadVoice.NONE) {
            lead(bar, chord);
        }
    }

    /** Sample index of a step, with swing delaying off-beat sixteenths and eighths (never the beats). */
    private int at(int bar, int step) {
        double swingOffset = step % 4 == 0 ? 0 : style.swing();
        return (int) Math.round((bar * 16 + step + swingOffset) * stepSamples);
    }

    private static double velocity(String pattern, int step) {
        return switch (pattern.charAt(step)) {
            case 'X' -> 1.0;
            case 'x' -> 0.8;
            case 'o' -> 0.45;
            default -> 0;
        };
    }

    private int[] voicing(Chord chord) {
        int[] notes = new int[chord.intervals().length];
        for (int i = 0; i < notes.length; i++) {
            int pitchClass = Math.floorMod(key + chord.root() + chord.intervals()[i], 12);
            // Every tone in the octave from G3, so consecutive chords share most notes (simple voice leading).
            int note = 55 + Math.floorMod(pitchClass - 7, 12);
            notes[i] = chord.intervals()[i] >= 12 ? note + 12 : note;
        }
        Arrays.sort(notes);
        return notes;
    }

    private int bassNote(Chord chord) {
        int pitchClass = Math.floorMod(key + chord.root(), 12);
        return switch (style.bassVoice()) {
            case EIGHT_O_EIGHT -> 28 + Math.floorMod(pitchClass - 4, 12);
            case SUB -> 33 + Math.floorMod(pitchClass - 9, 12);
            default -> 36 + pitchClass;
        };
    }

    // ---------------------------------------------------------------- drums

    private void kick(int start, double velocity) {
        KickVoice voice = style.kickVoice();
        double f0;
        double f1;
        double pitchTau;
        double ampTau;
        double click;
        double length;
        double drive;
        switch (voice) {
            case BOOM -> { f0 = 120; f1 = 42; pitchTau = 0.05; ampTau = 0.3; click = 0.1; length = 0.9; drive = 1.2; }
            case SOFT -> { f0 = 120; f1 = 50; pitchTau = 0.04; ampTau = 0.2; click = 0.08; length = 0.45; drive = 1.1; }
            case DEEP -> { f0 = 140; f1 = 45; pitchTau = 0.045; ampTau = 0.42; click = 0.15; length = 0.8; drive = 1.4; }
            default -> { f0 = 165; f1 = 48; pitchTau = 0.035; ampTau = 0.26; click = 0.25; length = 0.5; drive = 1.7; }
        }
        double gain = 0.95 * velocity * (voice == KickVoice.BOOM ? 0.75 : 1.0);
        int n = (int) (length * SAMPLE_RATE);
        double phase = 0;
        double pitchEnv = 1;
        double pitchK = decay(pitchTau, SAMPLE_RATE);
        double amp = 1;
        double ampK = decay(ampTau, SAMPLE_RATE);
        double clickEnv = 1;
        double clickK = decay(0.002, SAMPLE_RATE);
        Noise noise = new Noise(random.nextInt());
        double norm = softClip(drive);
        for (int i = 0; i < n; i++) {
            int idx = start + i;
            if (idx >= frames) {
                break;
            }
            double f = f1 + (f0 - f1) * pitchEnv;
            phase += f / SAMPLE_RATE;
            double attack = i < 44 ? i / 44.0 : 1;
            double s = sine(phase) * amp * attack + noise.next() * clickEnv * click;
            double out = softClip(drive * s) / norm * gain;
            left[idx] += (float) out;
            right[idx] += (float) out;
            pitchEnv *= pitchK;
            amp *= ampK;
            clickEnv *= clickK;
        }
    }

    private void snare(int start, double velocity) {
        boolean soft = style.vinyl();
        int n = (int) (0.35 * SAMPLE_RATE);
        Noise noise = new Noise(random.nextInt());
        HighPass hp = new HighPass(soft ? 900 : 1500, SAMPLE_RATE);
        Smooth lp = new Smooth(soft ? 4500 : 9000, SAMPLE_RATE);
        double noiseEnv = 1;
        double noiseK = decay(soft ? 0.09 : 0.12, SAMPLE_RATE);
        double toneEnv = 1;
        double toneK = decay(0.045, SAMPLE_RATE);
        double gain = 0.5 * velocity;
        for (int i = 0; i < n; i++) {
            int idx = start + i;
            if (idx >= frames) {
                break;
            }
            double t = (double) i / SAMPLE_RATE;
            double tone = (sine(185 * t) * 0.6 + sine(330 * t) * 0.25) * toneEnv;
            double body = lp.process(hp.process(noise.next())) * noiseEnv;
            double out = (tone * 0.8 + body * 1.1) * gain;
            left[idx] += (float) out;
            right[idx] += (float) out;
            send[idx] += (float) (out * 0.25);
            noiseEnv *= noiseK;
            toneEnv *= toneK;
        }
    }

    private void clap(int start, double velocity) {
        int n = (int) (0.3 * SAMPLE_RATE);
        Noise noiseL = new Noise(random.nextInt());
        Noise noiseR = new Noise(random.nextInt());
        HighPass hpL = new HighPass(1000, SAMPLE_RATE);
        HighPass hpR = new HighPass(1000, SAMPLE_RATE);
        Smooth lpL = new Smooth(5000, SAMPLE_RATE);
        Smooth lpR = new Smooth(5000, SAMPLE_RATE);
        double gain = 0.32 * velocity;
        double burstK = decay(0.006, SAMPLE_RATE);
        double tailK = decay(0.11, SAMPLE_RATE);
        int b1 = (int) (0.011 * SAMPLE_RATE);
        int b2 = (int) (0.022 * SAMPLE_RATE);
        double burst = 1;
        double tail = 1;
        for (int i = 0; i < n; i++) {
            int idx = start + i;
            if (idx >= frames) {
                break;
            }
            if (i == b1 || i == b2) {
                burst = 1;
            }
            double env = i < b2 ? burst : Math.max(burst, 0.6 * tail);
            double l = lpL.process(hpL.process(noiseL.next())) * env * gain;
            double r = lpR.process(hpR.process(noiseR.next())) * env * gain;
            left[idx] += (float) l;
            right[idx] += (float) r;
            send[idx] += (float) ((l + r) * 0.2);
            burst *= burstK;
            if (i >= b2) {
                tail *= tailK;
            }
        }
    }

    private void hat(int start, double velocity, boolean open) {
        double tau = open ? 0.2 : style == MusicStyle.AMBIENT ? 0.05 : 0.035;
        int n = (int) ((open ? 0.6 : 0.12) * SAMPLE_RATE);
        Noise noise = new Noise(random.nextInt());
        HighPass hp1 = new HighPass(style == MusicStyle.AMBIENT ? 4000 : 7000, SAMPLE_RATE);
        HighPass hp2 = new HighPass(style == MusicStyle.AMBIENT ? 4000 : 7000, SAMPLE_RATE);
        double env = 1;
        double k = decay(tau, SAMPLE_RATE);
        double gain = (open ? 0.13 : 0.16) * velocity * (style.vinyl() ? 0.7 : 1.0);
        for (int i = 0; i < n; i++) {
            int idx = start + i;
            if (idx >= frames) {
                break;
            }
            double s = hp2.process(hp1.process(noise.next())) * env * gain;
            left[idx] += (float) (s * 0.8);
            right[idx] += (float) (s * 1.0);
            env *= k;
        }
    }

    private void crash(int start, double velocity) {
        int n = (int) (2.4 * SAMPLE_RATE);
        Noise noiseL = new Noise(random.nextInt());
        Noise noiseR = new Noise(random.nextInt());
        HighPass hpL = new HighPass(3500, SAMPLE_RATE);
        HighPass hpR = new HighPass(3500, SAMPLE_RATE);
        double env = 1;
        double k = decay(0.9, SAMPLE_RATE);
        double gain = 0.11 * velocity;
        for (int i = 0; i < n; i++) {
            int idx = start + i;
            if (idx >= frames) {
                break;
            }
            left[idx] += (float) (hpL.process(noiseL.next()) * env * gain);
            right[idx] += (float) (hpR.process(noiseR.next()) * env * gain);
            env *= k;
        }
    }

    /**
     * The bar before the lifted section: a rising noise sweep in the electronic styles, a snare roll on the
     * last two beats where the style has a backbeat to roll (lo-fi, hip-hop and ambient just breathe).
     */
    private void buildUp(int bar) {
        int start = at(bar, 0);
        int end = Math.min(frames, at(bar + 1, 0));
        if (style == MusicStyle.EDM || style == MusicStyle.SYNTHWAVE) {
            Noise noise = new Noise(random.nextInt());
            LowPass lp = new LowPass(SAMPLE_RATE, 1.5);
            for (int idx = start; idx < end; idx++) {
                double p = (double) (idx - start) / Math.max(1, end - start);
                double s = lp.process(noise.next(), 300 + 7000 * p * p) * 0.12 * p;
                left[idx] += (float) s;
                right[idx] += (float) s;
                send[idx] += (float) (s * 0.5);
            }
        }
        if (style == MusicStyle.EDM || style == MusicStyle.SYNTHWAVE || style == MusicStyle.POP
                || style == MusicStyle.ROCK) {
            for (int step = 8; step < 16; step++) {
                snare(at(bar, step), 0.25 + 0.6 * (step - 8) / 7.0);
            }
        }
    }

    // ---------------------------------------------------------------- bass

    private void bass(int bar, Chord chord, Part part) {
        String pattern = part == Part.BREAK ? "x..............." : style.bass();
        int root = bassNote(chord);
        List<Integer> hits = hits(pattern);
        for (int h = 0; h < hits.size(); h++) {
            int step = hits.get(h);
            int nextStep = h + 1 < hits.size() ? hits.get(h + 1) : 16;
            int start = at(bar, step);
            int length = at(bar, nextStep) - start;
            double velocity = velocity(pattern, step);
            int note = root;
            if (style.bassVoice() == BassVoice.SAW_PLUCK && pattern.equals("xxxxxxxxxxxxxxxx") && step % 2 == 1) {
                note += 12;
            }
            bassNote(start, length, midiToHz(note), velocity);
        }
    }

    private void bassNote(int start, int length, double freq, double velocity) {
        BassVoice voice = style.bassVoice();
        double gate = switch (voice) {
            case SAW_PLUCK -> 0.7;
            case DRIVE -> 0.85;
            default -> 0.97;
        };
        int held = (int) (length * gate);
        double release = voice == BassVoice.EIGHT_O_EIGHT ? 0.12 : 0.03;
        int n = Math.min(frames - start, held + (int) (release * 5 * SAMPLE_RATE));
        if (n <= 0) {
            return;
        }
        float[] out = new float[n];
        LowPass lp = new LowPass(SAMPLE_RATE, voice == BassVoice.SAW_PLUCK ? 1.3 : 0.8);
        double phase = 0;
        double dt = freq / SAMPLE_RATE;
        double filterEnv = 1;
        double filterK = decay(0.09, SAMPLE_RATE);
        double boomEnv = 1;
        double boomK = decay(0.9, SAMPLE_RATE);
        double glide = 1;
        double glideK = decay(0.03, SAMPLE_RATE);
        double releaseK = decay(release, SAMPLE_RATE);
        double tail = 1;
        int attack = (int) (0.004 * SAMPLE_RATE);
        for (int i = 0; i < n; i++) {
            double env = i < attack ? (double) i / attack : 1;
            if (i >= held) {
                tail *= releaseK;
                env *= tail;
            }
            double s;
            switch (voice) {
                case SAW_PLUCK -> {
                    double cutoff = 160 + 1700 * filterEnv * velocity;
                    s = lp.process(saw(phase, dt), cutoff) * (0.55 + 0.45 * filterEnv) * 0.42;
                }
                case SUB -> s = (sine(phase) + 0.15 * sine(2 * phase)) * 0.55;
                case ROUND -> {
                    double tri = 1 - 4 * Math.abs(phase - 0.5);
                    s = lp.process(0.7 * tri + 0.3 * saw(phase, dt), 700) * 0.55;
                }
                case DRIVE -> s = softClip(2.2 * lp.process(saw(phase, dt), 1000)) * 0.3;
                case EIGHT_O_EIGHT -> {
                    s = softClip(1.4 * sine(phase) * boomEnv) * 0.62;
                }
                default -> throw new IllegalStateException("unknown bass voice " + voice);
            }
            out[i] = (float) (s * env * velocity);
            double f = voice == BassVoice.EIGHT_O_EIGHT ? freq * (1 + 0.35 * glide) : freq;
            dt = f / SAMPLE_RATE;
            phase += dt;
            if (phase >= 1) {
                phase -= 1;
            }
            filterEnv *= filterK;
            boomEnv *= boomK;
            glide *= glideK;
        }
        mix(start, out, out, 0);
    }

    // ---------------------------------------------------------------- chords and lead

    private void chords(int bar, Chord chord, Part part, int inSection, double intensity) {
        boolean sustained = part == Part.INTRO || part == Part.BREAK || part == Part.OUTRO;
        String pattern = sustained ? "x..............." : style.chords();
        ChordVoice voice = style.chordVoice();
        if (sustained && (voice == ChordVoice.POWER || voice == ChordVoice.PLUCK)) {
            voice = ChordVoice.SAW_PAD;
        }
        double filter = part == Part.INTRO ? 0.35 + 0.65 * Math.min(1, inSection / 4.0) : part == Part.BREAK ? 0.7 : 1.0;
        int[] notes = voicing(chord);
        // A root an octave down fills out pads and guitars without muddying the bass.
        boolean lowRoot = voice == ChordVoice.POWER || voice == ChordVoice.SAW_PAD || voice == ChordVoice.AIR_PAD;
        int count = notes.length + (lowRoot ? 1 : 0);
        double[] freqs = new double[count];
        double[] weights = new double[count];
        double[] pans = new double[count];
        for (int v = 0; v < notes.length; v++) {
            freqs[v] = midiToHz(notes[v]);
            weights[v] = 1;
            pans[v] = notes.length == 1 ? 0 : -0.5 + (double) v / (notes.length - 1);
        }
        if (lowRoot) {
            freqs[count - 1] = midiToHz(notes[0] - 12);
            weights[count - 1] = 0.6;
        }
        List<Integer> hits = hits(pattern);
        for (int h = 0; h < hits.size(); h++) {
            int step = hits.get(h);
            int nextStep = h + 1 < hits.size() ? hits.get(h + 1) : 16;
            int start = at(bar, step);
            int length = at(bar, nextStep) - start;
            chordHit(start, length, freqs, weights, pans, velocity(pattern, step) * intensity, voice, filter);
        }
    }

    /**
     * One strike of a chord, all notes rendered as a single voice: they share the envelope and the filter (a
     * linear filter of the sum equals the sum of the filtered notes), which keeps pads cheap.
     */
    private void chordHit(int start, int length, double[] freqs, double[] weights, double[] pans, double velocity,
                          ChordVoice voice, double filter) {
        double attack;
        double release;
        double level;
        switch (voice) {
            case SAW_PAD -> { attack = 0.08; release = 0.35; level = 0.06; }
            case ELECTRIC_PIANO -> { attack = 0.003; release = 0.2; level = 0.11; }
            case PLUCK -> { attack = 0.002; release = 0.12; level = 0.085; }
            case POWER -> { attack = 0.002; release = 0.05; level = 0.075; }
            case SUPERSAW -> { attack = 0.005; release = 0.12; level = 0.04; }
            default -> { attack = 1.0; release = 0.9; level = 0.07; }
        }
        if (voice == ChordVoice.SUPERSAW && length > stepSamples * 4) {
            attack = 0.15;
            release = 0.5;
        }
        boolean muted = voice == ChordVoice.POWER && length <= stepSamples * 2;
        int held = (int) (length * (muted ? 0.55 : 1.0));
        int tailSamples = (int) (release * 3 * SAMPLE_RATE);
        int n = Math.min(frames - start, held + tailSamples);
        if (n <= 0) {
            return;
        }
        float[] l = new float[n];
        float[] r = new float[n];
        switch (voice) {
            case SAW_PAD -> saws(l, r, freqs, weights, new double[] {-0.006, 0.006}, 500 + 1500 * filter, 0.15);
            case POWER -> {
                saws(l, r, freqs, weights, new double[] {-0.006, 0.006}, 2600, 0);
                double body = muted ? decay(0.09, SAMPLE_RATE) : 1;
                double env = 1;
                for (int i = 0; i < n; i++) {
                    l[i] = (float) (softClip(1.4 * l[i]) * 0.6 * env);
                    r[i] = (float) (softClip(1.4 * r[i]) * 0.6 * env);
                    env *= body;
                }
            }
            case SUPERSAW -> saws(l, r, freqs, weights, new double[] {-0.011, 0, 0.011}, 900 + 3200 * filter, 0);
            case ELECTRIC_PIANO -> electricPiano(l, r, freqs, weights, pans);
            case PLUCK -> pluck(l, r, freqs, weights, pans, filter);
            case AIR_PAD -> airPad(l, r, freqs, weights);
        }
        // Amplitude envelope: linear attack, hold, exponential release, and a last 10 ms ramp so cutting the
        // tail at three time constants cannot click.
        int attackSamples = Math.max(1, (int) (attack * SAMPLE_RATE));
        double releaseK = decay(release, SAMPLE_RATE);
        int ramp = (int) (0.01 * SAMPLE_RATE);
        int end = held + tailSamples;
        double tail = 1;
        double g = level * velocity;
        for (int i = 0; i < n; i++) {
            double env = i < attackSamples ? (double) i / attackSamples : 1;
            if (i >= held) {
                tail *= releaseK;
                env *= tail;
                if (end - i < ramp) {
                    env *= (double) (end - i) / ramp;
                }
            }
            l[i] = (float) (l[i] * env * g);
            r[i] = (float) (r[i] * env * g);
        }
        double sendAmount = switch (voice) {
            case AIR_PAD -> 0.9;
            case SAW_PAD, ELECTRIC_PIANO -> 0.5;
            case SUPERSAW -> 0.4;
            default -> 0.25;
        };
        mix(start, l, r, sendAmount);
    }

    /**
     * Detuned saws for every note, the detuned copies spread across the stereo field, through a low-pass with
     * an optional slow wobble ({@code lfo} depth).
     */
    private void saws(float[] l, float[] r, double[] freqs, double[] weights, double[] detunes, double cutoff,
                      double lfo) {
        LowPass lpL = new LowPass(SAMPLE_RATE, 0.9);
        LowPass lpR = new LowPass(SAMPLE_RATE, 0.9);
        int voices = freqs.length * detunes.length;
        double[] phases = new double[voices];
        double[] dts = new double[voices];
        double[] gainL = new double[voices];
        double[] gainR = new double[voices];
        for (int v = 0; v < voices; v++) {
            int note = v / detunes.length;
            int d = v % detunes.length;
            phases[v] = random.nextDouble();
            dts[v] = freqs[note] * (1 + detunes[d]) / SAMPLE_RATE;
            double side = detunes.length == 1 ? 0 : -1 + 2.0 * d / (detunes.length - 1);
            gainL[v] = (1 - 0.6 * side) * weights[note];
            gainR[v] = (1 + 0.6 * side) * weights[note];
        }
        double c = cutoff;
        for (int i = 0; i < l.length; i++) {
            double sl = 0;
            double sr = 0;
            for (int v = 0; v < voices; v++) {
                double s = saw(phases[v], dts[v]);
                sl += s * gainL[v];
                sr += s * gainR[v];
                phases[v] += dts[v];
                if (phases[v] >= 1) {
                    phases[v] -= 1;
                }
            }
            if (lfo != 0 && (i & 15) == 0) {
                c = cutoff * (1 + lfo * sine(0.2 * i / SAMPLE_RATE));
            }
            l[i] = (float) lpL.process(sl, c);
            r[i] = (float) lpR.process(sr, c);
        }
    }

    /** Two-operator FM with a fading modulation index and tremolo: a Rhodes-like electric piano. */
    private void electricPiano(float[] l, float[] r, double[] freqs, double[] weights, double[] pans) {
        int notes = freqs.length;
        double[] phases = new double[notes];
        double[] dts = new double[notes];
        double[] gainL = new double[notes];
        double[] gainR = new double[notes];
        for (int v = 0; v < notes; v++) {
            phases[v] = random.nextDouble();
            dts[v] = freqs[v] / SAMPLE_RATE;
            gainL[v] = weights[v] * (1 - 0.5 * pans[v]);
            gainR[v] = weights[v] * (1 + 0.5 * pans[v]);
        }
        double body = 1;
        double bodyK = decay(1.4, SAMPLE_RATE);
        double index = 1;
        double indexK = decay(0.25, SAMPLE_RATE);
        // Tremolo in eighth notes, so the wobble is part of the groove rather than a competing pulse.
        double tremoloRate = 2 * bpm / 60.0 / SAMPLE_RATE;
        double tremolo = 1;
        for (int i = 0; i < l.length; i++) {
            if ((i & 31) == 0) {
                tremolo = 1 + 0.12 * sine(tremoloRate * i);
            }
            double depth = (1.1 * index + 0.15) / (2 * Math.PI);
            double sl = 0;
            double sr = 0;
            for (int v = 0; v < notes; v++) {
                double s = sine(phases[v] + depth * sine(phases[v]));
                sl += s * gainL[v];
                sr += s * gainR[v];
                phases[v] += dts[v];
                if (phases[v] >= 1) {
                    phases[v] -= 1;
                }
            }
            double a = tremolo * body;
            l[i] = (float) (sl * a);
            r[i] = (float) (sr * a);
            body *= bodyK;
            index *= indexK;
        }
    }

    /** Saw plus square through a closing filter: a bright, short piano-ish pluck. */
    private void pluck(float[] l, float[] r, double[] freqs, double[] weights, double[] pans, double filter) {
        LowPass lpL = new LowPass(SAMPLE_RATE, 0.9);
        LowPass lpR = new LowPass(SAMPLE_RATE, 0.9);
        int notes = freqs.length;
        double[] phases = new double[notes];
        double[] dts = new double[notes];
        for (int v = 0; v < notes; v++) {
            phases[v] = random.nextDouble();
            dts[v] = freqs[v] / SAMPLE_RATE;
        }
        double body = 1;
        double bodyK = decay(0.35, SAMPLE_RATE);
        double bright = 1;
        double brightK = decay(0.25, SAMPLE_RATE);
        for (int i = 0; i < l.length; i++) {
            double sl = 0;
            double sr = 0;
            for (int v = 0; v < notes; v++) {
                double s = (0.6 * saw(phases[v], dts[v]) + 0.4 * square(phases[v], dts[v])) * weights[v];
                sl += s * (1 - 0.5 * pans[v]);
                sr += s * (1 + 0.5 * pans[v]);
                phases[v] += dts[v];
                if (phases[v] >= 1) {
                    phases[v] -= 1;
                }
            }
            double cutoff = 400 + 3200 * bright * filter;
            l[i] = (float) (lpL.process(sl, cutoff) * body);
            r[i] = (float) (lpR.process(sr, cutoff) * body);
            body *= bodyK;
            bright *= brightK;
        }
    }

    /** Sine and slightly detuned triangle per note with a slow swell: the ambient pad. */
    private void airPad(float[] l, float[] r, double[] freqs, double[] weights) {
        int notes = freqs.length;
        double[] a = new double[notes];
        double[] b = new double[notes];
        double[] dtA = new double[notes];
        double[] dtB = new double[notes];
        for (int v = 0; v < notes; v++) {
            a[v] = random.nextDouble();
            b[v] = random.nextDouble();
            dtA[v] = freqs[v] / SAMPLE_RATE;
            dtB[v] = freqs[v] * 1.004 / SAMPLE_RATE;
        }
        double swellRate = 0.15 / SAMPLE_RATE;
        double swell = 1;
        for (int i = 0; i < l.length; i++) {
            if ((i & 31) == 0) {
                swell = 1 + 0.2 * sine(swellRate * i + 0.25);
            }
            double sl = 0;
            double sr = 0;
            for (int v = 0; v < notes; v++) {
                double sa = sine(a[v]) * weights[v];
                double sb = (1 - 4 * Math.abs(b[v] - 0.5)) * weights[v];
                sl += sa * 0.8 + sb * 0.2;
                sr += sa * 0.6 + sb * 0.4;
                a[v] += dtA[v];
                if (a[v] >= 1) {
                    a[v] -= 1;
                }
                b[v] += dtB[v];
                if (b[v] >= 1) {
                    b[v] -= 1;
                }
            }
            l[i] = (float) (sl * swell);
            r[i] = (float) (sr * swell);
        }
    }

    private void lead(int bar, Chord chord) {
        int[] notes = voicing(chord);
        LeadVoice voice = style.lead();
        int stride = voice == LeadVoice.ARP_SIXTEENTHS ? 1 : voice == LeadVoice.ARP_EIGHTHS ? 2 : 4;
        for (int step = 0; step < 16; step += stride) {
            int index = step / stride;
            int note;
            if (voice == LeadVoice.BELL) {
                note = notes[random.nextInt(notes.length)] + 24;
            } else {
                // Up and down through the chord, an octave above the pad.
                int cycle = Math.max(1, 2 * notes.length - 2);
                int pos = index % cycle;
                note = notes[pos < notes.length ? pos : cycle - pos] + 12;
            }
            int start = at(bar, step);
            int length = at(bar, Math.min(16, step + stride)) - start;
            leadNote(start, length, midiToHz(note), step == 0 ? 1.0 : 0.8, voice);
        }
    }

    private void leadNote(int start, int length, double freq, double velocity, LeadVoice voice) {
        boolean bell = voice == LeadVoice.BELL;
        int n = Math.min(frames - start, bell ? (int) (2.5 * SAMPLE_RATE) : (int) (length * 0.9) + (int) (0.05 * SAMPLE_RATE));
        if (n <= 0) {
            return;
        }
        float[] l = new float[n];
        float[] r = new float[n];
        double env = 1;
        double k = decay(bell ? 1.1 : 0.09, SAMPLE_RATE);
        double index = 1;
        double indexK = decay(0.3, SAMPLE_RATE);
        double phase = 0;
        LowPass lp = new LowPass(SAMPLE_RATE, 1.0);
        double level = bell ? 0.06 : 0.05;
        double dt = freq / SAMPLE_RATE;
        for (int i = 0; i < n; i++) {
            double s;
            if (bell) {
                s = sine(phase + 1.8 * index * sine(phase * 3.5) / (2 * Math.PI));
            } else {
                s = lp.process(square(phase, dt), 1200 + 2500 * env);
            }
            double attack = i < 88 ? i / 88.0 : 1;
            double out = s * env * attack * level * velocity;
            l[i] = (float) (out * 0.8);
            r[i] = (float) (out * 1.1);
            phase += dt;
            if (phase >= 1 && !bell) {
                phase -= 1;
            }
            env *= k;
            index *= indexK;
        }
        mix(start, l, r, 0.8);
    }

    /** Adds a rendered note at {@code start} through the sidechain pump, and to the effects send. */
    private void mix(int start, float[] l, float[] r, double sendAmount) {
        int n = Math.min(l.length, frames - start);
        boolean pumping = style.sidechain() > 0;
        double beat = start - Math.floor(start / beatSamples) * beatSamples;
        float amount = (float) (sendAmount * 0.5);
        for (int i = 0; i < n; i++) {
            int idx = start + i;
            float duck = pumping ? pump[(int) beat] : 1f;
            float dl = l[i] * duck;
            float dr = r[i] * duck;
            left[idx] += dl;
            right[idx] += dr;
            if (amount > 0) {
                send[idx] += (dl + dr) * amount;
            }
            beat += 1;
            if (beat >= beatSamples) {
                beat -= beatSamples;
            }
        }
    }

    private static List<Integer> hits(String pattern) {
        List<Integer> hits = new ArrayList<>();
        for (int step = 0; step < pattern.length(); step++) {
            if (pattern.charAt(step) != '.') {
                hits.add(step);
            }
        }
        return hits;
    }

    // ---------------------------------------------------------------- effects and master

    private void effects() {
        // Ping-pong delay of one beat, darkened on every repeat. A beat rather than the usual dotted eighth:
        // echoes of the snare then land on beats and strengthen the pulse a tempo tracker looks for.
        if (style.delay() > 0) {
            int time = (int) Math.round(beatSamples);
            float[] dl = new float[time];
            float[] dr = new float[time];
            Smooth damp = new Smooth(3000, SAMPLE_RATE);
            int p = 0;
            double feedback = 0.38;
            float amount = (float) style.delay();
            for (int i = 0; i < frames; i++) {
                float outL = dl[p];
                float outR = dr[p];
                dl[p] = (float) (send[i] + damp.process(outR) * feedback);
                dr[p] = (float) (outL * feedback);
                left[i] += outL * amount;
                right[i] += outR * amount;
                if (++p == time) {
                    p = 0;
                }
            }
        }
        if (style.reverb() > 0) {
            reverb(left, send, 0, (float) style.reverb());
            reverb(right, send, 23, (float) style.reverb());
        }
    }

    /** A Schroeder reverb (four damped combs, two allpasses); {@code spread} offsets the right channel. */
    private void reverb(float[] out, float[] in, int spread, float amount) {
        int[] combLengths = {1116 + spread, 1188 + spread, 1277 + spread, 1356 + spread};
        int[] allpassLengths = {556 + spread, 441 + spread};
        float[][] combs = new float[4][];
        int[] combPos = new int[4];
        float[] combStore = new float[4];
        for (int c = 0; c < 4; c++) {
            combs[c] = new float[combLengths[c]];
        }
        float[][] allpasses = {new float[allpassLengths[0]], new float[allpassLengths[1]]};
        int[] apPos = new int[2];
        float feedback = 0.84f;
        float damp = 0.3f;
        for (int i = 0; i < frames; i++) {
            float input = in[i] * 0.12f;
            float sum = 0;
            for (int c = 0; c < 4; c++) {
                float[] buf = combs[c];
                float y = buf[combPos[c]];
                combStore[c] = y * (1 - damp) + combStore[c] * damp;
                buf[combPos[c]] = input + combStore[c] * feedback;
                if (++combPos[c] == buf.length) {
                    combPos[c] = 0;
                }
                sum += y;
            }
            for (int a = 0; a < 2; a++) {
                float[] buf = allpasses[a];
                float delayed = buf[apPos[a]];
                float v = sum + delayed * 0.5f;
                buf[apPos[a]] = v;
                sum = delayed - v * 0.5f;
                if (++apPos[a] == buf.length) {
                    apPos[a] = 0;
                }
            }
            out[i] += sum * amount;
        }
    }

    /** Dust and crackle under a lo-fi bed. */
    private void vinyl() {
        Noise noise = new Noise(random.nextInt());
        Smooth hiss = new Smooth(2500, SAMPLE_RATE);
        for (int i = 0; i < frames; i++) {
            float s = (float) (hiss.process(noise.next()) * 0.012);
            left[i] += s;
            right[i] += s;
        }
        int crackles = (int) (frames / (double) SAMPLE_RATE * 4);
        for (int c = 0; c < crackles; c++) {
            int at = random.nextInt(frames);
            double amp = 0.008 + 0.02 * random.nextDouble();
            for (int i = 0; i < 40 && at + i < frames; i++) {
                float s = (float) (amp * (1 - i / 40.0) * (i % 2 == 0 ? 1 : -1));
                left[at + i] += s;
                right[at + i] += s;
            }
        }
    }

    /**
     * Glue, a fade-in of a few milliseconds against a click, the fade-out that ends at exactly the last sample,
     * then peak normalisation to -1 dBFS.
     */
    private void master() {
        Smooth warmL = style.vinyl() ? new Smooth(5500, SAMPLE_RATE) : null;
        Smooth warmR = style.vinyl() ? new Smooth(5500, SAMPLE_RATE) : null;
        int fadeIn = Math.min(frames, (int) (0.004 * SAMPLE_RATE));
        int fadeOut = Math.min(frames, (int) Math.round(Math.min(3.0, Math.max(0.3, frames / (double) SAMPLE_RATE * 0.08))
                * SAMPLE_RATE));
        double peak = 0;
        for (int i = 0; i < frames; i++) {
            double l = softClip(left[i] * 1.1) / 1.1;
            double r = softClip(right[i] * 1.1) / 1.1;
            if (warmL != null) {
                l = warmL.process(l);
                r = warmR.process(r);
            }
            double gain = 1;
            if (i < fadeIn) {
                gain = (double) i / fadeIn;
            }
            int fromEnd = frames - 1 - i;
            if (fromEnd < fadeOut) {
                // Raised-cosine fade reaching exactly zero on the final sample.
                double x = fromEnd / (double) Math.max(1, fadeOut - 1);
                gain *= 0.5 * (1 - sine(0.25 + 0.5 * x));
            }
            left[i] = (float) (l * gain);
            right[i] = (float) (r * gain);
            peak = Math.max(peak, Math.max(Math.abs(left[i]), Math.abs(right[i])));
        }
        if (peak > 0) {
            float scale = (float) (PEAK / peak);
            for (int i = 0; i < frames; i++) {
                left[i] *= scale;
                right[i] *= scale;
            }
        }
    }
}
