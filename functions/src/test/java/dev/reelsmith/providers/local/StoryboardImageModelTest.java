package dev.reelsmith.providers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.providers.FrameContext;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoryboardImageModelTest {
    private final StoryboardImageModel model = new StoryboardImageModel();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(AspectRatio.class)
    void generate_shouldWriteFreePngAtRequestedSize_forEveryAspectRatio(AspectRatio aspect) throws IOException {
        // given
        ImageRequest request = request(aspect.width(), aspect.height(), aspect, frame(ShotType.MEDIUM,
                CameraMovement.PUSH_IN, "The runner laces up: 'today', not tomorrow."), 42, dir.resolve("k/s01.png"));

        // when
        ImageResult result = model.generate(request);

        // then
        BufferedImage written = ImageIO.read(result.file().toFile());
        assertThat(written.getWidth()).isEqualTo(aspect.width());
        assertThat(written.getHeight()).isEqualTo(aspect.height());
        assertThat(result.mimeType()).isEqualTo("image/png");
        assertThat(result.cost().isFree()).isTrue();
        assertThat(result.cost().unit()).isEqualTo("image");
        assertThat(result.providerId()).isEqualTo("local");
        assertThat(result.modelId()).isEqualTo("storyboard-v1");
        assertThat(result.seed()).isEqualTo(42);
        assertThat(Files.list(dir.resolve("k"))).containsExactly(dir.resolve("k/s01.png"));
    }

    @Test
    void generate_shouldWriteByteIdenticalPng_whenRequestAndSeedRepeat() throws IOException {
        // given
        FrameContext frame = frame(ShotType.ESTABLISHING, CameraMovement.PULL_OUT, "Sunrise over the city");
        ImageRequest first = request(960, 540, AspectRatio.LANDSCAPE, frame, 7, dir.resolve("a.png"));
        ImageRequest second = request(960, 540, AspectRatio.LANDSCAPE, frame, 7, dir.resolve("b.png"));

        // when
        model.generate(first);
        model.generate(second);

        // then
        assertThat(Files.readAllBytes(dir.resolve("a.png"))).isEqualTo(Files.readAllBytes(dir.resolve("b.png")));
    }

    @Test
    void generate_shouldPaintDifferentFrames_whenSeedsDiffer() throws IOException {
        // given
        FrameContext frame = frame(ShotType.ESTABLISHING, CameraMovement.STATIC, "Sunrise over the city");

        // when
        model.generate(request(640, 360, AspectRatio.LANDSCAPE, frame, 1, dir.resolve("one.png")));
        model.generate(request(640, 360, AspectRatio.LANDSCAPE, frame, 2, dir.resolve("two.png")));

        // then
        double changed = changedFraction(ImageIO.read(dir.resolve("one.png").toFile()),
                ImageIO.read(dir.resolve("two.png").toFile()));
        assertThat(changed).isGreaterThan(0.05);
    }

    @Test
    void render_shouldComposeEveryShotTypeDifferently() {
        // given
        BufferedImage[] frames = new BufferedImage[ShotType.values().length];

        // when
        for (ShotType type : ShotType.values()) {
            frames[type.ordinal()] = model.render(request(480, 270, AspectRatio.LANDSCAPE,
                    frame(type, CameraMovement.STATIC, "Same caption"), 5, dir.resolve("unused.png")));
        }

        // then
        for (int a = 0; a < frames.length; a++) {
            for (int b = a + 1; b < frames.length; b++) {
                assertThat(changedFraction(frames[a], frames[b]))
                        .as("%s vs %s", ShotType.values()[a], ShotType.values()[b])
                        .isGreaterThan(0.1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CameraMovement.class)
    void render_shouldMarkEveryCameraMovement_inPortraitAndSquare(CameraMovement movement) {
        // given
        FrameContext frame = frame(ShotType.CLOSE_UP, movement, "A smile breaks through");

        // when
        BufferedImage portrait = model.render(request(360, 640, AspectRatio.PORTRAIT, frame, 3, dir.resolve("p.png")));
        BufferedImage square = model.render(request(400, 400, AspectRatio.SQUARE, frame, 3, dir.resolve("s.png")));
        BufferedImage still = model.render(request(360, 640, AspectRatio.PORTRAIT,
                frame(ShotType.CLOSE_UP, movement == CameraMovement.STATIC ? CameraMovement.ORBIT : CameraMovement.STATIC,
                        "A smile breaks through"), 3, dir.resolve("q.png")));

        // then
        assertThat(square.getWidth()).isEqualTo(400);
        assertThat(changedFraction(portrait, still)).isGreaterThan(0.001);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "It's 5:00 — 100% effort, %{placeholder} and a back\\slash stay literal",
            "مرحبا بالعالم، هذا نص عربي طويل يلتف على عدة أسطر داخل اللوحة",
            "שלום עולם — English inside Hebrew, then numbers 123",
            "Emoji 😀🎬👟 and a lone surrogate \uD83D here, tabs\tand\u0000nulls",
            "Supercalifragilisticexpialidocious-without-any-spaces-at-all-and-then-some-more-characters-to-force-breaks",
            "line one\nline two\r\n\nline four after a blank line"})
    void generate_shouldDrawAwkwardText_withoutErrors(String caption) {
        // given
        ImageRequest request = request(1080, 1920, AspectRatio.PORTRAIT, frame(ShotType.WIDE, CameraMovement.PAN_LEFT,
                caption), 11, dir.resolve("awkward.png"));

        // when / then
        assertThatCode(() -> model.generate(request)).doesNotThrowAnyException();
        assertThat(dir.resolve("awkward.png")).isNotEmptyFile();
    }

    @Test
    void render_shouldDrawTheCaption_whenCaptionChanges() {
        // given
        FrameContext one = frame(ShotType.DETAIL, CameraMovement.TILT_UP, "The bottle turns slowly");
        FrameContext two = frame(ShotType.DETAIL, CameraMovement.TILT_UP, "A completely different line of text");

        // when
        BufferedImage a = model.render(request(800, 800, AspectRatio.SQUARE, one, 9, dir.resolve("a.png")));
        BufferedImage b = model.render(request(800, 800, AspectRatio.SQUARE, two, 9, dir.resolve("b.png")));

        // then
        assertThat(changedFraction(a, b)).isGreaterThan(0.002).isLessThan(0.2);
    }

    @Test
    void render_shouldKeepCaptionPanelInsideTheTitleSafeArea_whenTextIsVeryLong() {
        // given
        FrameContext frame = frame(ShotType.AERIAL, CameraMovement.STATIC, "word ".repeat(400));

        // when
        BufferedImage image = model.render(request(1920, 1080, AspectRatio.LANDSCAPE, frame, 4, dir.resolve("l.png")));
        BufferedImage empty = model.render(request(1920, 1080, AspectRatio.LANDSCAPE,
                frame(ShotType.AERIAL, CameraMovement.STATIC, "word"), 4, dir.resolve("e.png")));

        // then the bottom 5 % (outside title safe) is the same whatever the caption length
        BufferedImage bottomA = image.getSubimage(0, 1030, 1920, 50);
        BufferedImage bottomB = empty.getSubimage(0, 1030, 1920, 50);
        assertThat(changedFraction(bottomA, bottomB)).isZero();
        assertThat(changedFraction(image, empty)).isGreaterThan(0.01);
    }

    @ParameterizedTest
    @CsvSource({"64, 64", "64, 1024", "1024, 64"})
    void render_shouldPaintEveryShotAndMove_atExtremeSizes(int width, int height) {
        for (ShotType type : ShotType.values()) {
            for (CameraMovement movement : CameraMovement.values()) {
                // given
                ImageRequest request = request(width, height, AspectRatio.SQUARE,
                        frame(type, movement, "word ".repeat(60)), 2, dir.resolve("x.png"));

                // when
                BufferedImage image = model.render(request);

                // then
                assertThat(image.getWidth()).as("%s %s", type, movement).isEqualTo(width);
            }
        }
    }

    @Test
    void render_shouldWork_whenJavaRunsHeadless() {
        // given
        boolean headless = GraphicsEnvironment.isHeadless();

        // when
        BufferedImage image = model.render(request(320, 180, AspectRatio.LANDSCAPE,
                frame(ShotType.POV, CameraMovement.HANDHELD, "Through the windshield"), 1, dir.resolve("h.png")));

        // then
        assertThat(headless).isTrue();
        assertThat(image.getRGB(160, 90)).isNotEqualTo(image.getRGB(5, 5));
    }

    private static FrameContext frame(ShotType type, CameraMovement movement, String caption) {
        return new FrameContext("s03", 3, 8, type, movement, caption, "energetic", List.of(), "Stride");
    }

    private static ImageRequest request(int width, int height, AspectRatio aspect, FrameContext frame, long seed,
                                        Path output) {
        return new ImageRequest("a runner at dawn, cinematic", null, seed, width, height, aspect, List.of(), frame,
                output);
    }

    private static double changedFraction(BufferedImage a, BufferedImage b) {
        int changed = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    changed++;
                }
            }
        }
        return changed / (double) (a.getWidth() * a.getHeight());
    }
}
