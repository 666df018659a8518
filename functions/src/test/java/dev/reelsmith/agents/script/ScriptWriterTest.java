package dev.reelsmith.agents.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.CannedTextModel;
import dev.reelsmith.agents.Fixtures;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.SongInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.VideoKind;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScriptWriterTest {
    private final LocalTextModel local = new LocalTextModel();

    private static Brief withDuration(Brief b, int seconds, List<String> messages) {
        return new Brief(b.kind(), b.title(), b.product(), messages, b.audience(), b.tone(), seconds, b.aspectRatios(),
                b.cta(), b.brand(), b.music(), b.budgetUsd(), b.reviewGates(), b.providerPreferences(), b.language(),
                b.deadlineMinutes());
    }

    @Test
    void write_shouldFollowTheAltBeatsAndFillFifteenSeconds_whenBriefIsTheSneakerAd() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");

        // when
        Script script = new ScriptWriter(local).write(input).value();

        // then
        assertThat(ScriptValidator.validate(script, input)).isEmpty();
        assertThat(script.totalDurationSeconds()).isCloseTo(15, within(0.5));
        assertThat(script.beats()).extracting(Beat::purpose).containsExactly(BeatPurpose.HOOK, BeatPurpose.PROBLEM,
                BeatPurpose.AGITATION, BeatPurpose.SOLUTION, BeatPurpose.PROOF, BeatPurpose.BENEFIT, BeatPurpose.CTA);
        assertThat(script.beats()).extracting(Beat::keyMessageIndex).contains(0, 1, 2);
        assertThat(script.beats()).allSatisfy(b -> assertThat(b.durationSeconds()).isGreaterThanOrEqualTo(1.5));
        assertThat(script.beats().get(script.beats().size() - 1).onScreenText()).isEqualTo("Run your first mile in Stride One");
        assertThat(script.beats().get(3).visualIntent()).contains("Stride One");
        // the brief's 128 bpm: every cut lands on the soundtrack's beat grid
        BeatGrid grid = BeatGrid.of(input);
        assertThat(script.beats().subList(1, script.beats().size()))
                .allSatisfy(b -> assertThat(grid.onBeat(b.startSeconds(), 0.001)).isTrue());
    }

    @Test
    void write_shouldAddAnOfferBeat_whenTheCallToActionMakesAnOffer() {
        // given
        PlanningInput input = Fixtures.briefInput("coffee-ad-30s");

        // when
        Script script = new ScriptWriter(local).write(input).value();

        // then
        assertThat(ScriptValidator.validate(script, input)).isEmpty();
        assertThat(script.beats()).extracting(Beat::purpose).containsExactly(BeatPurpose.HOOK, BeatPurpose.PROBLEM,
                BeatPurpose.AGITATION, BeatPurpose.SOLUTION, BeatPurpose.PROOF, BeatPurpose.BENEFIT, BeatPurpose.OFFER,
                BeatPurpose.CTA);
        assertThat(script.beats().get(6).onScreenText()).isEqualTo("20% off");
        assertThat(script.totalDurationSeconds()).isCloseTo(30, within(0.5));
    }

    @Test
    void write_shouldFitFourBeatsOfAtLeastMinimumLength_whenAdLastsSixSeconds() {
        // given
        Brief sneaker = Fixtures.brief("sneaker-ad");
        PlanningInput input = PlanningInput.ofBrief("six", withDuration(sneaker, 6, sneaker.keyMessages()));

        // when
        Script script = new ScriptWriter(local).write(input).value();

        // then
        assertThat(ScriptValidator.validate(script, input)).isEmpty();
        assertThat(script.beats()).hasSize(4);
        assertThat(script.beats()).extracting(Beat::purpose).startsWith(BeatPurpose.HOOK).endsWith(BeatPurpose.CTA);
        assertThat(script.beats()).allSatisfy(b -> assertThat(b.durationSeconds()).isGreaterThanOrEqualTo(1.5));
        assertThat(script.beats()).extracting(Beat::keyMessageIndex).contains(0, 1, 2);
        assertThat(script.totalDurationSeconds()).isCloseTo(6, within(0.5));
    }

    @Test
    void write_shouldAskClarifyingQuestionsWithoutCallingTheModel_whenBriefHasNoProduct() {
        // given: a model with no answers fails the test if it is asked anything
        PlanningInput input = Fixtures.briefInput("missing-product");

        // when
        AgentResult<Script> result = new ScriptWriter(new CannedTextModel()).write(input);

        // then
        assertThat(result.attempts()).isZero();
        assertThat(result.value().beats()).isEmpty();
        assertThat(result.value().clarifyingQuestions()).hasSize(3);
        assertThat(result.value().clarifyingQuestions().get(0)).contains("What product or service").contains("product.name");
        assertThat(result.value().clarifyingQuestions()).anySatisfy(q -> assertThat(q).startsWith("Who is the audience?"))
                .anySatisfy(q -> assertThat(q).contains("cta.text"));
    }

    @Test
    void write_shouldAskWhichMessagesMatter_whenEightKeyMessagesCannotFitSixSeconds() {
        // given
        Brief sneaker = Fixtures.brief("sneaker-ad");
        List<String> eight = IntStream.rangeClosed(1, 8).mapToObj(i -> "Message number " + i).toList();
        PlanningInput input = PlanningInput.ofBrief("crowded", withDuration(sneaker, 6, eight));

        // when
        Script script = new ScriptWriter(new CannedTextModel()).write(input).value();

        // then
        assertThat(script.clarifyingQuestions()).singleElement().asString()
                .contains("8 key messages in 6 seconds").contains("13.5 s").contains("run 14 seconds");
    }

    @Test
    void write_shouldAskToUnblockLocal_whenBudgetIsZeroButLocalIsBlocked() {
        // given
        Brief b = Fixtures.brief("sneaker-ad");
        Brief blocked = new Brief(b.kind(), b.title(), b.product(), b.keyMessages(), b.audience(), b.tone(),
                b.durationSeconds(), b.aspectRatios(), b.cta(), b.brand(), b.music(), BigDecimal.ZERO, b.reviewGates(),
                new ProviderPreferences(null, null, List.of("local"), null, null), b.language(), null);

        // when
        Script script = new ScriptWriter(new CannedTextModel()).write(PlanningInput.ofBrief("blocked", blocked)).value();

        // then
        assertThat(script.clarifyingQuestions()).singleElement().asString().contains("blocks local");
    }

    @Test
    void write_shouldAskForTheSong_whenAMusicVideoBriefComesWithoutOne() {
        // given
        Brief musicVideo = new Brief(VideoKind.MUSIC_VIDEO, "Clip", null, List.of(), null, "dreamy", 30, null, null,
                null, null, null, null, null, null, null);

        // when
        Script script = new ScriptWriter(new CannedTextModel()).write(PlanningInput.ofBrief("clip", musicVideo)).value();

        // then
        assertThat(script.clarifyingQuestions()).singleElement().asString().startsWith("Which song is this music video for?");
    }

    @Test
    void write_shouldMatchTheAudioExactlyWithCutsOnBeats_whenTheSongIsTenMinutesLong() {
        // given
        PlanningInput input = PlanningInput.ofSong("long", new SongInput(Fixtures.tenMinuteAnalysis(), null),
                BigDecimal.ZERO, null);
        BeatGrid grid = BeatGrid.of(input);

        // when
        Script script = new ScriptWriter(local).write(input).value();

        // then
        assertThat(ScriptValidator.validate(script, input)).isEmpty();
        assertThat(script.targetDurationSeconds()).isEqualTo(600);
        assertThat(script.totalDurationSeconds()).isCloseTo(600, within(1e-6));
        assertThat(script.beats()).hasSize(input.song().analysis().sections().size());
        assertThat(script.beats().subList(1, script.beats().size()))
                .allSatisfy(b -> assertThat(grid.onBeat(b.startSeconds(), Pacing.FRAME_SECONDS)).isTrue());
        assertThat(script.beats()).extracting(Beat::purpose).startsWith(BeatPurpose.INTRO, BeatPurpose.VERSE,
                BeatPurpose.CHORUS).endsWith(BeatPurpose.OUTRO).contains(BeatPurpose.INSTRUMENTAL, BeatPurpose.BRIDGE);
        assertThat(script.beats()).extracting(Beat::sectionLabel).contains("verse 1", "chorus 2", "outro");
        assertThat(script.beats()).allSatisfy(b -> assertThat(b.narration()).isNull());
    }

    @Test
    void write_shouldPutEachTimedLyricInItsSection_whenTheSidecarHasLrc() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);

        // when
        Script script = new ScriptWriter(local).write(input).value();

        // then
        assertThat(ScriptValidator.validate(script, input)).isEmpty();
        assertThat(script.totalDurationSeconds()).isCloseTo(44, within(1e-9));
        assertThat(script.beats().get(0).onScreenText()).isEqualTo("Neon Tide — Reelsmith Demo");
        assertThat(script.beats().get(0).lyricLine()).isNull();
        assertThat(script.beats().get(1).lyricLine()).startsWith("City lights come rolling in like waves / Chrome and rain")
                .doesNotContain("Ride the neon tide");
        assertThat(script.beats().get(2).purpose()).isEqualTo(BeatPurpose.CHORUS);
        assertThat(script.beats().get(2).lyricLine()).startsWith("Ride the neon tide / Hold on, don't let go tonight");
        assertThat(script.beats().get(2).emotion()).isEqualTo("euphoria");
        assertThat(script.beats().get(1).visualIntent()).startsWith("The driver cruises").contains("City lights come rolling in");
    }

    @Test
    void write_shouldRepairOnceAndAddUpTheCost_whenTheModelForgetsAKeyMessage() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");
        CannedTextModel model = new CannedTextModel()
                .then(request -> {
                    ObjectNode answer = (ObjectNode) local.generate(request).json();
                    for (JsonNode beat : answer.path("beats")) {
                        if (beat.path("keyMessageIndex").asInt(-1) == 1) {
                            ((ObjectNode) beat).remove("keyMessageIndex");
                        }
                    }
                    return answer;
                })
                .then(request -> local.generate(request).json());

        // when
        AgentResult<Script> result = new ScriptWriter(model).write(input);

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.usage().inputTokens()).isEqualTo(2000);
        assertThat(result.usage().costUsd()).isEqualByComparingTo("0.02");
        assertThat(model.requests().get(1).userPrompt())
                .contains("key message 1 (\"220 g: lighter than your excuses\") is not carried by any beat");
        assertThat(model.requests().get(1).context().has("previousAnswer")).isTrue();
        assertThat(ScriptValidator.validate(result.value(), input)).isEmpty();
    }

    @Test
    void write_shouldRejectWithTheProblems_whenTheModelTwiceMissesTheTarget() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");
        CannedTextModel model = new CannedTextModel().then(request -> stretched(request, 2.0))
                .then(request -> stretched(request, 3.0));

        // when / then
        assertThatThrownBy(() -> new ScriptWriter(model).write(input))
                .isInstanceOf(ScriptRejectedException.class)
                .satisfies(e -> {
                    ScriptRejectedException rejected = (ScriptRejectedException) e;
                    assertThat(rejected.problems()).anySatisfy(p -> assertThat(p)
                            .contains("the beats must add up to 15 s (within ±0.5 s), but add up to 18 s"));
                    assertThat(rejected.usage().inputTokens()).isEqualTo(2000);
                });
    }

    @Test
    void write_shouldSnapACutBackOntoTheBeat_whenTheModelDriftsByAFewMilliseconds() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);
        CannedTextModel model = new CannedTextModel().then(request -> {
            ObjectNode answer = (ObjectNode) local.generate(request).json();
            ObjectNode first = (ObjectNode) answer.path("beats").get(0);
            ObjectNode second = (ObjectNode) answer.path("beats").get(1);
            first.put("durationSeconds", first.path("durationSeconds").asDouble() + 0.04);
            second.put("startSeconds", second.path("startSeconds").asDouble() + 0.04);
            second.put("durationSeconds", second.path("durationSeconds").asDouble() - 0.04);
            return answer;
        });

        // when
        Script script = new ScriptWriter(model).write(input).value();

        // then
        assertThat(ScriptValidator.validate(script, input)).isEmpty();
        assertThat(BeatGrid.of(input).onBeat(script.beats().get(1).startSeconds(), 0.001)).isTrue();
    }

    @Test
    void validate_shouldFlagShortBeatsAndUnspeakableNarration_whenAScriptBreaksThem() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");
        Script script = new Script(VideoKind.AD, 15, List.of(
                new Beat(0, BeatPurpose.HOOK, 0, 1.0, "One two three four five six seven eight", null, null, "A shoe.",
                        "curiosity", 0, null),
                new Beat(1, BeatPurpose.SOLUTION, 1.0, 12.0, null, null, null, "The shoe.", "relief", 1, null),
                new Beat(2, BeatPurpose.CTA, 13.0, 2.0, null, "Buy", null, "End card.", "determination", 2, null)),
                List.of());

        // when
        List<String> problems = ScriptValidator.validate(script, input);

        // then
        assertThat(problems).containsExactly(
                "beat 0 (hook) lasts 1 s, shorter than the 1.5 s minimum shot",
                "beat 0 narration has 8 words, too many to speak in 1 s (at most 4); shorten it or move it to onScreenText");
    }

    private JsonNode stretched(StructuredRequest<?> request, double extra) {
        ObjectNode answer = (ObjectNode) local.generate(request).json();
        JsonNode beats = answer.path("beats");
        ObjectNode last = (ObjectNode) beats.get(beats.size() - 1);
        last.put("durationSeconds", last.path("durationSeconds").asDouble() + extra);
        return answer;
    }
}
