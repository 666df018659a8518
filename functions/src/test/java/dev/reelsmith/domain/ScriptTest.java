package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptTest {
    private static Beat beat(int index, BeatPurpose purpose, double start, double duration) {
        return new Beat(index, purpose, start, duration, "Narration " + index, null, null, "Runner at dawn",
                "anticipation", index == 1 ? 0 : null, null);
    }

    @Test
    void constructor_shouldAcceptContiguousBeats_whenEachStartsWhereThePreviousEnds() {
        // given
        List<Beat> beats = List.of(beat(0, BeatPurpose.HOOK, 0, 2.5), beat(1, BeatPurpose.PROBLEM, 2.5, 3.3333),
                beat(2, BeatPurpose.CTA, 5.8338, 9.1662));

        // when
        Script script = new Script(VideoKind.AD, 15, beats, null);

        // then within the 1 ms tolerance
        assertThat(script.totalDurationSeconds()).isCloseTo(14.9995, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(script.needsClarification()).isFalse();
        assertThat(script.clarifyingQuestions()).isEmpty();
    }

    @Test
    void constructor_shouldNameTheGap_whenBeatStartsLate() {
        // given
        List<Beat> beats = List.of(beat(0, BeatPurpose.HOOK, 0, 2.5), beat(1, BeatPurpose.PROBLEM, 2.6, 3));

        // when / then
        assertThatThrownBy(() -> new Script(VideoKind.AD, 15, beats, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("beats[1].startSeconds must be 2.5 (where beat 0 ends), was 2.6");
    }

    @Test
    void constructor_shouldRequireStartAtZero_whenFirstBeatStartsLater() {
        // given
        List<Beat> beats = List.of(beat(0, BeatPurpose.INTRO, 1, 4));

        // when / then
        assertThatThrownBy(() -> new Script(VideoKind.MUSIC_VIDEO, 30, beats, null))
                .hasMessage("beats[0].startSeconds must be 0.0 (the first beat starts the video), was 1.0");
    }

    @Test
    void constructor_shouldRequireOrderedIndexes_whenBeatsAreShuffled() {
        // given
        List<Beat> beats = List.of(beat(1, BeatPurpose.HOOK, 0, 2), beat(0, BeatPurpose.CTA, 2, 2));

        // when / then
        assertThatThrownBy(() -> new Script(VideoKind.AD, 4, beats, null)).hasMessage("beats[0].index must be 0, was 1");
    }

    @Test
    void constructor_shouldListAllowedPurposes_whenPurposeDoesNotSuitKind() {
        // given
        List<Beat> beats = List.of(beat(0, BeatPurpose.CHORUS, 0, 15));

        // when / then
        assertThatThrownBy(() -> new Script(VideoKind.AD, 15, beats, null))
                .hasMessage("beats[0].purpose must be one of hook, problem, agitation, solution, proof, benefit, offer, cta"
                        + " for kind ad, was chorus");
    }

    @Test
    void constructor_shouldAllowNoBeats_whenQuestionsAreAsked() {
        // given
        List<String> questions = List.of("Which product is on sale?", "Who is the audience?");

        // when
        Script script = new Script(VideoKind.AD, 20, List.of(), questions);

        // then
        assertThat(script.needsClarification()).isTrue();
        assertThat(script.totalDurationSeconds()).isZero();
    }

    @Test
    void constructor_shouldRequireBeats_whenNoQuestionsAreAsked() {
        // given / when / then
        assertThatThrownBy(() -> new Script(VideoKind.AD, 20, null, null))
                .hasMessage("beats must not be empty unless clarifyingQuestions are asked");
    }

    @Test
    void beat_shouldNameTheBeat_whenDurationIsZero() {
        // given / when / then
        assertThatThrownBy(() -> beat(3, BeatPurpose.HOOK, 0, 0))
                .hasMessage("beat 3: durationSeconds must be greater than 0 and at most 600, was 0.0");
        assertThatThrownBy(() -> new Beat(0, BeatPurpose.HOOK, 0, 1, null, null, null, " ", "joy", null, null))
                .hasMessage("beat 0: visualIntent must not be blank");
    }

    @Test
    void json_shouldRoundTripUnchanged_whenScriptHasBeatsAndQuestions() throws Exception {
        // given
        Script script = new Script(VideoKind.EXPLAINER, 6,
                List.of(beat(0, BeatPurpose.HOW_IT_WORKS, 0, 2), beat(1, BeatPurpose.SUMMARY, 2, 4)),
                List.of("Should prices be shown?"));

        // when
        String json = Json.mapper().writeValueAsString(script);
        Script parsed = Json.mapper().readValue(json, Script.class);

        // then
        assertThat(parsed).isEqualTo(script);
        assertThat(json).contains("\"purpose\" : \"how-it-works\"", "\"keyMessageIndex\" : 0")
                .doesNotContain("totalDurationSeconds", "needsClarification", "endSeconds");
    }
}
