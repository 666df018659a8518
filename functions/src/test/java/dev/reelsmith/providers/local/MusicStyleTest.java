package dev.reelsmith.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.providers.local.MusicRenderer.Part;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MusicStyleTest {

    @ParameterizedTest
    @CsvSource({
            "synthwave, synthwave", "Retrowave, synthwave", "synthpop, synthwave",
            "lo-fi hip hop, lofi", "Chillhop, lofi",
            "Hip-Hop, hip-hop", "boom bap, hip-hop", "trap, hip-hop",
            "deep house, edm", "EDM, edm", "techno, edm",
            "Cinematic, ambient", "ambient drone, ambient",
            "punk rock, rock", "heavy metal, rock",
            "pop, pop", "indie, pop", "polka, pop"})
    void forGenre_shouldPickTheStyleFamily_fromFreeText(String genre, String style) {
        assertThat(MusicStyle.forGenre(genre).name()).isEqualTo(style);
    }

    @Test
    void styles_shouldPutKicksOnBeatsWithAnAccentOnTheDownbeat() {
        for (MusicStyle style : MusicStyle.ALL) {
            String kick = style.kick();
            assertThat(kick.charAt(0)).as(style.name()).isEqualTo('X');
            assertThat(kick.charAt(8)).as(style.name()).isNotEqualTo('.');
            for (int step = 0; step < 16; step++) {
                if (kick.charAt(step) != '.' && kick.charAt(step) != 'o') {
                    assertThat(step % 4).as("%s kick on step %d", style.name(), step).isZero();
                }
            }
        }
    }

    @Test
    void styles_shouldPlayFourOnTheFloor_forEdmAndSynthwave() {
        assertThat(MusicStyle.EDM.kick()).isEqualTo("X...x...x...x...");
        assertThat(MusicStyle.SYNTHWAVE.kick()).isEqualTo("X...x...x...x...");
    }

    @Test
    void styles_shouldPlayKickOnOneAndThreeAndSnareOnTwoAndFour_forPopRockAndHipHop() {
        for (MusicStyle style : List.of(MusicStyle.POP, MusicStyle.ROCK, MusicStyle.HIP_HOP)) {
            assertThat(style.kick()).as(style.name()).isEqualTo("X.......x.......");
            assertThat(style.snare()).as(style.name()).isEqualTo("....X.......X...");
        }
    }

    @Test
    void minorFor_shouldFollowTheMood_andFallBackToTheStyle() {
        assertThat(MusicStyle.POP.minorFor("dark and tense")).isTrue();
        assertThat(MusicStyle.SYNTHWAVE.minorFor("hopeful")).isFalse();
        assertThat(MusicStyle.SYNTHWAVE.minorFor(null)).isTrue();
        assertThat(MusicStyle.POP.minorFor("quirky")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 12, 20, 32, 64, 150})
    void arrangement_shouldPlaySectionsInOrderOnPhraseBoundaries(int bars) {
        // when
        Part[] parts = MusicRenderer.arrangement(bars);

        // then
        List<Part> order = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (Part part : parts) {
            if (order.isEmpty() || order.get(order.size() - 1) != part) {
                order.add(part);
                lengths.add(0);
            }
            lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + 1);
        }
        assertThat(order).containsExactly(Part.INTRO, Part.MAIN, Part.BREAK, Part.LIFT, Part.OUTRO);
        if (bars >= 32) {
            assertThat(lengths.subList(0, 3)).allSatisfy(length -> assertThat(length % 4).isZero());
        }
    }

    @Test
    void arrangement_shouldStillHaveAnIntroAndOutro_whenBedIsShort() {
        assertThat(MusicRenderer.arrangement(1)).containsExactly(Part.MAIN);
        assertThat(MusicRenderer.arrangement(2)).containsExactly(Part.INTRO, Part.MAIN);
        assertThat(MusicRenderer.arrangement(4)).containsExactly(Part.INTRO, Part.MAIN, Part.MAIN, Part.OUTRO);
    }
}
