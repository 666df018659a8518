package dev.reelsmith.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {
    private final Ffmpeg ffmpeg = Ffmpeg.locate();

    @TempDir
    Path dir;

    @Test
    void run_shouldReportProgressAndFinishWithDone() {
        // given
        Path out = dir.resolve("tone.m4a");
        List<Progress> reports = new ArrayList<>();

        // when
        ffmpeg.run(List.of("-filter_complex", "sine=frequency=440:duration=3", "-c:a", "aac", "file:" + out),
                Duration.ofSeconds(60), reports::add);

        // then
        assertThat(reports).isNotEmpty();
        Progress last = reports.get(reports.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.outTime().toMillis()).isBetween(2900L, 3100L);
        assertThat(last.fractionOf(Duration.ofSeconds(3))).isEqualTo(1.0);
    }

    @Test
    void run_shouldCarryFfmpegsOwnReason_whenItFails() {
        // when / then
        assertThatThrownBy(() -> ffmpeg.run(List.of("-i", "file:" + dir.resolve("missing.wav"), "-f", "null", "-"),
                Duration.ofSeconds(30), p -> { }))
                .isInstanceOf(FfmpegException.class)
                .hasMessageContaining("ffmpeg failed with exit code")
                .hasMessageContaining("No such file or directory")
                .satisfies(e -> assertThat(((FfmpegException) e).exitCode()).isNotZero());
    }

    @Test
    void run_shouldKillTheProcess_whenItOutlivesItsTimeout() {
        // given a render that would take far longer than the timeout (realtime-paced, 10 minutes)
        List<String> slow = List.of("-re", "-f", "lavfi", "-i", "anullsrc=d=600", "-f", "null", "-");

        // when / then
        long started = System.nanoTime();
        assertThatThrownBy(() -> ffmpeg.run(slow, Duration.ofMillis(700), p -> { }))
                .isInstanceOf(FfmpegTimeoutException.class)
                .hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void probe_shouldDescribeStreams_andFailReadably_onAFileThatIsNotMedia() throws Exception {
        // given
        Path wav = dir.resolve("a.wav");
        ffmpeg.capture(List.of("-f", "lavfi", "-i", "sine=duration=1.5:sample_rate=44100", "-ac", "2", "file:" + wav),
                Duration.ofSeconds(30));
        Path text = dir.resolve("notes.mp3");
        Files.writeString(text, "this is not audio");

        // when
        MediaInfo info = ffmpeg.probe(wav);

        // then
        assertThat(info.audio().orElseThrow().sampleRate()).isEqualTo(44100);
        assertThat(info.audio().orElseThrow().channels()).isEqualTo(2);
        assertThat(info.durationSeconds()).isBetween(1.49, 1.51);
        assertThat(info.video()).isEmpty();
        assertThatThrownBy(() -> ffmpeg.probe(text)).isInstanceOf(FfmpegException.class)
                .hasMessageContaining("ffprobe failed");
    }
}
