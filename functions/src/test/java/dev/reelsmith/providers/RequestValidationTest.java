package dev.reelsmith.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidationTest {
    private static final FrameContext FRAME = new FrameContext("s01", 1, 4, ShotType.WIDE, CameraMovement.STATIC,
            "A runner at dawn", "energetic", List.of("#ff5a1f"), "Stride");

    @Test
    void frameContext_shouldNormalisePalette_whenHexIsLowerCase() {
        assertThat(FRAME.palette()).containsExactly("#FF5A1F");
    }

    @Test
    void frameContext_shouldTreatBlankMoodAndTitleAsAbsent() {
        // given / when
        FrameContext frame = new FrameContext("s01", 1, 1, ShotType.POV, CameraMovement.ORBIT, "", " ", List.of(), "");

        // then
        assertThat(frame.mood()).isNull();
        assertThat(frame.title()).isNull();
    }

    @Test
    void frameContext_shouldRejectMalformedColour_withExactMessage() {
        assertThatThrownBy(() -> new FrameContext("s01", 1, 4, ShotType.WIDE, CameraMovement.STATIC, "", null,
                List.of("#123456", "red"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("palette[1] must be a colour like #1A2B3C, was red");
    }

    @Test
    void frameContext_shouldRejectShotNumberBeyondTotal_withExactMessage() {
        assertThatThrownBy(() -> new FrameContext("s09", 9, 8, ShotType.WIDE, CameraMovement.STATIC, "", null,
                List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalShots must be between shotNumber (9) and 10000, was 8");
    }

    @Test
    void imageRequest_shouldRejectTinyWidth_withExactMessage() {
        assertThatThrownBy(() -> new ImageRequest("a runner", null, 1, 10, 1080, AspectRatio.SQUARE, List.of(), FRAME,
                Path.of("k.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be between 64 and 8192, was 10");
    }

    @Test
    void imageRequest_shouldRejectBlankPrompt_withExactMessage() {
        assertThatThrownBy(() -> new ImageRequest(" ", null, 1, 1080, 1080, AspectRatio.SQUARE, List.of(), FRAME,
                Path.of("k.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prompt must not be blank");
    }

    @Test
    void imageRequest_shouldCopyReferenceImages_soCallerChangesDoNotLeakIn() {
        // given
        List<Path> references = new ArrayList<>(List.of(Path.of("product.png")));
        ImageRequest request = new ImageRequest("a runner", "", 1, 1080, 1080, AspectRatio.SQUARE, references, FRAME,
                Path.of("k.png"));

        // when
        references.add(Path.of("other.png"));

        // then
        assertThat(request.referenceImages()).containsExactly(Path.of("product.png"));
        assertThat(request.negativePrompt()).isNull();
    }

    @Test
    void videoRequest_shouldRejectOddHeight_withExactMessage() {
        assertThatThrownBy(() -> new VideoRequest(Path.of("k.png"), null, "slow push", 5, AspectRatio.LANDSCAPE,
                1920, 1081, CameraMovement.PUSH_IN, 7, Path.of("c.mp4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("height must be even, was 1081");
    }

    @Test
    void videoRequest_shouldRejectZeroDuration_withExactMessage() {
        assertThatThrownBy(() -> new VideoRequest(Path.of("k.png"), null, "slow push", 0, AspectRatio.LANDSCAPE,
                1920, 1080, CameraMovement.PUSH_IN, 7, Path.of("c.mp4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durationSeconds must be more than 0 and at most 60, was 0");
    }

    @Test
    void videoJob_shouldRejectBlankJobId_withExactMessage() {
        assertThatThrownBy(() -> new VideoJob("runway", "gen4_turbo", "", Path.of("c.mp4"), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jobId must not be blank");
    }

    @Test
    void musicRequest_shouldAcceptMissingTempo_whenProviderPicksGenreDefault() {
        // given / when
        MusicRequest request = new MusicRequest("lofi", "", null, 30, 3, Path.of("bed.wav"));

        // then
        assertThat(request.tempoBpm()).isNull();
        assertThat(request.mood()).isNull();
    }

    @Test
    void musicRequest_shouldRejectTempoOutOfRange_withExactMessage() {
        assertThatThrownBy(() -> new MusicRequest("pop", null, 300, 30, 3, Path.of("bed.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tempoBpm must be between 40 and 240, was 300");
    }

    @Test
    void musicRequest_shouldRejectTooShortDuration_withExactMessage() {
        assertThatThrownBy(() -> new MusicRequest("pop", null, 120, 0.5, 3, Path.of("bed.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durationSeconds must be between 1 and 600, was 0.5");
    }

    @Test
    void musicRequest_shouldRejectBlankGenre_withExactMessage() {
        assertThatThrownBy(() -> new MusicRequest("", null, 120, 30, 3, Path.of("bed.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("genre must not be blank");
    }
}
