package dev.reelsmith.providers.local;

/**
 * The synthesiser's building blocks: table sine, band-limited (polyBLEP) saw, a soft clipper, a white-noise
 * source and a state-variable low-pass filter.
 *
 * <p>Everything here is plain float/double arithmetic, which Java evaluates identically on every platform, so a
 * seed renders the same bytes everywhere; {@code Math.sin} and friends are avoided in per-sample code because
 * their last bit may differ between CPUs (and they are slower than a table).
 */
final class SynthDsp {
    private static final int SINE_SIZE = 8192;
    private static final float[] SINE = new float[SINE_SIZE + 1];

    static {
        for (int i = 0; i <= SINE_SIZE; i++) {
            SINE[i] = (float) StrictMath.sin(2 * StrictMath.PI * i / SINE_SIZE);
        }
    }

    private SynthDsp() {
    }

    /** sin(2π·phase) for a phase in cycles (any real value). */
    static double sine(double phase) {
        double p = phase - (long) phase;
        if (p < 0) {
            p += 1;
        }
        double x = p * SINE_SIZE;
        int i = (int) x;
        double frac = x - i;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
    }

    /** A saw in [-1, 1] at {@code phase} in [0, 1) with the polyBLEP correction for increment {@code dt}. */
    static double saw(double phase, double dt) {
        return 2 * phase - 1 - blep(phase, dt);
    }

    /** A square from two saws half a cycle apart; inherits their band limiting. */
    static double square(double phase, double dt) {
        double shifted = phase + 0.5;
        if (shifted >= 1) {
            shifted -= 1;
        }
        return 0.5 * (saw(phase, dt) - saw(shifted, dt));
    }

    private static double blep(double t, double dt) {
        if (t < dt) {
            double x = t / dt;
            return x + x - x * x - 1;
        }
        if (t > 1 - dt) {
            double x = (t - 1) / dt;
            return x * x + x + x + 1;
        }
        return 0;
    }

    /** A smooth saturator: tanh-like for |x| ≤ 3, hard ±1 beyond. */
    static double softClip(double x) {
        if (x <= -3) {
            return -1;
        }
        if (x >= 3) {
            return 1;
        }
        double x2 = x * x;
        return x * (27 + x2) / (27 + 9 * x2);
    }

    /** Per-sample multiplier for an exponential decay with time constant {@code seconds}. */
    static double decay(double seconds, int sampleRate) {
        return StrictMath.exp(-1.0 / (seconds * sampleRate));
    }

    static double midiToHz(double midi) {
        return 440.0 * StrictMath.pow(2.0, (midi - 69) / 12.0);
    }

    /** Xorshift white noise in [-1, 1): cheap, seedable, identical everywhere. */
    static final class Noise {
        private int state;

        Noise(int seed) {
            this.state = seed == 0 ? 0x9E3779B9 : seed;
        }

        float next() {
            int x = state;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            state = x;
            return (x >>> 8) / 8388608f - 1f;
        }
    }

    /**
     * Chamberlin state-variable filter; low-pass output. The cutoff may change every sample, but its
     * coefficient is recomputed only every 16 samples (envelopes move far slower than that).
     */
    static final class LowPass {
        private static final int CONTROL_RATE = 16;
        private final int sampleRate;
        private final double damping;
        private double low;
        private double band;
        private double f;
        private int countdown;

        LowPass(int sampleRate, double resonance) {
            this.sampleRate = sampleRate;
            this.damping = 1.0 / Math.max(0.5, resonance);
        }

        double process(double input, double cutoffHz) {
            if (countdown-- <= 0) {
                // Oversampled twice: the Chamberlin form is only stable well below a sixth of the rate.
                double fc = Math.min(Math.max(cutoffHz, 20), sampleRate * 0.2);
                f = 2 * sine(fc / (4.0 * sampleRate));
                countdown = CONTROL_RATE - 1;
            }
            low += f * band;
            double high = input - low - damping * band;
            band += f * high;
            low += f * band;
            high = input - low - damping * band;
            band += f * high;
            return low;
        }
    }

    /** One-pole high-pass, for noise-based drums. */
    static final class HighPass {
        private final double a;
        private double prevIn;
        private double prevOut;

        HighPass(double cutoffHz, int sampleRate) {
            double rc = 1.0 / (2 * Math.PI * cutoffHz);
            double dt = 1.0 / sampleRate;
            this.a = rc / (rc + dt);
        }

        double process(double input) {
            double out = a * (prevOut + input - prevIn);
            prevIn = input;
            prevOut = out;
            return out;
        }
    }

    /** One-pole low-pass without resonance, for tone shaping and damping. */
    static final class Smooth {
        private final double a;
        private double state;

        Smooth(double cutoffHz, int sampleRate) {
            this.a = 1 - StrictMath.exp(-2 * StrictMath.PI * cutoffHz / sampleRate);
        }

        double process(double input) {
            state += a * (input - state);
            return state;
        }
    }
}
