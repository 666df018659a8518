package dev.reelsmith.agents.shots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.CannedTextModel;
import dev.reelsmith.agents.Fixtures;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.SongInput;
import dev.reelsmith.agents.script.ScriptWriter;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.VideoKind;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotPlannerTest {
    private final LocalTextModel local = new LocalTextModel();

    private ShotList plan(PlanningInput input) {
        Script script = new ScriptWriter(local).write(input).value();
        ShotList shots = new ShotPlanner(local).plan(input, script).value();
        assertThat(ShotValidator.validate(shots, script, input)).isEmpty();
        return shots;
    }

    @Test
    void plan_shouldCutEveryShotOnADetectedBeat_whenTheVideoIsForTheDemoSong() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);
        BeatGrid grid = BeatGrid.of(input);

        // when
        ShotList shots = plan(input);

        // then
        assertThat(shots.durationSeconds()).isCloseTo(44, within(1e-9));
        assertThat(shots.cutTimes()).isNotEmpty()
                .allSatisfy(cut -> assertThat(grid.onBeat(cut, Pacing.FRAME_SECONDS)).as("cut at %s", cut).isTrue());
        // choruses cut every bar (2 s at 120 bpm), verses every two bars
        assertThat(shots.shotsOfBeat(2)).hasSize(4).allSatisfy(s -> assertThat(s.durationSeconds()).isCloseTo(2, within(0.05)));
        assertThat(shots.shotsOfBeat(1)).allSatisfy(s -> assertThat(s.durationSeconds()).isCloseTo(4, within(0.05)));
    }

    @Test
    void plan_shouldCarryTheSidecarStyleIntoEveryShot_whenTheSongHasOne() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);

        // when
        ShotList shots = plan(input);

        // then
        ContinuityAnchors anchors = shots.shots().get(0).continuity();
        assertThat(anchors.seed()).isEqualTo(1985);
        assertThat(anchors.palette()).containsExactly("#FF2E97", "#00E5FF", "#7B2CFF", "#0B0B1A", "#FFB86B");
        assertThat(anchors.styleKeywords()).contains("retro-futuristic", "VHS film grain");
        assertThat(anchors.subject()).startsWith("A driver in a silver bomber jacket");
        assertThat(shots.shots()).allSatisfy(s -> {
            assertThat(s.continuity()).isEqualTo(anchors);
            assertThat(s.keyframePrompt()).contains("A driver in a silver bomber jacket", "retro-futuristic", "hot pink");
        });
        assertThat(shots.shots().get(0).onScreenText()).isEqualTo("Neon Tide — Reelsmith Demo");
    }

    @Test
    void plan_shouldCutOnBeatsWithinShotLimits_whenTheSongIsTenMinutesLong() {
        // given
        PlanningInput input = PlanningInput.ofSong("long", new SongInput(Fixtures.tenMinuteAnalysis(), null),
                BigDecimal.ZERO, null);
        BeatGrid grid = BeatGrid.of(input);

        // when
        ShotList shots = plan(input);

        // then
        assertThat(shots.shots()).hasSizeGreaterThan(90);
        assertThat(shots.shots()).allSatisfy(s -> assertThat(s.durationSeconds()).isBetween(1.0, Pacing.MAX_SHOT_SECONDS));
        assertThat(shots.cutTimes()).allSatisfy(cut -> assertThat(grid.onBeat(cut, Pacing.FRAME_SECONDS)).isTrue());
        assertThat(shots.shots().get(shots.shots().size() - 1).endSeconds()).isCloseTo(600, within(1e-6));
        assertThat(shots.shots().get(0).id()).isEqualTo("s001");
    }

    @Test
    void plan_shouldVaryFramingAndCarryTheProductInEveryPrompt_whenTheBriefIsTheSneakerAd() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");

        // when
        ShotList shots = plan(input);

        // then
        assertThat(shots.aspectRatio().label()).isEqualTo("9:16");
        assertThat(shots.shots()).allSatisfy(s -> {
            assertThat(s.durationSeconds()).isGreaterThanOrEqualTo(Pacing.MIN_AD_SHOT_SECONDS);
            assertThat(s.keyframePrompt()).contains("Stride One", "volt-green engineered knit upper", "Vertical 9:16");
            assertThat(s.continuity().palette()).containsExactly("#C6FF00", "#111111", "#F5F5F0");
            assertThat(s.negativePrompt()).contains("watermark");
        });
        assertThat(shots.shots().stream().map(Shot::shotType).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(shots.shots().stream().map(Shot::cameraMovement).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(shots.shots().get(shots.shots().size() - 1).onScreenText()).isEqualTo("Run your first mile in Stride One");
    }

    @Test
    void plan_shouldSplitLongBeatsByTheTone_whenTheExplainerIsCalmAndTheAdIsFast() {
        // given
        Brief sneaker = Fixtures.brief("sneaker-ad");
        Brief longer = new Brief(sneaker.kind(), sneaker.title(), sneaker.product(), sneaker.keyMessages(),
                sneaker.audience(), sneaker.tone(), 40, sneaker.aspectRatios(), sneaker.cta(), sneaker.brand(), null,
                sneaker.budgetUsd(), sneaker.reviewGates(), sneaker.providerPreferences(), sneaker.language(), null);

        // when
        ShotList fast = plan(PlanningInput.ofBrief("long-sneaker", longer));

        // then: an energetic 40 s ad holds shots about 2.5 s, never below the minimum
        assertThat(fast.shots().size()).isGreaterThan(12);
        assertThat(fast.shots()).allSatisfy(s -> assertThat(s.durationSeconds()).isBetween(1.5, 4.0));
    }

    @Test
    void plan_shouldWriteMissingAnchorsIntoThePrompts_whenTheModelForgetsThem() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");
        Script script = new ScriptWriter(local).write(input).value();
        CannedTextModel model = new CannedTextModel().then(request -> {
            ObjectNode answer = (ObjectNode) local.generate(request).json();
            for (JsonNode shot : answer.path("shots")) {
                ((ObjectNode) shot).put("keyframePrompt", "A shoe on a wet road at dawn.");
                ((ObjectNode) shot.path("continuity")).put("seed", 7);
            }
            return answer;
        });

        // when
        ShotList shots = new ShotPlanner(model).plan(input, script).value();

        // then
        assertThat(ShotValidator.validate(shots, script, input)).isEmpty();
        assertThat(shots.shots()).allSatisfy(s -> {
            assertThat(s.keyframePrompt()).startsWith("A shoe on a wet road at dawn. Subject: Stride One:");
            assertThat(s.continuity().seed()).isEqualTo(Anchors.suggest(input).seed());
        });
    }

    @Test
    void plan_shouldRejectWithTheOffBeatCuts_whenTheModelTwiceIgnoresTheSlots() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);
        Script script = new ScriptWriter(local).write(input).value();
        CannedTextModel model = new CannedTextModel().then(request -> offBeat(request)).then(request -> offBeat(request));

        // when / then
        assertThatThrownBy(() -> new ShotPlanner(model).plan(input, script))
                .isInstanceOf(ShotListRejectedException.class)
                .satisfies(e -> assertThat(((ShotListRejectedException) e).problems())
                        .anySatisfy(p -> assertThat(p).contains("more than a frame from any detected beat")));
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void plan_shouldRefuse_whenTheScriptOnlyAsksQuestions() {
        // given
        PlanningInput input = Fixtures.briefInput("missing-product");
        Script questions = new Script(VideoKind.AD, 20, List.of(), List.of("What is the product?"));

        // when / then
        assertThatThrownBy(() -> new ShotPlanner(local).plan(input, questions))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clarifying questions");
    }

    /** The offline answer with the second cut moved 0.3 s off the beat. */
    private JsonNode offBeat(StructuredRequest<?> request) {
        ObjectNode answer = (ObjectNode) local.generate(request).json();
        ObjectNode first = (ObjectNode) answer.path("shots").get(1);
        ObjectNode second = (ObjectNode) answer.path("shots").get(2);
        first.put("durationSeconds", first.path("durationSeconds").asDouble() + 0.3);
        second.put("startSeconds", second.path("startSeconds").asDouble() + 0.3);
        second.put("durationSeconds", second.path("durationSeconds").asDouble() - 0.3);
        return answer;
    }
}
