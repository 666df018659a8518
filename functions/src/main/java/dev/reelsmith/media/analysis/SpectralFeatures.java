package dev.reelsmith.media.analysis;

/**
 * The short-time spectral description of a mono signal that beat tracking and section detection share,
 * computed in one STFT pass: a mel-band log spectrogram; spectral flux in dB and in amplitude; per-frame
 * RMS; and a 2.5 ms energy envelope for timing attacks. It keeps no copy of the signal (3 minutes of
 * features take about 4 MB).
 *
 * <p>Frames are centred: frame {@code t} describes the window centred on sample {@code t * hop}. The hop
 * is 10 ms and the window about 46 ms, short enough to separate sixteenth notes at 180 BPM; an attack
 * shows in the flux up to half a window early, which the beat tracker corrects with the energy envelope.
 */
final class SpectralFeatures {
    /** Mel bands in the log spectrogram. */
    static final int BANDS = 48;
    /** Dynamic range kept below the loudest band value; quieter values are clamped to the floor. */
    static final float DYNAMIC_RANGE_DB = 80;

    private final int sampleRate;
    private final int hop;
    private final int frames;
    private final int samples;
    private final float[] bandDb;
    private final float[] flux;
    private final float[] rms;
    private final double[] bandCentreHz;
    private final float[] amplitudeFlux;
    private final int energyBlock;
    private final float[] energyDb;

    private SpectralFeatures(int sampleRate, int hop, int frames, int samples, float[] bandDb, float[] flux,
                             float[] rms, double[] bandCentreHz, int energyBlock,
                             float[] energyDb, float[] amplitudeFlux) {
        this.sampleRate = sampleRate;
        this.hop = hop;
        this.frames = frames;
        this.samples = samples;
        this.bandDb = bandDb;
        this.flux = flux;
        this.rms = rms;
        this.bandCentreHz = bandCentreHz;
        this.energyBlock = energyBlock;
        this.energyDb = energyDb;
        this.amplitudeFlux = amplitudeFlux;
    }

    /**
     * Analyses {@code signal} (mono, any amplitude scale) sampled at {@code sampleRate}.
     *
     * @throws IllegalArgumentException when the sample rate is below 4000 Hz
     */
    static SpectralFeatures of(float[] signal, int sampleRate) {
        if (sampleRate < 4000) {
            throw new IllegalArgumentException("sampleRate must be at least 4000, was " + sampleRate);
        }
        int hop = (int) Math.round(sampleRate * 0.010);
        int size = Integer.highestOneBit((int) Math.round(sampleRate * 0.046));
        if (size < sampleRate * 0.035) {
            size <<= 1;
        }
        int frames = signal.length / hop + 1;
        double[] window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        }
        MelBank bank = new MelBank(size, sampleRate, BANDS, 27.5, Math.min(sampleRate / 2.0, 11025));
        Fft fft = new Fft(size);
        float[] bandDb = new float[frames * BANDS];
        double[] re = new double[size];
        double[] im = new double[size];
        double[] powerA = new double[size / 2 + 1];
        double[] powerB = new double[size / 2 + 1];
        float max = -Float.MAX_VALUE;
        // two real frames per complex transform: frame A in the real part, frame B in the imaginary part
        for (int t = 0; t < frames; t += 2) {
            boolean pair = t + 1 < frames;
            fill(signal, t * hop - size / 2, window, re);
            if (pair) {
                fill(signal, (t + 1) * hop - size / 2, window, im);
            } else {
                java.util.Arrays.fill(im, 0);
            }
            fft.transform(re, im);
            for (int k = 0; k <= size / 2; k++) {
                int m = (size - k) & (size - 1);
                double ar = 0.5 * (re[k] + re[m]);
                double ai = 0.5 * (im[k] - im[m]);
                double br = 0.5 * (im[k] + im[m]);
                double bi = -0.5 * (re[k] - re[m]);
                powerA[k] = ar * ar + ai * ai;
                powerB[k] = br * br + bi * bi;
            }
            max = Math.max(max, bank.apply(powerA, bandDb, t * BANDS));
            if (pair) {
                max = Math.max(max, bank.apply(powerB, bandDb, (t + 1) * BANDS));
            }
        }
        float floor = max - DYNAMIC_RANGE_DB;
        for (int i = 0; i < bandDb.length; i++) {
            if (bandDb[i] < floor) {
                bandDb[i] = floor;
            }
        }
        float[] flux = new float[frames];
        float[] amplitudeFlux = new float[frames];
        double[] previousAmplitude = new double[BANDS];
        double dbToNeper = Math.log(10) / 20;
        for (int t = 0; t < frames; t++) {
            double all = 0;
            double amplitudeRise = 0;
            for (int b = 0; b < BANDS; b++) {
                float db = bandDb[t * BANDS + b];
                float previous = t == 0 ? floor : bandDb[(t - 1) * BANDS + b];
                float rise = db - previous;
                if (rise > 0) {
                    all += rise;
                }
                double amplitude = Math.exp((db - max) * dbToNeper);
                amplitudeRise += Math.max(0, amplitude - previousAmplitude[b]);
                previousAmplitude[b] = amplitude;
            }
            flux[t] = (float) (all / BANDS);
            amplitudeFlux[t] = (float) amplitudeRise;
        }
        float[] rms = new float[frames];
        for (int t = 0; t < frames; t++) {
            int from = Math.max(0, t * hop - hop / 2);
            int to = Math.min(signal.length, t * hop + hop - hop / 2);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) signal[i] * signal[i];
            }
            rms[t] = to > from ? (float) Math.sqrt(sum / (to - from)) : 0f;
        }
        // a 2.5 ms energy envelope: the STFT window smears an attack over 46 ms, this pins it down
        int energyBlock = Math.max(1, (int) Math.round(sampleRate * 0.0025));
        float[] energyDb = new float[(signal.length + energyBlock - 1) / energyBlock];
        for (int j = 0; j < energyDb.length; j++) {
            int from = j * energyBlock;
            int to = Math.min(signal.length, from + energyBlock);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) signal[i] * signal[i];
            }
            energyDb[j] = (float) (10 * Math.log10(sum / (to - from) + 1e-12));
        }
        return new SpectralFeatures(sampleRate, hop, frames, signal.length, bandDb, flux, rms,
                bank.centreHz, energyBlock, energyDb, amplitudeFlux);
    }

    private static void fill(float[] signal, int start, double[] window, double[] out) {
        for (int i = 0; i < out.length; i++) {
            int j = start + i;
            out[i] = j >= 0 && j < signal.length ? signal[j] * window[i] : 0;
        }
    }

    int sampleRate() {
        return sampleRate;
    }

    int hop() {
        return hop;
    }

    /** Frames per second. */
    double frameRate() {
        return (double) sampleRate / hop;
    }

    int frames() {
        return frames;
    }

    double durationSeconds() {
        return (double) samples / sampleRate;
    }

    /** Time in seconds of a (possibly fractional) frame index. */
    double seconds(double frame) {
        return frame * hop / sampleRate;
    }

    /** The (fractional) frame index of a time in seconds. */
    double frame(double seconds) {
        return seconds * sampleRate / hop;
    }

    /** Spectral flux: mean rise in dB over all mel bands since the previous frame. */
    float[] flux() {
        return flux;
    }

    /** Spectral flux of band amplitudes (not dB): loud events dominate, as they do for a listener's accent. */
    float[] amplitudeFlux() {
        return amplitudeFlux;
    }

    /** RMS amplitude of the hop around each frame, in the signal's own scale. */
    float[] rms() {
        return rms;
    }

    /** Energy (dB, floored {@link #DYNAMIC_RANGE_DB} below the loudest value) of band {@code b} in frame {@code t}. */
    float bandDb(int t, int b) {
        return bandDb[t * BANDS + b];
    }

    /** Mean energy (dB) of consecutive blocks of {@link #energyBlockSeconds()}, from the start. */
    float[] energyDb() {
        return energyDb;
    }

    double energyBlockSeconds() {
        return (double) energyBlock / sampleRate;
    }

    double bandCentreHz(int b) {
        return bandCentreHz[b];
    }

    /** Triangular filters evenly spaced on the mel scale (HTK formula), applied to a power spectrum. */
    private static final class MelBank {
        final int[] firstBin;
        final double[][] weights;
        final double[] centreHz;

        MelBank(int fftSize, int sampleRate, int bands, double minHz, double maxHz) {
            double minMel = mel(minHz);
            double maxMel = mel(maxHz);
            double[] edges = new double[bands + 2];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = hz(minMel + (maxMel - minMel) * i / (bands + 1));
            }
            double binHz = (double) sampleRate / fftSize;
            firstBin = new int[bands];
            weights = new double[bands][];
            centreHz = new double[bands];
            for (int b = 0; b < bands; b++) {
                double lo = edges[b];
                double mid = edges[b + 1];
                double hi = edges[b + 2];
                centreHz[b] = mid;
                int from = (int) Math.ceil(lo / binHz);
                int to = Math.min(fftSize / 2, (int) Math.floor(hi / binHz));
                double[] w = new double[Math.max(0, to - from + 1)];
                double total = 0;
                for (int k = from; k <= to; k++) {
                    double f = k * binHz;
                    double v = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                    w[k - from] = Math.max(0, v);
                    total += w[k - from];
                }
                if (total <= 0) {
                    // narrower than one FFT bin (the lowest bands): take the bin nearest the centre
                    from = (int) Math.round(mid / binHz);
                    w = new double[] {1};
                    total = 1;
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] /= total;
                }
                firstBin[b] = from;
                weights[b] = w;
            }
        }

        /** Writes the bands' dB values at {@code offset}; returns the largest. */
        float apply(double[] power, float[] out, int offset) {
            float max = -Float.MAX_VALUE;
            for (int b = 0; b < weights.length; b++) {
                double[] w = weights[b];
                double sum = 0;
                for (int i = 0; i < w.length; i++) {
                    sum += w[i] * power[firstBin[b] + i];
                }
                float db = (float) (10 * Math.log10(sum + 1e-20));
                out[offset + b] = db;
                max = Math.max(max, db);
            }
            return max;
        }

        private static double mel(double hz) {
            return 2595 * Math.log10(1 + hz / 700);
        }

        private static double hz(double mel) {
            return 700 * (Math.pow(10, mel / 2595) - 1);
        }
    }
}
