package dev.reelsmith.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.agents.script.ScriptValidator;
import dev.reelsmith.agents.shots.ShotValidator;
import dev.reelsmith.agents.storyboard.Storyboard;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.PlanMode;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.QualityPriority;
import dev.reelsmith.media.analysis.AudioAnalyzer;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.local.SynthMusicModel;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreativePlannerTest {
    private final CreativePlanner planner = new CreativePlanner(new LocalTextModel(), ToolCatalog.builtIn(),
            Fixtures.CATALOG_DAY);

    private static PlanningOutcome.Planned assertValid(PlanningInput input, PlanningOutcome outcome) {
        assertThat(outcome).isInstanceOf(PlanningOutcome.Planned.class);
        PlanningOutcome.Planned planned = (PlanningOutcome.Planned) outcome;
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SCRIPT, Json.mapper().valueToTree(planned.script()))).isEmpty();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SHOTS, Json.mapper().valueToTree(planned.shots()))).isEmpty();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.PLAN, Json.mapper().valueToTree(planned.plan()))).isEmpty();
        assertThat(ScriptValidator.validate(planned.script(), input)).isEmpty();
        assertThat(ShotValidator.validate(planned.shots(), planned.script(), input)).isEmpty();
        assertThat(planned.plan().totalCostUsd()).isLessThanOrEqualTo(input.budgetUsd());
        assertThat(planned.plan().shots()).hasSameSizeAs(planned.shots().shots());
        return planned;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sneaker-ad", "coffee-ad-30s", "explainer"})
    void plan_shouldProduceValidArtifactsWithinBudget_whenGivenAnExampleBrief(String name) {
        // given
        PlanningInput input = Fixtures.briefInput(name);

        // when
        PlanningOutcome.Planned planned = assertValid(input, planner.plan(input));

        // then
        assertThat(planned.plan().mode()).isEqualTo(PlanMode.GENERATED);
        assertThat(planned.usage().costUsd()).isZero();
        String storyboard = Storyboard.markdown(input, planned.script(), planned.shots(), planned.plan());
        assertThat(storyboard).contains("## The story", "## Shot list", "## Cost estimate", "Call to action",
                input.brief().product().name());
    }

    @Test
    void plan_shouldCutTheDemoSongOnItsBeats_whenPlanningTheExampleMusicVideo() {
        // given
        PlanningInput input = Fixtures.demoSongInput(new BigDecimal("10.00"));

        // when
        PlanningOutcome.Planned planned = assertValid(input, planner.plan(input));

        // then
        BeatGrid grid = BeatGrid.of(input);
        assertThat(planned.shots().cutTimes()).allSatisfy(t -> assertThat(grid.onBeat(t, Pacing.FRAME_SECONDS)).isTrue());
        assertThat(planned.plan().otherCosts()).extracting(c -> c.item()).containsExactly("planning");
    }

    @Test
    void plan_shouldStopAtTheQuestions_whenTheBriefHasNoProduct() {
        // given
        PlanningInput input = Fixtures.briefInput("missing-product");

        // when
        PlanningOutcome outcome = planner.plan(input);

        // then
        assertThat(outcome).isInstanceOf(PlanningOutcome.NeedsAnswers.class);
        assertThat(((PlanningOutcome.NeedsAnswers) outcome).questions()).first().asString().contains("product");
        assertThat(Storyboard.questions(input, outcome.script())).contains("1. What product or service is this ad for?");
    }

    @Test
    void plan_shouldBeDeterministic_whenRunTwiceOffline() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");

        // when
        PlanningOutcome.Planned first = (PlanningOutcome.Planned) planner.plan(input);
        PlanningOutcome.Planned second = (PlanningOutcome.Planned) new CreativePlanner(new LocalTextModel(),
                ToolCatalog.builtIn(), Fixtures.CATALOG_DAY).plan(input);

        // then
        JsonNode a = Json.mapper().valueToTree(List.of(first.script(), first.shots(), first.plan()));
        JsonNode b = Json.mapper().valueToTree(List.of(second.script(), second.shots(), second.plan()));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void plan_shouldCutOnTheBeatsTheAnalyzerDetects_whenTheSongIsRealAudio(@TempDir Path dir) {
        // given: a synthesised 24 s track at 120 bpm, analysed like an upload
        Path song = dir.resolve("song.wav");
        SynthMusicModel synth = new SynthMusicModel();
        MusicJob job = synth.start(new MusicRequest("synthwave", "driving", 120, 24, 11, song));
        synth.poll(job);
        Analysis analysis = new AudioAnalyzer(Ffmpeg.locate()).analyze(song);
        PlanningInput input = PlanningInput.ofSong("song", new SongInput(analysis, null), BigDecimal.ZERO,
                new ProviderPreferences(null, null, null, QualityPriority.BALANCED, null));

        // when
        PlanningOutcome.Planned planned = assertValid(input, planner.plan(input));

        // then
        assertThat(planned.script().totalDurationSeconds()).isEqualTo(analysis.durationSeconds());
        assertThat(planned.shots().cutTimes()).isNotEmpty().allSatisfy(t -> assertThat(analysis.beats())
                .anySatisfy(beat -> assertThat(Math.abs(beat - t)).isLessThanOrEqualTo(Pacing.FRAME_SECONDS)));
        assertThat(planned.plan().mode()).isEqualTo(PlanMode.ANIMATIC);
    }
}
