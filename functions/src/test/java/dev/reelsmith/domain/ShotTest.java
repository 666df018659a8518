package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShotTest {
    private static final ContinuityAnchors ANCHORS = new ContinuityAnchors(1985, "volt-green running shoe",
            List.of("#C6FF00", "#111111"), List.of("high contrast", "35mm film"));

    private static Shot shot(String id, double duration, Transition transition) {
        return new Shot(id, 0, 0, 0, duration, ShotType.CLOSE_UP, CameraMovement.PUSH_IN, Lens.PORTRAIT_85,
                Lighting.GOLDEN_HOUR, "rule of thirds, shoe lower left", "A shoe hits wet asphalt at dawn",
                "close-up of a volt-green running shoe striking wet asphalt, golden hour, 85mm",
                "blurry, text, watermark", ANCHORS, null, transition);
    }

    @Test
    void constructor_shouldDefaultToCut_whenTransitionIsNull() {
        // given / when
        Shot shot = shot("s01", 2.5, null);

        // then
        assertThat(shot.transitionIn()).isEqualTo(Transition.CUT);
        assertThat(shot.endSeconds()).isEqualTo(2.5);
    }

    @Test
    void constructor_shouldNameTheShot_whenDurationIsNegative() {
        // given / when / then
        assertThatThrownBy(() -> shot("s07", -1, null))
                .hasMessage("shot s07: durationSeconds must be greater than 0 and at most 600, was -1.0");
    }

    @Test
    void constructor_shouldRejectId_whenItCouldEscapeAnObjectKey() {
        // given / when / then
        assertThatThrownBy(() -> shot("../s01", 1, null))
                .hasMessage("shot id must be 1-64 letters, digits, '_', '.' or '-', was ../s01");
    }

    @Test
    void continuityAnchors_shouldRejectSeed_whenNegative() {
        // given / when / then
        assertThatThrownBy(() -> new ContinuityAnchors(-1, null, null, null))
                .hasMessage("continuity.seed must be between 0 and 4294967295, was -1");
    }

    @Test
    void lens_shouldParseLabel_whenGivenFocalLength() {
        // given / when / then
        assertThat(Lens.fromLabel("35mm")).isEqualTo(Lens.WIDE_35);
        assertThat(Lens.fromLabel("100mm-macro").focalLengthMm()).isEqualTo(100);
        assertThatThrownBy(() -> Lens.fromLabel("36mm"))
                .hasMessage("lens must be one of 14mm, 24mm, 35mm, 50mm, 85mm, 100mm-macro, 135mm, 200mm, was 36mm");
    }

    @Test
    void json_shouldUseLabels_whenShotIsSerialised() throws Exception {
        // given
        Shot shot = shot("s02", 1.75, Transition.DIP_TO_BLACK);

        // when
        String json = Json.mapper().writeValueAsString(shot);
        Shot parsed = Json.mapper().readValue(json, Shot.class);

        // then
        assertThat(parsed).isEqualTo(shot);
        assertThat(json).contains("\"shotType\" : \"close-up\"", "\"cameraMovement\" : \"push-in\"",
                "\"lens\" : \"85mm\"", "\"lighting\" : \"golden-hour\"", "\"transitionIn\" : \"dip-to-black\"",
                "\"seed\" : 1985").doesNotContain("onScreenText", "endSeconds");
    }
}
