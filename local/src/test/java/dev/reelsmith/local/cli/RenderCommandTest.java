package dev.reelsmith.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void render_shouldTurnTheDemoTimelineIntoA1080x1920Mp4WithPoster() {
        // given the README's first command, on the committed example
        Path video = dir.resolve("demo.mp4");

        // when
        int exit = Main.run("render", EXAMPLES.resolve("timelines/demo.json").toString(), "-o", video.toString());

        // then
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        MediaInfo info = Ffmpeg.locate().probe(video);
        assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
        assertThat(info.video().orElseThrow().height()).isEqualTo(1920);
        assertThat(info.audio()).isPresent();
        assertThat(info.durationSeconds()).isBetween(20.0 - 1 / 30.0, 20.0 + 1 / 30.0);
        assertThat(Files.exists(dir.resolve("demo.jpg"))).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1080x1920 h264 30 fps, aac audio").contains("600 frames");
    }

    @Test
    void render_shouldExplainTheField_whenTheTimelineIsInvalid() throws Exception {
        // given a timeline whose second shot leaves a gap
        Path timeline = dir.resolve("gap.json");
        Files.writeString(timeline, """
                {"aspect": "1:1", "durationSeconds": 2.0, "shots": [
                  {"id": "a", "startSeconds": 0, "durationSeconds": 1.0, "source": {"color": "#000000"}},
                  {"id": "b", "startSeconds": 1.5, "durationSeconds": 0.5, "source": {"color": "#FFFFFF"}}]}
                """);

        // when
        int exit = Main.run("render", timeline.toString(), "-o", dir.resolve("x.mp4").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("gap.json is invalid at line")
                .contains("shot b must start where shot a ends (1.0 s), was 1.5 s");
        assertThat(Files.exists(dir.resolve("x.mp4"))).isFalse();
    }

    @Test
    void render_shouldNameTheMissingField_whenTheTimelineHasATypo() throws Exception {
        // given
        Path timeline = dir.resolve("typo.json");
        Files.writeString(timeline, """
                {"aspect": "1:1", "durationSecs": 2.0, "shots": []}
                """);

        // when
        int exit = Main.run("render", timeline.toString(), "-o", dir.resolve("x.mp4").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("typo.json is invalid")
                .contains("durationSeconds: a value is required");
    }

    @Test
    void render_shouldListKnownFields_whenTheTimelineHasAnUnknownOne() throws Exception {
        // given
        Path timeline = dir.resolve("extra.json");
        Files.writeString(timeline, """
                {"aspect": "1:1", "durationSeconds": 1.0, "colour": "red",
                 "shots": [{"id": "a", "startSeconds": 0, "durationSeconds": 1.0, "source": {"color": "#000000"}}]}
                """);

        // when
        int exit = Main.run("render", timeline.toString(), "-o", dir.resolve("x.mp4").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown field \"colour\"").contains("durationSeconds");
    }

    @Test
    void render_shouldRefuse_whenTheOutputIsNotAnMp4() throws Exception {
        // given
        Path timeline = EXAMPLES.resolve("timelines/demo.json");

        // when
        int exit = Main.run("render", timeline.toString(), "-o", dir.resolve("movie.mov").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--output must name an .mp4 file");
    }

    @Test
    void render_shouldSayTheFileIsMissing_whenTheTimelineDoesNotExist() {
        // when
        int exit = Main.run("render", dir.resolve("nope.json").toString(), "-o", dir.resolve("x.mp4").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json does not exist");
    }
}
