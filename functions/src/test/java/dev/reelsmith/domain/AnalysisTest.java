package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final List<Double> BEATS = List.of(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5);
    private static final List<Double> DOWNBEATS = List.of(0.5, 2.5, 4.5);
    private static final List<Section> SECTIONS = List.of(
            new Section(Section.Label.INTRO, 0, 2.5, 0.4),
            new Section(Section.Label.CHORUS, 2.5, 5, 1));

    private static Analysis analysis(double tempo, List<Double> beats, List<Double> downbeats, List<Section> sections) {
        return new Analysis(5, 22050, 2, -14.2, 5.1, -0.8, tempo, beats, downbeats, 4, sections);
    }

    @Test
    void json_shouldRoundTripWithStableFieldNames_whenAnalysisIsValid() throws Exception {
        // given
        Analysis analysis = analysis(120, BEATS, DOWNBEATS, SECTIONS);

        // when
        String json = Json.mapper().writeValueAsString(analysis);

        // then
        assertThat(Json.mapper().readTree(json).properties()).extracting(java.util.Map.Entry::getKey).containsExactly(
                "durationSeconds", "sampleRate", "channels", "integratedLoudnessLufs", "loudnessRangeLu",
                "truePeakDbtp", "tempoBpm", "beats", "downbeats", "beatsPerBar", "sections");
        assertThat(Json.mapper().readTree(json).get("sections").get(0).properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("label", "startSeconds", "endSeconds", "energy");
        assertThat(json).contains("\"label\" : \"intro\"");
        assertThat(Json.mapper().readValue(json, Analysis.class)).isEqualTo(analysis);
    }

    @Test
    void constructor_shouldAcceptNoPulse_whenTempoIsZeroWithoutBeats() {
        // when
        Analysis analysis = new Analysis(5, 22050, 1, Analysis.SILENCE_LUFS, 0, Analysis.SILENCE_DBTP, 0,
                List.of(), List.of(), 4, List.of(new Section(Section.Label.VERSE, 0, 5, 0)));

        // then
        assertThat(analysis.beatPeriodSeconds()).isZero();
        assertThat(analysis.nearestBeat(1)).isEmpty();
        assertThat(analysis.nearestDownbeat(1)).isEmpty();
        assertThat(analysis.beatsBetween(0, 5)).isEmpty();
    }

    @Test
    void nearestBeat_shouldPickTheCloserBeatAndTheEarlierOnATie_whenTimeFallsBetweenBeats() {
        // given
        Analysis analysis = analysis(120, BEATS, DOWNBEATS, SECTIONS);

        // when / then
        assertThat(analysis.nearestBeat(1.2)).isEqualTo(OptionalDouble.of(1.0));
        assertThat(analysis.nearestBeat(1.3)).isEqualTo(OptionalDouble.of(1.5));
        assertThat(analysis.nearestBeat(1.25)).isEqualTo(OptionalDouble.of(1.0));
        assertThat(analysis.nearestBeat(0)).isEqualTo(OptionalDouble.of(0.5));
        assertThat(analysis.nearestBeat(4.9)).isEqualTo(OptionalDouble.of(4.5));
        assertThat(analysis.nearestBeat(2.0)).isEqualTo(OptionalDouble.of(2.0));
    }

    @Test
    void nearestDownbeat_shouldSnapToBarStarts_whenTimeIsMidBar() {
        // given
        Analysis analysis = analysis(120, BEATS, DOWNBEATS, SECTIONS);

        // when / then
        assertThat(analysis.nearestDownbeat(1.4)).isEqualTo(OptionalDouble.of(0.5));
        assertThat(analysis.nearestDownbeat(1.6)).isEqualTo(OptionalDouble.of(2.5));
        assertThat(analysis.nearestDownbeat(4.0)).isEqualTo(OptionalDouble.of(4.5));
    }

    @Test
    void beatsBetween_shouldIncludeStartAndExcludeEnd_whenRangeCoversBeats() {
        // given
        Analysis analysis = analysis(120, BEATS, DOWNBEATS, SECTIONS);

        // when / then
        assertThat(analysis.beatsBetween(1.0, 2.5)).containsExactly(1.0, 1.5, 2.0);
        assertThat(analysis.beatsBetween(2.6, 2.9)).isEmpty();
        assertThat(analysis.beatsBetween(3, 1)).isEmpty();
        assertThat(analysis.downbeatsBetween(0, 5)).containsExactly(0.5, 2.5, 4.5);
        assertThat(analysis.beatPeriodSeconds()).isEqualTo(0.5);
    }

    @Test
    void sectionAt_shouldFindTheSectionPlaying_whenTimeIsInsideOrAtTheEnd() {
        // given
        Analysis analysis = analysis(120, BEATS, DOWNBEATS, SECTIONS);

        // when / then
        assertThat(analysis.sectionAt(2.4)).contains(SECTIONS.get(0));
        assertThat(analysis.sectionAt(2.5)).contains(SECTIONS.get(1));
        assertThat(analysis.sectionAt(5)).contains(SECTIONS.get(1));
        assertThat(analysis.sectionAt(5.1)).isEqualTo(Optional.empty());
    }

    @Test
    void constructor_shouldReject_whenDurationIsZero() {
        // when / then
        assertThatThrownBy(() -> new Analysis(0, 22050, 2, -14, 5, -1, 0, List.of(), List.of(), 4, SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("durationSeconds must be a finite number > 0, was 0.0");
    }

    @Test
    void constructor_shouldReject_whenTempoIsOutsideTheRange() {
        // when / then
        assertThatThrownBy(() -> analysis(20, BEATS, DOWNBEATS, SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("tempoBpm must be 0 (no pulse) or between 30 and 300, was 20.0");
    }

    @Test
    void constructor_shouldReject_whenLoudnessIsBelowTheAbsoluteGate() {
        // when / then
        assertThatThrownBy(() -> new Analysis(5, 22050, 2, -80, 5, -1, 120, BEATS, DOWNBEATS, 4, SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("integratedLoudnessLufs must be between -70 and 10, was -80.0");
    }

    @Test
    void constructor_shouldReject_whenTruePeakIsInfinite() {
        // when / then
        assertThatThrownBy(() -> new Analysis(5, 22050, 2, -14, 5, Double.NEGATIVE_INFINITY, 120, BEATS, DOWNBEATS,
                4, SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("truePeakDbtp must be between -150 and 30, was -Infinity");
    }

    @Test
    void constructor_shouldReject_whenBeatsAreNotAscending() {
        // when / then
        assertThatThrownBy(() -> analysis(120, List.of(0.5, 1.5, 1.0), List.of(), SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("beats must be strictly ascending, but beats[2] (1.0) follows 1.5")
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("beats[2]"));
    }

    @Test
    void constructor_shouldReject_whenABeatIsPastTheEnd() {
        // when / then
        assertThatThrownBy(() -> analysis(120, List.of(0.5, 5.5), List.of(), SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("beats[1] must be between 0 and durationSeconds (5.0), was 5.5");
    }

    @Test
    void constructor_shouldReject_whenADownbeatIsNotABeat() {
        // when / then
        assertThatThrownBy(() -> analysis(120, BEATS, List.of(0.5, 2.4), SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("downbeats[1] (2.4) must be one of the beats");
    }

    @Test
    void constructor_shouldReject_whenTempoIsZeroButThereAreBeats() {
        // when / then
        assertThatThrownBy(() -> analysis(0, BEATS, List.of(), SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("beats must be empty when tempoBpm is 0, had 9");
    }

    @Test
    void constructor_shouldReject_whenThereIsATempoButNoBeats() {
        // when / then
        assertThatThrownBy(() -> analysis(120, List.of(), List.of(), SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("beats must not be empty when tempoBpm is 120.0");
    }

    @Test
    void constructor_shouldReject_whenSectionsLeaveAGap() {
        // given
        List<Section> gap = List.of(new Section(Section.Label.INTRO, 0, 2, 0.4),
                new Section(Section.Label.VERSE, 2.5, 5, 1));

        // when / then
        assertThatThrownBy(() -> analysis(120, BEATS, DOWNBEATS, gap))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("sections must tile the song without gaps or overlaps, but sections[1] starts at 2.5 "
                        + "and sections[0] ends at 2.0");
    }

    @Test
    void constructor_shouldReject_whenSectionsStopBeforeTheEnd() {
        // given
        List<Section> short_ = List.of(new Section(Section.Label.VERSE, 0, 4, 1));

        // when / then
        assertThatThrownBy(() -> analysis(120, BEATS, DOWNBEATS, short_))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("sections must end at durationSeconds (5.0), but the last ends at 4.0");
    }

    @Test
    void constructor_shouldReject_whenSectionsDoNotStartAtZero() {
        // given
        List<Section> late = List.of(new Section(Section.Label.VERSE, 1, 5, 1));

        // when / then
        assertThatThrownBy(() -> analysis(120, BEATS, DOWNBEATS, late))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("sections must start at 0, but sections[0] starts at 1.0");
    }

    @Test
    void constructor_shouldReject_whenThereAreNoSections() {
        // when / then
        assertThatThrownBy(() -> analysis(120, BEATS, DOWNBEATS, List.of()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("sections must not be empty");
    }

    @Test
    void constructor_shouldReject_whenBeatsPerBarIsZero() {
        // when / then
        assertThatThrownBy(() -> new Analysis(5, 22050, 2, -14, 5, -1, 120, BEATS, DOWNBEATS, 0, SECTIONS))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("beatsPerBar must be between 1 and 16, was 0");
    }

    @Test
    void json_shouldBeRejected_whenSectionLabelIsUnknown() {
        // given
        String json = """
                {"label": "hook", "startSeconds": 0, "endSeconds": 5, "energy": 1}
                """;

        // when / then
        assertThatThrownBy(() -> Json.mapper().readValue(json, Section.class))
                .hasMessageContaining("section label must be one of intro, verse, chorus, bridge, outro, "
                        + "instrumental, was hook");
    }
}
