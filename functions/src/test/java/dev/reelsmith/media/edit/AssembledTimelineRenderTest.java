package dev.reelsmith.media.edit;

import static dev.reelsmith.media.edit.EditFixtures.analysis;
import static dev.reelsmith.media.edit.EditFixtures.shotList;
import static dev.reelsmith.media.edit.EditFixtures.sidecar;
import static dev.reelsmith.media.edit.EditFixtures.song;
import static dev.reelsmith.media.edit.EditFixtures.songScript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.Transition;
import dev.reelsmith.media.audio.WavWriter;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import dev.reelsmith.media.render.RenderOptions;
import dev.reelsmith.media.render.Renderer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssembledTimelineRenderTest {
    @TempDir
    Path dir;

    @Test
    void render_shouldLastTheSongsLengthWithinOneFrame_whenTheAssembledTimelineIsRendered() throws Exception {
        // given a 2 s, 120 bpm song with three shots (the middle one failed, the last crossfades in) and a lyric
        double seconds = 2.0;
        Path songFile = dir.resolve("song.wav");
        WavWriter.writePcm16(songFile, 48000, tone(seconds, 48000));
        Analysis analysis = analysis(seconds, 120, 0.0);
        Script script = songScript(seconds, new double[] {0, seconds});
        ShotList list = shotList(script, AspectRatio.SQUARE, new double[] {0, 0.5, 1.0, seconds},
                Transition.CUT, Transition.CUT, Transition.CROSSFADE);
        List<ShotMedia> media = List.of(
                ShotMedia.still("s01", still("s01.png", Color.ORANGE).toString()),
                ShotMedia.failed("s02"),
                ShotMedia.still("s03", still("s03.png", Color.BLUE).toString()));
        EditInput input = new EditInput(song(analysis, sidecar(null, null, "[00:00.50]Ride: \"%{tide}\" \\ 🎵"),
                AspectRatio.SQUARE), script, list, null, media, List.of(), Soundtrack.song(songFile.toString()), 30);
        Timeline timeline = new TimelineAssembler().assemble(input);
        Ffmpeg ffmpeg = Ffmpeg.locate();
        Path out = dir.resolve("out.mp4");
        RenderOptions fast = new RenderOptions("ultrafast", 35, 64, 1.0, Duration.ofMinutes(2), "");

        // when
        new Renderer(ffmpeg).render(timeline, out, fast, progress -> { });

        // then
        MediaInfo info = ffmpeg.probe(out);
        assertThat(timeline.shots()).hasSize(2);
        assertThat(info.video().orElseThrow().durationSeconds()).isCloseTo(seconds, within(1 / 30.0));
        assertThat(info.audio().orElseThrow().durationSeconds()).isCloseTo(seconds, within(1 / 30.0));
        assertThat(ffmpeg.videoFrameTimes(out)).hasSize(60);
    }

    private Path still(String name, Color color) throws Exception {
        BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 320);
        g.setColor(Color.WHITE);
        g.fillOval(100, 100, 120, 120);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static float[] tone(double seconds, int rate) {
        float[] samples = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.2 * Math.sin(2 * Math.PI * 330 * i / rate));
        }
        return samples;
    }
}
