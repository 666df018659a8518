package dev.reelsmith.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryboardPaletteTest {

    @Test
    void forFrame_shouldUseWarmSaturatedColours_whenMoodIsEnergetic() {
        // given / when
        StoryboardPalette palette = StoryboardPalette.forFrame(List.of(), "Energetic and bold");

        // then
        float[] hsb = hsb(palette.skyBottom());
        assertThat(hue(hsb)).isBetween(0f, 60f);
        assertThat(hsb[1]).isGreaterThan(0.6f);
    }

    @Test
    void forFrame_shouldUseCoolColours_whenMoodIsCalm() {
        // given / when
        StoryboardPalette palette = StoryboardPalette.forFrame(List.of(), "calm");

        // then
        assertThat(hue(hsb(palette.skyTop()))).isBetween(180f, 240f);
    }

    @Test
    void forFrame_shouldUseDeepTones_whenMoodIsDark() {
        // given / when
        StoryboardPalette palette = StoryboardPalette.forFrame(List.of(), "dark");

        // then
        assertThat(StoryboardPalette.luminance(palette.skyTop())).isLessThan(0.02);
        assertThat(StoryboardPalette.luminance(palette.skyBottom())).isLessThan(0.1);
    }

    @Test
    void forFrame_shouldUseLightTones_whenMoodIsHopeful() {
        // given / when
        StoryboardPalette palette = StoryboardPalette.forFrame(List.of(), "hopeful");

        // then
        assertThat(StoryboardPalette.luminance(palette.skyBottom())).isGreaterThan(0.7);
    }

    @Test
    void forFrame_shouldDeriveTheSamePalette_whenMoodIsUnknownButRepeated() {
        // given / when
        StoryboardPalette first = StoryboardPalette.forFrame(List.of(), "Sehnsucht");
        StoryboardPalette second = StoryboardPalette.forFrame(List.of(), "sehnsucht");

        // then
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(StoryboardPalette.forFrame(List.of(), "Fernweh"));
    }

    @Test
    void forFrame_shouldTakeAccentFromMostSaturatedBrandColour_whenPaletteIsGiven() {
        // given
        List<String> brand = List.of("#111111", "#FF5A1F", "#F5F5F5");

        // when
        StoryboardPalette palette = StoryboardPalette.forFrame(brand, "calm");

        // then
        assertThat(hue(hsb(palette.accent()))).isCloseTo(hue(hsb(Color.decode("#FF5A1F"))), org.assertj.core.data.Offset.offset(2f));
    }

    @Test
    void forFrame_shouldKeepSilhouettesDarkerThanSky_whenBrandColoursAreAllDark() {
        // given
        List<String> brand = List.of("#101820", "#1B2A3A");

        // when
        StoryboardPalette palette = StoryboardPalette.forFrame(brand, null);

        // then
        assertThat(StoryboardPalette.luminance(palette.skyBottom()))
                .isGreaterThan(StoryboardPalette.luminance(palette.ink()) * 5);
    }

    private static float[] hsb(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
    }

    private static float hue(float[] hsb) {
        return hsb[0] * 360f;
    }
}
