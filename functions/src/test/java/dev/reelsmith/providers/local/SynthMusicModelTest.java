package dev.reelsmith.providers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.reelsmith.providers.JobState;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicJobStatus;
import dev.reelsmith.providers.MusicRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SynthMusicModelTest {
    private static final int RATE = 44_100;
    private final SynthMusicModel model = new SynthMusicModel();

    @TempDir
    Path dir;

    @Test
    void start_shouldWriteStereo16BitWavAt44100_thatJavaSoundReads() throws Exception {
        // given
        MusicRequest request = new MusicRequest("synthwave", "hopeful", 110, 8, 42, dir.resolve("beds/bed.wav"));

        // when
        MusicJob job = model.start(request);

        // then
        try (AudioInputStream in = AudioSystem.getAudioInputStream(job.output().toFile())) {
            AudioFormat format = in.getFormat();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleRate()).isEqualTo(44_100f);
            assertThat(format.getChannels()).isEqualTo(2);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.isBigEndian()).isFalse();
            assertThat(in.getFrameLength()).isEqualTo(8L * RATE);
        }
        assertThat(Files.size(job.output())).isEqualTo(44 + 8L * RATE * 4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 7.3, 12.345, 29.99})
    void start_shouldWriteExactlyTheRequestedDuration_toTheSample(double seconds) throws Exception {
        // given
        MusicRequest request = new MusicRequest("pop", null, 123, seconds, 5, dir.resolve("d.wav"));

        // when
        model.start(request);

        // then
        try (AudioInputStream in = AudioSystem.getAudioInputStream(dir.resolve("d.wav").toFile())) {
            assertThat(in.getFrameLength()).isEqualTo(Math.round(seconds * RATE));
        }
    }

    @Test
    void start_shouldWriteIdenticalBytes_whenSeedRepeats() throws IOException {
        // given
        MusicRequest first = new MusicRequest("lofi", "calm", null, 6, 99, dir.resolve("a.wav"));
        MusicRequest second = new MusicRequest("lofi", "calm", null, 6, 99, dir.resolve("b.wav"));

        // when
        model.start(first);
        model.start(second);

        // then
        assertThat(Files.readAllBytes(dir.resolve("a.wav"))).isEqualTo(Files.readAllBytes(dir.resolve("b.wav")));
    }

    @Test
    void start_shouldWriteDifferentMusic_whenSeedsDiffer() throws IOException {
        // given / when
        model.start(new MusicRequest("edm", null, null, 6, 1, dir.resolve("a.wav")));
        model.start(new MusicRequest("edm", null, null, 6, 2, dir.resolve("b.wav")));

        // then
        assertThat(Files.readAllBytes(dir.resolve("a.wav"))).isNotEqualTo(Files.readAllBytes(dir.resolve("b.wav")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthwave", "lofi", "pop", "rock", "ambient", "hip-hop", "edm", "polka"})
    void render_shouldBeLoudButPeakAtMinusOneDbfs_forEveryGenre(String genre) throws Exception {
        // given
        model.start(new MusicRequest(genre, null, null, 12, 3, dir.resolve("g.wav")));

        // when
        float[] samples = readSamples(dir.resolve("g.wav"));

        // then
        double peak = 0;
        double sum = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
            sum += s * s;
        }
        double peakDb = 20 * Math.log10(peak);
        double rmsDb = 10 * Math.log10(sum / samples.length);
        assertThat(peakDb).isLessThanOrEqualTo(-0.9).isGreaterThan(-1.6);
        assertThat(rmsDb).isGreaterThan(-30);
    }

    @Test
    void render_shouldFadeToSilence_atTheLastSample() {
        // given
        MusicRequest request = new MusicRequest("rock", null, 130, 10, 8, dir.resolve("unused.wav"));

        // when
        float[][] stereo = model.render(request);

        // then
        int last = stereo[0].length - 1;
        assertThat(stereo[0][last]).isZero();
        assertThat(stereo[1][last]).isZero();
        assertThat(peak(stereo[0], last - 441, last)).isLessThan(0.01);
        assertThat(peak(stereo[0], RATE * 4, RATE * 6)).isGreaterThan(0.3);
    }

    static Stream<Arguments> tempos() {
        return Stream.of("synthwave", "lofi", "pop", "rock", "ambient", "hip-hop", "edm")
                .flatMap(genre -> Stream.of(90, 120, 150).map(bpm -> Arguments.of(genre, bpm)));
    }

    @ParameterizedTest(name = "{0} at {1} bpm")
    @MethodSource("tempos")
    void render_shouldPulseAtTheBeatPeriod_whenTempoIsGiven(String genre, int bpm) {
        // given
        MusicRequest request = new MusicRequest(genre, null, bpm, 20, 17, dir.resolve("unused.wav"));
        double expected = 60.0 / bpm;

        // when
        float[][] stereo = model.render(request);

        // then: the strongest periodicity between 0.7 and 1.4 beats is the beat itself, within 2 %
        double period = strongestPeriod(stereo, expected * 0.7, expected * 1.4);
        assertThat(period).isCloseTo(expected, offset(expected * 0.02));
    }

    @Test
    void render_shouldPlayQuieterIntroAndBreak_thanTheMainSections() {
        // given: 120 bpm, 2 s bars, 32 bars
        MusicRequest request = new MusicRequest("pop", null, 120, 64, 21, dir.resolve("unused.wav"));
        MusicRenderer.Part[] parts = MusicRenderer.arrangement(32);

        // when
        float[][] stereo = model.render(request);

        // then
        double intro = rms(stereo[0], parts, MusicRenderer.Part.INTRO, 2 * RATE);
        double main = rms(stereo[0], parts, MusicRenderer.Part.MAIN, 2 * RATE);
        double breakdown = rms(stereo[0], parts, MusicRenderer.Part.BREAK, 2 * RATE);
        double lift = rms(stereo[0], parts, MusicRenderer.Part.LIFT, 2 * RATE);
        assertThat(intro).isLessThan(main * 0.8);
        assertThat(breakdown).isLessThan(main * 0.8);
        assertThat(lift).isGreaterThanOrEqualTo(main * 0.95);
    }

    @Test
    void poll_shouldSucceedWithFreeCost_whenStartHasRendered() {
        // given
        MusicJob job = model.start(new MusicRequest("ambient", null, null, 5, 1, dir.resolve("bed.wav")));

        // when
        MusicJobStatus status = model.poll(job);

        // then
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.output()).isEqualTo(dir.resolve("bed.wav"));
        assertThat(status.cost().isFree()).isTrue();
        assertThat(status.cost().quantity()).isEqualByComparingTo("5");
        assertThat(status.cost().unit()).isEqualTo("second");
        assertThat(model.poll(job)).isEqualTo(status);
    }

    @Test
    void poll_shouldFail_whenTheRenderedFileIsGone() throws IOException {
        // given
        MusicJob job = model.start(new MusicRequest("ambient", null, null, 2, 1, dir.resolve("bed.wav")));
        Files.delete(job.output());

        // when
        MusicJobStatus status = model.poll(job);

        // then
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failureReason()).contains("no longer exists");
    }

    @Test
    void poll_shouldRejectAnotherProvidersJob_withExactMessage() {
        // given
        MusicJob job = new MusicJob("suno", "v4", "abc", dir.resolve("x.wav"), 30);

        // when / then
        assertThatThrownBy(() -> model.poll(job))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job abc belongs to suno/v4, not local/synth-v1");
    }

    @Test
    void start_shouldReturnTheSameJobId_whenTheSameRequestArrivesTwice() {
        // given
        MusicRequest request = new MusicRequest("hip-hop", "dark", 92, 3, 4, dir.resolve("bed.wav"));

        // when
        MusicJob first = model.start(request);
        MusicJob second = model.start(request);

        // then
        assertThat(first).isEqualTo(second);
        assertThat(first.jobId()).startsWith("synth-");
    }

    @Test
    void render_shouldTakeWellUnderTwoSecondsOfCpu_forAMinuteOfAudio() {
        // given
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        model.render(new MusicRequest("synthwave", null, null, 10, 1, dir.resolve("warm.wav")));
        MusicRequest request = new MusicRequest("synthwave", null, null, 60, 2, dir.resolve("minute.wav"));

        // when
        long before = threads.getCurrentThreadCpuTime();
        float[][] stereo = model.render(request);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - before) / 1_000_000;

        // then: generous headroom for a busy build machine
        assertThat(stereo[0]).hasSize(60 * RATE);
        assertThat(cpuMillis).isLessThan(4_000);
    }

    // ---------------------------------------------------------------- analysis helpers

    /**
     * The lag in [min, max] seconds where the autocorrelation of a simple onset envelope (positive changes of
     * log energy in 1024-sample windows, hop 128) peaks, refined by parabolic interpolation. The mono mix is
     * pre-emphasised first (y[n] = x[n] - 0.97 x[n-1]), as onset detectors do: otherwise a sustained sub-bass
     * sine, whose energy in a window about one period long ripples with its phase, swamps the drum onsets.
     */
    private static double strongestPeriod(float[][] stereo, double minSeconds, double maxSeconds) {
        int hop = 128;
        int window = 1024;
        int n = stereo[0].length;
        int count = (n - window) / hop;
        double[] logEnergy = new double[count];
        double[] emphasised = new double[n];
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double mono = 0.5 * (stereo[0][i] + stereo[1][i]);
            emphasised[i] = mono - 0.97 * previous;
            previous = mono;
        }
        double[] cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cumulative[i + 1] = cumulative[i] + emphasised[i] * emphasised[i];
        }
        for (int f = 0; f < count; f++) {
            double e = cumulative[f * hop + window] - cumulative[f * hop];
            logEnergy[f] = Math.log(1e-9 + e);
        }
        double[] onset = new double[count];
        double mean = 0;
        for (int f = 1; f < count; f++) {
            onset[f] = Math.max(0, logEnergy[f] - logEnergy[f - 1]);
            mean += onset[f];
        }
        mean /= count;
        for (int f = 0; f < count; f++) {
            onset[f] -= mean;
        }
        double hopSeconds = (double) hop / RATE;
        int minLag = (int) Math.floor(minSeconds / hopSeconds);
        int maxLag = (int) Math.ceil(maxSeconds / hopSeconds);
        double[] ac = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            double sum = 0;
            for (int f = 0; f + lag < count; f++) {
                sum += onset[f] * onset[f + lag];
            }
            ac[lag] = sum;
        }
        int best = minLag;
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (ac[lag] > ac[best]) {
                best = lag;
            }
        }
        double left = ac[best - 1];
        double right = ac[best + 1];
        double denominator = left - 2 * ac[best] + right;
        double shift = denominator == 0 ? 0 : 0.5 * (left - right) / denominator;
        return (best + shift) * hopSeconds;
    }

    private static double rms(float[] samples, MusicRenderer.Part[] parts, MusicRenderer.Part part, int barSamples) {
        double sum = 0;
        long count = 0;
        for (int bar = 0; bar < parts.length; bar++) {
            if (parts[bar] != part) {
                continue;
            }
            for (int i = bar * barSamples; i < (bar + 1) * barSamples && i < samples.length; i++) {
                sum += samples[i] * samples[i];
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }

    private static double peak(float[] samples, int from, int to) {
        double peak = 0;
        for (int i = from; i <= to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    /** Every sample of every channel, as read back through Java Sound. */
    private static float[] readSamples(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] bytes = in.readAllBytes();
            float[] samples = new float[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8)) / 32768f;
            }
            return samples;
        }
    }
}
