package dev.reelsmith.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.AudioTrack;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.OverlayPosition;
import dev.reelsmith.domain.OverlayRole;
import dev.reelsmith.domain.ShotSource;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import dev.reelsmith.media.ffmpeg.Progress;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {
    private static final String HOSTILE = "It's 50% off: %{pts} \\N ' ; [x] -> \"now\" 🎬 שלום עולם مرحبا";
    private static Ffmpeg ffmpeg;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        ffmpeg = Ffmpeg.locate();
    }

    @Test
    void render_shouldWriteH264AacAtRequestedSize_withDurationWithinOneFrame() throws Exception {
        // given a 9:16 timeline of stills with moves, every transition kind, overlays and a song
        Path a = TestMedia.gradientPng(dir, "a.png", new Color(0x1E3A8A), new Color(0xF59E0B), 1600, 900);
        Path b = TestMedia.gradientPng(dir, "b.png", new Color(0x065F46), new Color(0xFDE68A), 900, 1600);
        Path song = TestMedia.toneWav(dir, "song.wav", 7.0, 120);
        Timeline timeline = new Timeline(AspectRatio.PORTRAIT, 30, 6.4, List.of(
                shot("s1", 0, 2.0, ShotSource.ofImage(a.toString()), CameraMovement.PUSH_IN, Transition.CUT, 0.0),
                shot("s2", 2.0, 1.5, ShotSource.ofImage(b.toString()), CameraMovement.PAN_RIGHT, Transition.CROSSFADE, 0.5),
                shot("s3", 3.5, 1.5, ShotSource.ofColor("#202040"), CameraMovement.STATIC, Transition.DIP_TO_BLACK, 0.4),
                shot("s4", 5.0, 1.4, ShotSource.ofImage(a.toString()), CameraMovement.HANDHELD, Transition.CUT, 0.0)),
                List.of(new TextOverlay("Stride One", OverlayRole.TITLE, null, 0.2, 2.0, null, null, 0.3),
                        new TextOverlay("Shop now", OverlayRole.CTA, OverlayPosition.LOWER_THIRD, 5.0, 6.4, null, "#FF5A1F", 0.2)),
                new AudioTrack(song.toString(), 0.5, 0.2, 0.5, -14.0, null), 0.3, 0.3, null);
        Path out = dir.resolve("out/video.mp4");
        List<Progress> reports = new ArrayList<>();

        // when
        RenderResult result = new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), reports::add);

        // then
        MediaInfo info = ffmpeg.probe(out);
        MediaInfo.Stream video = info.video().orElseThrow();
        MediaInfo.Stream audio = info.audio().orElseThrow();
        assertThat(video.codecName()).isEqualTo("h264");
        assertThat(video.pixelFormat()).isEqualTo("yuv420p");
        assertThat(video.width()).isEqualTo(1080);
        assertThat(video.height()).isEqualTo(1920);
        assertThat(video.frameRate()).isEqualTo(30.0);
        assertThat(ffmpeg.videoFrameTimes(out)).hasSize(192);
        assertThat(video.durationSeconds()).isCloseTo(6.4, org.assertj.core.data.Offset.offset(1 / 30.0));
        assertThat(audio.codecName()).isEqualTo("aac");
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.durationSeconds()).isCloseTo(video.durationSeconds(), org.assertj.core.data.Offset.offset(1 / 30.0));
        assertThat(result.frames()).isEqualTo(192);
        assertThat(reports).isNotEmpty().last().extracting(Progress::done).isEqualTo(true);
        BufferedImage poster = ImageIO.read(result.poster().toFile());
        assertThat(poster.getWidth()).isEqualTo(1080);
        assertThat(poster.getHeight()).isEqualTo(1920);
    }

    @Test
    void render_shouldPutMoovAtomFirst_soPlaybackStartsBeforeDownload() throws Exception {
        // given
        Timeline timeline = colours(AspectRatio.SQUARE, 1.0, "#FF0000", "#00FF00");
        Path out = dir.resolve("fast.mp4");

        // when
        new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then the moov box precedes mdat (+faststart)
        byte[] head = java.nio.file.Files.readAllBytes(out);
        String ascii = new String(head, 0, Math.min(head.length, 64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ascii.indexOf("moov")).isPositive().isLessThan(ascii.indexOf("mdat"));
    }

    @Test
    void render_shouldLandEveryCutOnTheNearestFrame() throws Exception {
        // given cuts at times that are not frame multiples: 0.55 -> frame 17 (16.5 rounds up), 1.27 -> 38, 2.0 -> 60
        Timeline timeline = new Timeline(AspectRatio.LANDSCAPE, 30, 2.6, List.of(
                shot("red", 0, 0.55, ShotSource.ofColor("#FF0000"), null, null, 0.0),
                shot("green", 0.55, 0.72, ShotSource.ofColor("#00FF00"), null, null, 0.0),
                shot("blue", 1.27, 0.73, ShotSource.ofColor("#0000FF"), null, null, 0.0),
                shot("white", 2.0, 0.6, ShotSource.ofColor("#FFFFFF"), null, null, 0.0)),
                List.of(), null, 0.0, 0.0, null);
        Path out = dir.resolve("cuts.mp4");

        // when
        new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then the dominant colour changes exactly on frames 17, 38 and 60
        List<int[]> frames = meanColours(out);
        assertThat(frames).hasSize(78);
        List<Integer> changes = new ArrayList<>();
        for (int i = 1; i < frames.size(); i++) {
            if (dominant(frames.get(i)) != dominant(frames.get(i - 1))) {
                changes.add(i);
            }
        }
        assertThat(changes).containsExactly(17, 38, 60);
    }

    @Test
    void render_shouldJoinCutGroupsWithCrossfadesAndDips() throws Exception {
        // given cut, cut, crossfade, cut, dip-to-black: cut groups are concatenated before each xfade
        Timeline timeline = new Timeline(AspectRatio.SQUARE, 30, 5.0, List.of(
                shot("a", 0, 1.0, ShotSource.ofColor("#FF0000"), null, null, 0.0),
                shot("b", 1.0, 1.0, ShotSource.ofColor("#00FF00"), null, null, 0.0),
                shot("c", 2.0, 1.0, ShotSource.ofColor("#0000FF"), null, Transition.CROSSFADE, 0.4),
                shot("d", 3.0, 1.0, ShotSource.ofColor("#FFFFFF"), null, null, 0.0),
                shot("e", 4.0, 1.0, ShotSource.ofColor("#FF0000"), null, Transition.DIP_TO_BLACK, 0.4)),
                List.of(), null, 0.0, 0.0, null);
        Path out = dir.resolve("groups.mp4");

        // when
        new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then every frame is there, and the hard cuts still land on frames 30 and 90
        List<int[]> frames = meanColours(out);
        assertThat(frames).hasSize(150);
        assertThat(dominant(frames.get(29))).isEqualTo(0);
        assertThat(dominant(frames.get(30))).isEqualTo(1);
        assertThat(dominant(frames.get(89))).isEqualTo(2);
        assertThat(dominant(frames.get(90))).isEqualTo(3);
        int darkest = Integer.MAX_VALUE;
        for (int i = 114; i <= 126; i++) {
            int[] f = frames.get(i);
            darkest = Math.min(darkest, f[0] + f[1] + f[2]);
        }
        assertThat(darkest).as("the dip reaches black around its centre, frame 120").isLessThan(40);
    }

    @Test
    void render_shouldCentreCrossfadesOnTheCut() throws Exception {
        // given a 1 s crossfade (30 frames) from red to blue centred on 2.0 s (frame 60)
        Timeline timeline = new Timeline(AspectRatio.SQUARE, 30, 4.0, List.of(
                shot("red", 0, 2.0, ShotSource.ofColor("#FF0000"), null, null, 0.0),
                shot("blue", 2.0, 2.0, ShotSource.ofColor("#0000FF"), null, Transition.CROSSFADE, 1.0)),
                List.of(), null, 0.0, 0.0, null);
        Path out = dir.resolve("xfade.mp4");

        // when
        new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then pure red until frame 45, pure blue from frame 75, and half-way at frame 60
        List<int[]> frames = meanColours(out);
        assertThat(frames).hasSize(120);
        assertThat(frames.get(44)[0]).isGreaterThan(230);
        assertThat(frames.get(44)[2]).isLessThan(25);
        assertThat(frames.get(76)[2]).isGreaterThan(230);
        assertThat(frames.get(76)[0]).isLessThan(25);
        assertThat(frames.get(60)[0]).isBetween(95, 160);
        assertThat(frames.get(60)[2]).isBetween(95, 160);
    }

    @Test
    void render_shouldDrawHostileOverlayTextLiterally_withoutPassingItToFfmpeg() throws Exception {
        // given overlay text full of FFmpeg filter syntax, quotes, emoji and right-to-left scripts
        TextOverlay hostile = new TextOverlay(HOSTILE, OverlayRole.CAPTION, OverlayPosition.CENTER, 0, 1.0, null, null, 0.0);
        Timeline timeline = new Timeline(AspectRatio.LANDSCAPE, 30, 1.0,
                List.of(shot("bg", 0, 1.0, ShotSource.ofColor("#000000"), null, null, 0.0)),
                List.of(hostile), null, 0.0, 0.0, 0.5);
        Path overlayPng = dir.resolve("o.png");
        PaintedOverlay painted = new OverlayPainter().paint(hostile, AspectRatio.LANDSCAPE);
        ImageIO.write(painted.image(), "png", overlayPng.toFile());
        Path out = dir.resolve("hostile.mp4");

        // when
        List<String> args = new RenderCommand(timeline, List.of(painted), List.of(overlayPng), RenderOptions.defaults())
                .arguments(out, dir.resolve("hostile.jpg"));
        RenderResult result = new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then no argument carries the text or any piece of it, and the poster shows ink where the caption is
        for (String arg : args) {
            assertThat(arg).doesNotContain("%{pts}").doesNotContain("50%").doesNotContain("שלום").doesNotContain("It's");
        }
        BufferedImage poster = ImageIO.read(result.poster().toFile());
        int lit = 0;
        for (int y = 440; y < 640; y += 2) {
            for (int x = 200; x < 1720; x += 2) {
                if ((poster.getRGB(x, y) & 0xFF) > 128) {
                    lit++;
                }
            }
        }
        assertThat(lit).as("bright caption pixels over a black frame").isGreaterThan(2000);
    }

    @Test
    void render_shouldReadMediaWhoseNamesLookLikeSyntax() throws Exception {
        // given file names with %, :, quotes and a leading dash
        Path odd = TestMedia.gradientPng(dir, "-100%: it's [a].png", Color.RED, Color.BLUE, 640, 360);
        Path song = TestMedia.toneWav(dir, "concat:x|y.wav", 1.2, 100);
        Timeline timeline = new Timeline(AspectRatio.SQUARE, 30, 1.0,
                List.of(shot("odd", 0, 1.0, ShotSource.ofImage(odd.toString()), CameraMovement.PULL_OUT, null, 0)),
                List.of(), new AudioTrack(song.toString(), 0.0, 0.0, 0.0, null, null), 0.0, 0.0, null);
        Path out = dir.resolve("odd %d: name.mp4");

        // when
        new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then
        assertThat(ffmpeg.probe(out).video()).isPresent();
        assertThat(ffmpeg.videoFrameTimes(out)).hasSize(30);
    }

    @Test
    void render_shouldNormaliseLoudnessToTarget() throws Exception {
        // given a quiet song and a -14 LUFS target
        Path song = TestMedia.toneWav(dir, "quiet.wav", 8.0, 90);
        Timeline timeline = colours(AspectRatio.SQUARE, 4.0, "#102030", "#304050")
                .withAudio(new AudioTrack(song.toString(), 0.0, 0.0, 0.0, -14.0, null));
        Path out = dir.resolve("loud.mp4");

        // when
        new Renderer(ffmpeg).render(timeline, out, RenderOptions.defaults(), p -> { });

        // then integrated loudness is within 1 LU of the target
        String log = ffmpeg.log(List.of("-i", "file:" + out, "-map", "0:a", "-af", "ebur128", "-f", "null", "-"),
                Duration.ofSeconds(60));
        Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(log);
        double integrated = Double.NaN;
        while (m.find()) {
            integrated = Double.parseDouble(m.group(1));
        }
        assertThat(integrated).isBetween(-15.0, -13.0);
    }

    @Test
    void render_shouldNameTheMissingFile_whenMediaDoesNotExist() {
        // given
        Timeline timeline = new Timeline(AspectRatio.SQUARE, 30, 1.0,
                List.of(shot("gone", 0, 1.0, ShotSource.ofImage(dir.resolve("nope.png").toString()), null, null, 0.0)),
                List.of(), null, 0.0, 0.0, null);

        // when / then
        assertThatThrownBy(() -> new Renderer(ffmpeg).render(timeline, dir.resolve("x.mp4"), RenderOptions.defaults(), p -> { }))
                .isInstanceOf(MissingMediaException.class)
                .hasMessageContaining("shot gone").hasMessageContaining("nope.png");
    }

    private static TimelineShot shot(String id, double start, double duration, ShotSource source, CameraMovement move,
                                     Transition in, double transitionSeconds) {
        return new TimelineShot(id, start, duration, source, move, in, transitionSeconds);
    }

    private static Timeline colours(AspectRatio aspect, double each, String... hex) {
        List<TimelineShot> shots = new ArrayList<>();
        for (int i = 0; i < hex.length; i++) {
            shots.add(shot("c" + i, i * each, each, ShotSource.ofColor(hex[i]), null, null, 0.0));
        }
        return new Timeline(aspect, 30, each * hex.length, shots, List.of(), null, 0.0, 0.0, null);
    }

    private static int dominant(int[] rgb) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (rgb[c] > rgb[best]) {
                best = c;
            }
        }
        return rgb[0] > 200 && rgb[1] > 200 && rgb[2] > 200 ? 3 : best;
    }

    /** Mean RGB of every decoded frame, in order. */
    private static List<int[]> meanColours(Path video) {
        byte[] raw = ffmpeg.capture(List.of("-i", "file:" + video, "-vf", "scale=8:8", "-f", "rawvideo",
                "-pix_fmt", "rgb24", "pipe:1"), Duration.ofSeconds(60));
        List<int[]> frames = new ArrayList<>();
        int size = 8 * 8 * 3;
        for (int off = 0; off + size <= raw.length; off += size) {
            long r = 0;
            long g = 0;
            long b = 0;
            for (int p = off; p < off + size; p += 3) {
                r += raw[p] & 0xFF;
                g += raw[p + 1] & 0xFF;
                b += raw[p + 2] & 0xFF;
            }
            frames.add(new int[] {(int) (r / 64), (int) (g / 64), (int) (b / 64)});
        }
        return frames;
    }
}
