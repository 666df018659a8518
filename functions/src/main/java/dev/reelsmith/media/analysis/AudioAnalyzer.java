package dev.reelsmith.media.analysis;

import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Section;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.FfmpegException;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Analyses a song file for the Analyze step: duration, EBU R128 loudness, tempo, beats, downbeats and
 * sections ({@link Analysis}).
 *
 * <p>One ffmpeg run decodes the first audio stream once: the {@code ebur128} filter measures loudness on
 * the original channels and sample rate, then the audio is mixed to mono, resampled to
 * {@value #ANALYSIS_SAMPLE_RATE} Hz and written as 32-bit floats to a temporary file, which is read
 * straight into one {@code float[]} (10 minutes is 53 MB) and deleted. Beat tracking and section detection
 * run on that array in Java ({@link BeatTracker}, {@link SectionDetector}).
 *
 * <p>Holds no state between calls: one instance may analyse several files at once.
 */
public final class AudioAnalyzer {
    /** Sample rate of the PCM the beat tracker and section detector see. */
    public static final int ANALYSIS_SAMPLE_RATE = 22050;
    /** Longest audio analysed: an hour of mono floats is 318 MB. */
    public static final double MAX_SECONDS = 3600;

    private final Ffmpeg ffmpeg;

    public AudioAnalyzer(Ffmpeg ffmpeg) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    }

    /**
     * Analyses {@code audioFile} (any format ffmpeg reads; video files are fine, their first audio stream
     * is used).
     *
     * @throws UnreadableAudioException when the file cannot be read, has no audio stream, decodes to no
     *                                  samples or is longer than {@link #MAX_SECONDS} (terminal)
     * @throws dev.reelsmith.media.ffmpeg.FfmpegTimeoutException when decoding outlives its timeout
     *                                  (two minutes plus half the audio's duration; transient)
     */
    public Analysis analyze(Path audioFile) {
        MediaInfo.Stream stream = audioStream(audioFile);
        Measured measured = measure(audioFile, stream);
        SpectralFeatures features = measured.features();
        BeatTracker.BeatGrid grid = BeatTracker.track(features);
        List<Section> sections = SectionDetector.detect(features, grid.downbeats());
        Loudness loudness = measured.loudness();
        return new Analysis(features.durationSeconds(), ANALYSIS_SAMPLE_RATE, stream.channels(),
                loudness.integratedLufs(), loudness.rangeLu(), loudness.truePeakDbtp(), grid.tempoBpm(),
                grid.beats(), grid.downbeats(), grid.beatsPerBar(), sections);
    }

    private record Measured(SpectralFeatures features, Loudness loudness) {
    }

    private MediaInfo.Stream audioStream(Path file) {
        MediaInfo info;
        try {
            info = ffmpeg.probe(file);
        } catch (FfmpegException e) {
            throw new UnreadableAudioException(file, "ffprobe cannot read it: " + reason(e, file));
        }
        MediaInfo.Stream stream = info.audio().orElseThrow(() -> new UnreadableAudioException(file,
                "it has no audio stream" + (info.streams().isEmpty() ? "" : " (only " + info.streams().stream()
                        .map(s -> s.codecType() + " " + s.codecName()).collect(Collectors.joining(", ")) + ")")));
        if (info.durationSeconds() > MAX_SECONDS || stream.durationSeconds() > MAX_SECONDS) {
            throw new UnreadableAudioException(file, "it lasts " + Math.round(Math.max(info.durationSeconds(),
                    stream.durationSeconds())) + " s, longer than the " + (long) MAX_SECONDS + " s the analyzer reads");
        }
        return stream;
    }

    /**
     * Decodes once, measuring loudness on the way, and describes the PCM; the PCM itself is dropped when
     * this returns, so only the (much smaller) features stay in memory.
     */
    private Measured measure(Path file, MediaInfo.Stream stream) {
        Path pcm;
        try {
            pcm = Files.createTempFile("reelsmith-analysis-", ".f32");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for decoded audio", e);
        }
        try {
            String log;
            try {
                log = ffmpeg.log(List.of(
                        "-i", file.toString(),
                        "-map", "0:a:0",
                        // frame-by-frame meter lines go to the verbose level: only the summary is logged
                        "-af", "ebur128=peak=true:framelog=verbose,aresample=" + ANALYSIS_SAMPLE_RATE
                                + ",aformat=sample_fmts=flt:channel_layouts=mono",
                        "-f", "f32le", "-y", pcm.toString()), decodeTimeout(stream));
            } catch (FfmpegException e) {
                throw new UnreadableAudioException(file, "ffmpeg cannot decode it: " + reason(e, file));
            }
            float[] samples = readFloats(file, pcm);
            if (samples.length == 0) {
                throw new UnreadableAudioException(file, "its audio stream decodes to no samples");
            }
            Loudness loudness;
            try {
                loudness = Loudness.fromEbur128Log(log);
            } catch (IllegalArgumentException e) {
                throw new UnreadableAudioException(file, "ffmpeg measured no loudness: " + e.getMessage());
            }
            return new Measured(SpectralFeatures.of(samples, ANALYSIS_SAMPLE_RATE), loudness);
        } finally {
            try {
                Files.deleteIfExists(pcm);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the analysis result is not
            }
        }
    }

    private static Duration decodeTimeout(MediaInfo.Stream stream) {
        // decoding plus 4x-oversampled true peak runs at ~70x real time on one core; allow a wide margin
        return Duration.ofSeconds(120 + (long) Math.min(MAX_SECONDS, stream.durationSeconds()) / 2);
    }

    private static float[] readFloats(Path file, Path pcm) {
        try (FileChannel channel = FileChannel.open(pcm, StandardOpenOption.READ)) {
            long count = channel.size() / Float.BYTES;
            if (count > MAX_SECONDS * ANALYSIS_SAMPLE_RATE) {
                throw new UnreadableAudioException(file, "it decodes to more than " + (long) MAX_SECONDS
                        + " s of audio, longer than the analyzer reads");
            }
            float[] samples = new float[(int) count];
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            int filled = 0;
            while (filled < samples.length) {
                if (channel.read(buffer) < 0) {
                    break;
                }
                buffer.flip();
                int floats = Math.min(buffer.remaining() / Float.BYTES, samples.length - filled);
                buffer.asFloatBuffer().get(samples, filled, floats);
                filled += floats;
                buffer.position(floats * Float.BYTES);
                buffer.compact(); // a partial float stays at the front for the next read
            }
            return filled == samples.length ? samples : Arrays.copyOf(samples, filled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decoded audio from " + pcm, e);
        }
    }

    /** ffmpeg's own last words, without the file name it starts them with. */
    private static String reason(FfmpegException e, Path file) {
        String tail = e.stderrTail() == null ? "" : e.stderrTail().strip();
        String last = tail.isEmpty()
                ? e.getMessage().lines().findFirst().orElse("")
                : tail.substring(tail.lastIndexOf('\n') + 1);
        String prefix = file + ": ";
        return last.startsWith(prefix) ? last.substring(prefix.length()) : last;
    }
}
