package dev.reelsmith.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Section;
import dev.reelsmith.media.analysis.SyntheticMusic.Track;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioAnalyzerTest {
    private static Ffmpeg ffmpeg;
    private static AudioAnalyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateFfmpeg() {
        ffmpeg = Ffmpeg.locate();
        analyzer = new AudioAnalyzer(ffmpeg);
    }

    @Test
    void analyze_shouldMeasureDurationTempoBeatsAndLoudness_whenWavHoldsADrumTrack() throws Exception {
        // given: 25 s of drums and bass at 128 BPM, 44.1 kHz stereo, peaking at 0.8 (-1.9 dBFS)
        Track track = SyntheticMusic.drums(128, 25, 44100, true, 21);
        Path wav = dir.resolve("drums.wav");
        SyntheticMusic.writeWav(wav, 44100, track.samples(), track.samples());

        // when
        Analysis analysis = analyzer.analyze(wav);

        // then
        assertThat(analysis.durationSeconds()).isCloseTo(track.durationSeconds(), within(0.010));
        assertThat(analysis.channels()).isEqualTo(2);
        assertThat(analysis.sampleRate()).isEqualTo(AudioAnalyzer.ANALYSIS_SAMPLE_RATE);
        assertThat(analysis.tempoBpm()).isCloseTo(128, withinPercentage(2));
        double[] scores = SyntheticMusic.beatScores(track.beats(), analysis.beats(), 0.070);
        assertThat(scores[0]).isGreaterThanOrEqualTo(0.9);
        assertThat(scores[2]).isGreaterThanOrEqualTo(0.9);
        assertThat(SyntheticMusic.beatScores(track.downbeats(), analysis.downbeats(), 0.070)[2])
                .isGreaterThanOrEqualTo(0.9);
        // a drum kit peaking at -1.9 dBFS: loud, dynamically flat, its true peak just above the sample peak
        assertThat(analysis.truePeakDbtp()).isBetween(-2.1, -0.5);
        assertThat(analysis.integratedLoudnessLufs()).isBetween(-24.0, -8.0);
        assertThat(analysis.loudnessRangeLu()).isBetween(0.0, 4.0);
        SectionDetectorTest.assertTiles(analysis.sections(), analysis.durationSeconds());
    }

    @Test
    void analyze_shouldMeasureMinus20Lufs_whenBothStereoChannelsHoldA997HzSineAtMinus20DbfsPeak() throws Exception {
        // given: BS.1770 reads a full-scale 997 Hz sine on one channel as -3.01 LUFS, so on both channels
        // 0 LUFS, and at -20 dBFS peak (amplitude 0.1) -20 LUFS
        float[] sine = SyntheticMusic.sine(997, 0.1, 10, 48000);
        Path wav = dir.resolve("sine.wav");
        SyntheticMusic.writeWav(wav, 48000, sine, sine);

        // when
        Analysis analysis = analyzer.analyze(wav);

        // then
        assertThat(analysis.integratedLoudnessLufs()).isCloseTo(-20.0, within(0.2));
        assertThat(analysis.truePeakDbtp()).isCloseTo(-20.0, within(0.2));
        assertThat(analysis.loudnessRangeLu()).isCloseTo(0.0, within(0.5));
        assertThat(analysis.durationSeconds()).isCloseTo(10.0, within(0.010));
        assertThat(analysis.tempoBpm()).isZero();
        assertThat(analysis.sections()).hasSize(1);
    }

    @Test
    void analyze_shouldMeasureMinus23Lufs_whenMonoFileHoldsA997HzSineAtMinus20DbfsPeak() throws Exception {
        // given: a mono file counts as one channel (ffmpeg's dualmono is off), 3 dB below the stereo case
        float[] sine = SyntheticMusic.sine(997, 0.1, 10, 44100);
        Path wav = dir.resolve("mono.wav");
        SyntheticMusic.writeWav(wav, 44100, sine);

        // when
        Analysis analysis = analyzer.analyze(wav);

        // then
        assertThat(analysis.integratedLoudnessLufs()).isCloseTo(-23.0, within(0.2));
        assertThat(analysis.channels()).isEqualTo(1);
    }

    @Test
    void analyze_shouldReportNoPulseAndSilenceFloors_whenFileIsSilent() throws Exception {
        // given
        Path wav = dir.resolve("silence.wav");
        SyntheticMusic.writeWav(wav, 44100, new float[44100 * 12], new float[44100 * 12]);

        // when
        Analysis analysis = analyzer.analyze(wav);

        // then
        assertThat(analysis.tempoBpm()).isZero();
        assertThat(analysis.beats()).isEmpty();
        assertThat(analysis.downbeats()).isEmpty();
        assertThat(analysis.integratedLoudnessLufs()).isEqualTo(Analysis.SILENCE_LUFS);
        assertThat(analysis.truePeakDbtp()).isEqualTo(Analysis.SILENCE_DBTP);
        assertThat(analysis.sections()).containsExactly(new Section(Section.Label.VERSE, 0, 12, 0));
    }

    @Test
    void analyze_shouldTrackBeats_whenSongIsAacInMp4() throws Exception {
        // given
        Track track = SyntheticMusic.drums(92, 20, 44100, true, 4);
        Path wav = dir.resolve("drums.wav");
        SyntheticMusic.writeWav(wav, 44100, track.samples(), track.samples());
        Path m4a = dir.resolve("drums.m4a");
        ffmpeg.run(List.of("-i", wav.toString(), "-c:a", "aac", "-b:a", "128k", "-y", m4a.toString()),
                Duration.ofSeconds(60), progress -> { });

        // when
        Analysis analysis = analyzer.analyze(m4a);

        // then
        assertThat(analysis.durationSeconds()).isCloseTo(track.durationSeconds(), within(0.030));
        assertThat(analysis.tempoBpm()).isCloseTo(92, withinPercentage(2));
        assertThat(SyntheticMusic.beatScores(track.beats(), analysis.beats(), 0.070)[2]).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void analyze_shouldProduceJsonThatReadsBackEqual_whenSongHasBeats() throws Exception {
        // given
        Track track = SyntheticMusic.drums(145, 12, 44100, false, 6);
        Path wav = dir.resolve("short.wav");
        SyntheticMusic.writeWav(wav, 44100, track.samples());
        Analysis analysis = analyzer.analyze(wav);

        // when
        String json = Json.mapper().writeValueAsString(analysis);

        // then
        assertThat(Json.mapper().readValue(json, Analysis.class)).isEqualTo(analysis);
        assertThat(json).contains("\"tempoBpm\"", "\"downbeats\"", "\"label\" : \"verse\"");
    }

    @Test
    void analyze_shouldRaiseUnreadableAudio_whenTextFileIsNamedMp3() throws Exception {
        // given
        Path notAudio = dir.resolve("song.mp3");
        Files.writeString(notAudio, "these are lyrics, not audio\n".repeat(20), StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> analyzer.analyze(notAudio))
                .isInstanceOf(UnreadableAudioException.class)
                .hasMessageStartingWith("cannot read audio from " + notAudio + ": ")
                .hasMessageContaining("Invalid data found when processing input")
                .satisfies(e -> assertThat(((UnreadableAudioException) e).file()).isEqualTo(notAudio));
    }

    @Test
    void analyze_shouldRaiseUnreadableAudio_whenFileHasNoAudioStream() throws Exception {
        // given
        Path image = dir.resolve("cover.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

        // when / then
        assertThatThrownBy(() -> analyzer.analyze(image))
                .isInstanceOf(UnreadableAudioException.class)
                .hasMessage("cannot read audio from " + image + ": it has no audio stream (only video png)");
    }

    @Test
    void analyze_shouldRaiseUnreadableAudio_whenFileDoesNotExist() {
        // given
        Path missing = dir.resolve("missing.wav");

        // when / then
        assertThatThrownBy(() -> analyzer.analyze(missing))
                .isInstanceOf(UnreadableAudioException.class)
                .hasMessage("cannot read audio from " + missing + ": ffprobe cannot read it: No such file or directory");
    }
}
