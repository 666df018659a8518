package dev.reelsmith.media.edit;

import static dev.reelsmith.media.edit.EditFixtures.ad;
import static dev.reelsmith.media.edit.EditFixtures.adScript;
import static dev.reelsmith.media.edit.EditFixtures.brief;
import static dev.reelsmith.media.edit.EditFixtures.replace;
import static dev.reelsmith.media.edit.EditFixtures.shotList;
import static dev.reelsmith.media.edit.EditFixtures.stills;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.AudioTrack;
import dev.reelsmith.domain.BrandKit;
import dev.reelsmith.domain.CallToAction;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.OverlayPosition;
import dev.reelsmith.domain.OverlayRole;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotSource;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineAssemblerTest {
    private static final double FRAME = 1 / 30.0;
    private static final double[] BEATS = {0, 3, 6, 9, 12};
    private static final double[] CUTS = {0, 2, 3.5, 6, 9, 12};
    private static final CallToAction CTA = new CallToAction("Shop Stride One", "https://example.com/stride");

    private final TimelineAssembler assembler = new TimelineAssembler();

    private static PlanningInput twelveSecondAd() {
        return ad(brief(12, "Stride One", CTA, null));
    }

    private static Script script(String... onScreen) {
        return adScript(12, BEATS, onScreen);
    }

    private static ShotList shots(Script script, Transition... transitions) {
        return shotList(script, AspectRatio.PORTRAIT, CUTS, transitions);
    }

    private static EditInput input(PlanningInput planning, Script script, ShotList list, List<ShotMedia> media,
                                   List<String> review) {
        return new EditInput(planning, script, list, null, media, review, Soundtrack.none(), 30);
    }

    private static List<Double> starts(Timeline t) {
        return t.shots().stream().map(TimelineShot::startSeconds).toList();
    }

    private static List<String> ids(Timeline t) {
        return t.shots().stream().map(TimelineShot::id).toList();
    }

    @Test
    void assemble_shouldKeepEveryCutTime_whenTheReviewReordersTheShots() {
        // given
        Script script = script();
        ShotList list = shots(script);

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, stills(list),
                List.of("s03", "s01", "s05", "s02", "s04")));

        // then
        assertThat(ids(timeline)).containsExactly("s03", "s01", "s05", "s02", "s04");
        assertThat(starts(timeline)).containsExactly(0.0, 2.0, 3.5, 6.0, 9.0);
        assertThat(timeline.shots()).extracting(s -> s.source().image())
                .containsExactly("/media/s03.png", "/media/s01.png", "/media/s05.png", "/media/s02.png", "/media/s04.png");
        assertThat(timeline.durationSeconds()).isEqualTo(12.0);
    }

    @Test
    void assemble_shouldKeepThePlanOrder_whenThereIsNoReview() {
        // given
        Script script = script();
        ShotList list = shots(script);

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, stills(list), List.of()));

        // then
        assertThat(ids(timeline)).containsExactly("s01", "s02", "s03", "s04", "s05");
        assertThat(timeline.shots()).extracting(TimelineShot::durationSeconds)
                .containsExactly(2.0, 1.5, 2.5, 3.0, 3.0);
    }

    @Test
    void assemble_shouldMergeAFailedShotsSlotIntoThePreviousSlot_whenGenerationFailed() {
        // given s03 (3.5-6 s) failed
        Script script = script();
        ShotList list = shots(script);
        List<ShotMedia> media = replace(stills(list), ShotMedia.failed("s03"));

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, media, List.of()));

        // then s02 holds until the next original cut and the length is unchanged
        assertThat(ids(timeline)).containsExactly("s01", "s02", "s04", "s05");
        assertThat(starts(timeline)).containsExactly(0.0, 2.0, 6.0, 9.0);
        assertThat(timeline.shots().get(1).durationSeconds()).isEqualTo(4.0);
        assertThat(timeline.durationSeconds()).isEqualTo(12.0);
    }

    @Test
    void assemble_shouldMergeTheFirstSlotIntoTheNext_whenTheFirstShotFailed() {
        // given
        Script script = script();
        ShotList list = shots(script);
        List<ShotMedia> media = replace(replace(stills(list), ShotMedia.failed("s01")), ShotMedia.rejected("s02", "/media/s02.png"));

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, media, List.of()));

        // then
        assertThat(ids(timeline)).containsExactly("s03", "s04", "s05");
        assertThat(starts(timeline)).containsExactly(0.0, 6.0, 9.0);
        assertThat(timeline.shots().get(0).transitionIn()).isEqualTo(Transition.CUT);
    }

    @Test
    void assemble_shouldFillTheMergedSlotsInTheApprovedOrder_whenAShotIsLeftOutOfTheReview() {
        // given the reviewer approved four shots in a new order and left s04 (6-9 s) out
        Script script = script();
        ShotList list = shots(script);

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, stills(list),
                List.of("s05", "s02", "s01", "s03")));

        // then s04's slot went to the slot before it; the remaining cuts are original ones
        assertThat(ids(timeline)).containsExactly("s05", "s02", "s01", "s03");
        assertThat(starts(timeline)).containsExactly(0.0, 2.0, 3.5, 9.0);
        assertThat(timeline.shots().get(3).endSeconds()).isEqualTo(12.0);
    }

    @Test
    void assemble_shouldThrowNoUsableShots_whenEveryShotFailedOrWasRejected() {
        // given
        Script script = script();
        ShotList list = shots(script);
        List<ShotMedia> media = list.shots().stream()
                .map(s -> s.index() % 2 == 0 ? ShotMedia.failed(s.id()) : ShotMedia.rejected(s.id(), null)).toList();

        // when / then
        assertThatThrownBy(() -> assembler.assemble(input(twelveSecondAd(), script, list, media, List.of())))
                .isInstanceOf(NoUsableShotsException.class)
                .hasMessage("no usable shot to compose: 3 failed (s01, s03, s05), 2 rejected or not approved (s02, s04)")
                .satisfies(e -> assertThat(((NoUsableShotsException) e).failed()).containsExactly("s01", "s03", "s05"));
    }

    @Test
    void assemble_shouldThrowNoUsableShots_whenTheApprovedShotsAllFailed() {
        // given
        Script script = script();
        ShotList list = shots(script);
        List<ShotMedia> media = replace(stills(list), ShotMedia.failed("s02"));

        // when / then
        assertThatThrownBy(() -> assembler.assemble(input(twelveSecondAd(), script, list, media, List.of("s02"))))
                .isInstanceOf(NoUsableShotsException.class)
                .hasMessageContaining("1 failed (s02)");
    }

    @Test
    void assemble_shouldLastExactlyTheBriefsTarget_whenTheScriptsBeatsFallShortWithinTolerance() {
        // given a 15 s brief whose beats (and so shots) add up to 14.6 s
        PlanningInput planning = ad(brief(15, "Stride One", CTA, null));
        double[] beats = {0, 4, 8, 11, 14.6};
        Script script = adScript(15, beats);
        ShotList list = shotList(script, AspectRatio.PORTRAIT, new double[] {0, 4, 8, 11, 14.6});

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, stills(list), List.of()));

        // then the last shot takes up the difference; no cut moves
        assertThat(timeline.durationSeconds()).isEqualTo(15.0);
        assertThat(starts(timeline)).containsExactly(0.0, 4.0, 8.0, 11.0);
        assertThat(timeline.shots().get(3).durationSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(Math.round(timeline.durationSeconds() * 30)).isEqualTo(450);
    }

    @Test
    void assemble_shouldRefuse_whenTheShotListMissesTheBriefsTargetByMoreThanTheTolerance() {
        // given
        PlanningInput planning = ad(brief(15, "Stride One", CTA, null));
        Script script = adScript(15, new double[] {0, 6, 12});
        ShotList list = shotList(script, AspectRatio.PORTRAIT, new double[] {0, 6, 12});

        // when / then
        assertThatThrownBy(() -> assembler.assemble(input(planning, script, list, stills(list), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shot list lasts 12.000 s but the brief's target lasts 15.000 s; they may differ by at most 0.5 s");
    }

    @Test
    void assemble_shouldClampCrossfadesToAThirdOfTheShorterSlot_andStartWithACut() {
        // given crossfades everywhere, including on the first shot, and a 0.9 s slot
        PlanningInput planning = twelveSecondAd();
        Script script = script();
        ShotList list = shotList(script, AspectRatio.PORTRAIT, new double[] {0, 2, 2.9, 6, 9, 12},
                Transition.CROSSFADE, Transition.CROSSFADE, Transition.DIP_TO_BLACK, Transition.CROSSFADE,
                Transition.CROSSFADE);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, stills(list), List.of()));

        // then
        List<TimelineShot> s = timeline.shots();
        assertThat(s.get(0).transitionIn()).isEqualTo(Transition.CUT);
        assertThat(s.get(0).transitionSeconds()).isZero();
        // 0.9 s slot: a third is 0.3 s = 9 frames, down to an even 8
        assertThat(s.get(1).transitionSeconds()).isCloseTo(8 * FRAME, within(1e-9));
        assertThat(s.get(2).transitionIn()).isEqualTo(Transition.DIP_TO_BLACK);
        assertThat(s.get(2).transitionSeconds()).isCloseTo(8 * FRAME, within(1e-9));
        // 0.5 s is 15 frames; centred on the cut it needs an even count, as the renderer rounds it: 16
        assertThat(s.get(3).transitionSeconds()).isCloseTo(16 * FRAME, within(1e-9));
        assertThat(s.get(4).transitionSeconds()).isCloseTo(16 * FRAME, within(1e-9));
        for (int i = 1; i < s.size(); i++) {
            double shorter = Math.min(s.get(i - 1).durationSeconds(), s.get(i).durationSeconds());
            assertThat(s.get(i).transitionSeconds()).isLessThanOrEqualTo(shorter / 3 + 1e-9);
            assertThat(Math.round(s.get(i).transitionSeconds() * 30) % 2).isZero();
        }
    }

    @Test
    void assemble_shouldCutInstead_whenASlotIsTooShortForATwoFrameTransition() {
        // given a 0.15 s slot between crossfades
        Script script = script();
        ShotList list = shotList(script, AspectRatio.PORTRAIT, new double[] {0, 2, 2.15, 6, 9, 12},
                Transition.CUT, Transition.CROSSFADE, Transition.CROSSFADE);

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, stills(list), List.of()));

        // then
        assertThat(timeline.shots().get(1).transitionIn()).isEqualTo(Transition.CUT);
        assertThat(timeline.shots().get(2).transitionIn()).isEqualTo(Transition.CUT);
        assertThat(timeline.shots().get(2).transitionSeconds()).isZero();
    }

    @Test
    void assemble_shouldShowTitleCaptionsAndTheCallToAction_insideTheDurationWithoutClashing() {
        // given on-screen text on every beat, the last one repeating the call to action
        Script script = script("Every mile starts here", "Heavy shoes, heavy legs", "Neon knit. Zero weight.",
                "Shop Stride One");
        ShotList list = shots(script);

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, stills(list), List.of()));

        // then
        List<TextOverlay> overlays = timeline.overlays();
        assertThat(overlays).extracting(TextOverlay::text).containsExactly("Stride One", "Every mile starts here",
                "Heavy shoes, heavy legs", "Neon knit. Zero weight.", "Shop Stride One\nhttps://example.com/stride");
        TextOverlay title = overlays.get(0);
        assertThat(title.role()).isEqualTo(OverlayRole.TITLE);
        assertThat(title.position()).isEqualTo(OverlayPosition.CENTER);
        assertThat(title.startSeconds()).isZero();
        assertThat(title.endSeconds()).isEqualTo(2.0);
        assertThat(overlays.get(2).role()).isEqualTo(OverlayRole.CAPTION);
        assertThat(overlays.get(2).position()).isEqualTo(OverlayPosition.LOWER_THIRD);
        assertThat(overlays.get(2).startSeconds()).isEqualTo(3.0);
        assertThat(overlays.get(2).endSeconds()).isEqualTo(6.0);
        TextOverlay cta = overlays.get(4);
        assertThat(cta.role()).isEqualTo(OverlayRole.CTA);
        assertThat(cta.startSeconds()).as("starts on the cut 3 s before the end").isEqualTo(9.0);
        assertThat(cta.endSeconds()).isEqualTo(12.0);
        assertThat(overlays).allSatisfy(o -> {
            assertThat(o.endSeconds()).isLessThanOrEqualTo(timeline.durationSeconds());
            assertThat(o.fadeSeconds()).isEqualTo(0.25);
        });
        assertNoClashes(overlays);
    }

    @Test
    void assemble_shouldTrimACaptionThatRunsIntoTheCallToAction_whenTheLastBeatIsLong() {
        // given a last beat from 6 to 12 s with its own text, and no cut in the last 3 to 2.5 s
        Script script = adScript(12, new double[] {0, 6, 12}, "Every mile starts here", "Built for the first mile");
        ShotList list = shotList(script, AspectRatio.PORTRAIT, new double[] {0, 3, 6, 8, 10.5, 12});

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, stills(list), List.of()));

        // then
        TextOverlay caption = timeline.overlays().stream().filter(o -> o.text().equals("Built for the first mile"))
                .findFirst().orElseThrow();
        TextOverlay cta = timeline.overlays().stream().filter(o -> o.role() == OverlayRole.CTA).findFirst().orElseThrow();
        assertThat(cta.startSeconds()).isEqualTo(9.0);
        assertThat(caption.startSeconds()).isEqualTo(6.0);
        assertThat(caption.endSeconds()).isEqualTo(9.0);
        assertNoClashes(timeline.overlays());
    }

    @Test
    void assemble_shouldPaintTheCallToActionInTheBrandsColours_whenTheBrandKitHasThem() {
        // given a light primary colour, which needs dark text on the button
        PlanningInput light = ad(brief(12, "Stride One", CTA, new BrandKit(List.of("#FFD400", "#111827"), null, null)));
        PlanningInput dark = ad(brief(12, "Stride One", CTA, new BrandKit(List.of("#1E3A8A"), null, null)));
        Script script = script();
        ShotList list = shots(script);

        // when
        Timeline onLight = assembler.assemble(input(light, script, list, stills(list), List.of()));
        Timeline onDark = assembler.assemble(input(dark, script, list, stills(list), List.of()));

        // then
        TextOverlay lightCta = onLight.overlays().get(onLight.overlays().size() - 1);
        assertThat(lightCta.accentColor()).isEqualTo("#FFD400");
        assertThat(lightCta.color()).isEqualTo("#111111");
        assertThat(onLight.overlays().get(0).color()).as("a light title reads over its outline").isEqualTo("#FFD400");
        TextOverlay darkCta = onDark.overlays().get(onDark.overlays().size() - 1);
        assertThat(darkCta.accentColor()).isEqualTo("#1E3A8A");
        assertThat(darkCta.color()).as("white on a dark button").isNull();
        assertThat(onDark.overlays().get(0).color()).as("dark navy would vanish into the outline").isNull();
    }

    @Test
    void assemble_shouldPassHostileTextThroughVerbatim_whenTitlesCaptionsAndCtaHoldIt() {
        // given
        String title = "It's \"50%\" off: %{pts} \\N";
        String caption = "C:\\path ; [x] -> 'now' \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \uD83C\uDFAC";
        String ctaText = "Buy: %{n} \\ \"now\" \u202Eevil\u202C \uD83D\uDC5F";
        PlanningInput planning = ad(brief(12, title, new CallToAction(ctaText, null), null));
        Script script = script(null, caption);
        ShotList list = shots(script);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, stills(list), List.of()));

        // then
        assertThat(timeline.overlays()).extracting(TextOverlay::text).containsExactly(title, caption, ctaText);
    }

    @Test
    void assemble_shouldUseAClip_whenItCoversItsSlot_elseTheStillWithKenBurnsMotion() {
        // given s01 (2 s) has a 5 s clip, s02 (1.5 s) a 1.2 s clip, s03 a clip of unknown length
        Script script = script();
        ShotList list = EditFixtures.withMove(shots(script, Transition.CUT, Transition.CUT, Transition.CROSSFADE),
                "s04", CameraMovement.PAN_LEFT);
        List<ShotMedia> media = replace(replace(replace(replace(stills(list),
                ShotMedia.clip("s01", "/media/s01.png", "/media/s01.mp4", 5.0)),
                ShotMedia.clip("s02", "/media/s02.png", "/media/s02.mp4", 1.2)),
                ShotMedia.clip("s03", "/media/s03.png", "/media/s03.mp4", null)),
                ShotMedia.clip("s04", "/media/s04.png", "/media/s04.mp4", 2.0));

        // when
        Timeline timeline = assembler.assemble(input(twelveSecondAd(), script, list, media, List.of()));

        // then
        List<TimelineShot> s = timeline.shots();
        assertThat(s.get(0).source()).isEqualTo(ShotSource.ofVideo("/media/s01.mp4"));
        assertThat(s.get(1).source()).isEqualTo(ShotSource.ofImage("/media/s02.png"));
        assertThat(s.get(1).motion()).as("a static still gets a push-in").isEqualTo(CameraMovement.PUSH_IN);
        assertThat(s.get(2).source()).isEqualTo(ShotSource.ofVideo("/media/s03.mp4"));
        assertThat(s.get(3).source()).as("2 s cannot fill 3 s").isEqualTo(ShotSource.ofImage("/media/s04.png"));
        assertThat(s.get(3).motion()).as("the planned move is kept").isEqualTo(CameraMovement.PAN_LEFT);
        assertThat(s.get(4).source()).isEqualTo(ShotSource.ofImage("/media/s05.png"));
        assertThat(s.get(4).motion()).as("a planned still keeps its planned movement").isEqualTo(CameraMovement.STATIC);
    }

    @Test
    void assemble_shouldCountTheCrossfadeOverlap_whenJudgingWhetherAClipCoversItsSlot() {
        // given s02 (2-3.5 s, 45 frames) arrives and leaves by 16-frame crossfades: it must supply 8 + 45 + 8 frames
        Script script = script();
        ShotList list = shots(script, Transition.CUT, Transition.CROSSFADE, Transition.CROSSFADE);
        List<ShotMedia> shortClip = replace(stills(list), ShotMedia.clip("s02", "/media/s02.png", "/media/s02.mp4", 1.9));
        List<ShotMedia> enough = replace(stills(list), ShotMedia.clip("s02", "/media/s02.png", "/media/s02.mp4", 2.0));

        // when
        Timeline tooShort = assembler.assemble(input(twelveSecondAd(), script, list, shortClip, List.of()));
        Timeline longEnough = assembler.assemble(input(twelveSecondAd(), script, list, enough, List.of()));

        // then 1.9 s (57 frames) falls short; 2.0 s (60 frames) is within the one frame the renderer holds
        assertThat(tooShort.shots().get(1).source().image()).isEqualTo("/media/s02.png");
        assertThat(longEnough.shots().get(1).source().video()).isEqualTo("/media/s02.mp4");
    }

    @Test
    void assemble_shouldEaseTheMusicBedInAndOut_andFadeThePictureOutOverHalfASecond() {
        // given
        Script script = script();
        ShotList list = shots(script);
        EditInput input = new EditInput(twelveSecondAd(), script, list, null, stills(list), List.of(),
                Soundtrack.musicBed("/media/bed.wav"), null);

        // when
        Timeline timeline = assembler.assemble(input);

        // then
        assertThat(timeline.audio()).isEqualTo(new AudioTrack("/media/bed.wav", 0.0, 0.5, 1.5, null, null));
        assertThat(timeline.audio().targetLufs()).isEqualTo(-14.0);
        assertThat(timeline.fadeInSeconds()).isZero();
        assertThat(timeline.fadeOutSeconds()).isEqualTo(0.5);
        assertThat(timeline.fps()).isEqualTo(30);
        assertThat(timeline.aspect()).isEqualTo(AspectRatio.PORTRAIT);
    }

    @Test
    void assemble_shouldLeaveTheAudioSilent_whenThereIsNoSoundtrack() {
        // given
        Script script = script();
        ShotList list = shots(script);

        // when
        Timeline timeline = assembler.assemble(EditInput.of(twelveSecondAd(), script, list, stills(list), Soundtrack.none()));

        // then
        assertThat(timeline.audio()).isNull();
        assertThat(timeline.fps()).isEqualTo(30);
    }

    @Test
    void assemble_shouldTakeThePosterFromTheMiddleOfTheFirstHeroShot_elseAThirdIn() {
        // given s04 (6-9 s) and s05 are hero shots; the review moved s05 first
        Script script = script();
        ShotList list = shots(script);
        EditInput withHero = new EditInput(twelveSecondAd(), script, list, EditFixtures.plan(list, "s04", "s05"),
                stills(list), List.of("s01", "s02", "s05", "s03", "s04"), Soundtrack.none(), 30);
        EditInput withoutHero = new EditInput(twelveSecondAd(), script, list, EditFixtures.plan(list), stills(list),
                List.of(), Soundtrack.none(), 30);

        // when
        Timeline hero = assembler.assemble(withHero);
        Timeline none = assembler.assemble(withoutHero);

        // then s05 now fills 3.5-6 s
        assertThat(hero.posterSeconds()).isEqualTo(4.75);
        assertThat(none.posterSeconds()).isEqualTo(4.0);
    }

    @Test
    void assemble_shouldHonourTheFrameRate_whenAskedFor25Fps() {
        // given
        Script script = script();
        ShotList list = shots(script, Transition.CUT, Transition.CROSSFADE);
        EditInput input = new EditInput(twelveSecondAd(), script, list, null, stills(list), List.of(),
                Soundtrack.none(), 25);

        // when
        Timeline timeline = assembler.assemble(input);

        // then
        assertThat(timeline.fps()).isEqualTo(25);
        assertThat(timeline.shots().get(1).transitionSeconds() * 25).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void editInput_shouldRefuseMediaThatMissesAShot_andASongForABrief() {
        // given
        Script script = script();
        ShotList list = shots(script);
        List<ShotMedia> four = stills(list).subList(0, 4);

        // when / then
        assertThatThrownBy(() -> input(twelveSecondAd(), script, list, four, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("media must have one entry per planned shot, missing s05");
        assertThatThrownBy(() -> new EditInput(twelveSecondAd(), script, list, null, stills(list), List.of("s01", "s01"),
                Soundtrack.none(), 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reviewOrder lists shot s01 twice");
        assertThatThrownBy(() -> new EditInput(twelveSecondAd(), script, list, null, stills(list), List.of(),
                Soundtrack.song("/media/song.mp3"), 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a run from a brief has no song: soundtrack must be a music bed or none");
        assertThatThrownBy(() -> new ShotMedia("s01", MediaStatus.USABLE, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shot s01: a usable shot needs an imagePath or a clipPath");
    }

    static void assertNoClashes(List<TextOverlay> overlays) {
        for (int i = 0; i < overlays.size(); i++) {
            for (int j = i + 1; j < overlays.size(); j++) {
                TextOverlay a = overlays.get(i);
                TextOverlay b = overlays.get(j);
                if (a.position() == b.position()) {
                    assertThat(a.startSeconds() < b.endSeconds() - 1e-9 && b.startSeconds() < a.endSeconds() - 1e-9)
                            .as("\"%s\" and \"%s\" overlap at %s", a.text(), b.text(), a.position().label())
                            .isFalse();
                }
            }
        }
    }
}
