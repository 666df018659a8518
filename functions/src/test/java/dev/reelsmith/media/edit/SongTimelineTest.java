package dev.reelsmith.media.edit;

import static dev.reelsmith.media.edit.EditFixtures.analysis;
import static dev.reelsmith.media.edit.EditFixtures.shotList;
import static dev.reelsmith.media.edit.EditFixtures.sidecar;
import static dev.reelsmith.media.edit.EditFixtures.song;
import static dev.reelsmith.media.edit.EditFixtures.songScript;
import static dev.reelsmith.media.edit.EditFixtures.stills;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.AudioTrack;
import dev.reelsmith.domain.OverlayPosition;
import dev.reelsmith.domain.OverlayRole;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SongTimelineTest {
    private final TimelineAssembler assembler = new TimelineAssembler();

    private static EditInput input(PlanningInput planning, Script script, ShotList list, int fps) {
        return new EditInput(planning, script, list, null, stills(list), List.of(), Soundtrack.song("/media/song.mp3"), fps);
    }

    /** Cut points on every {@code every}-th downbeat of the analysis, then the song's end. */
    private static double[] cutsOnDownbeats(Analysis analysis, int every) {
        List<Double> cuts = new ArrayList<>(List.of(0.0));
        List<Double> downbeats = analysis.downbeats();
        for (int i = every; i < downbeats.size(); i += every) {
            if (analysis.durationSeconds() - downbeats.get(i) >= 1.0) {
                cuts.add(downbeats.get(i));
            }
        }
        cuts.add(analysis.durationSeconds());
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest(name = "{0} bpm, {1} s at {2} fps")
    @CsvSource({"92, 31.4567, 30", "120, 17.0213, 25", "174, 23.9871, 24"})
    void assemble_shouldLastExactlyAsLongAsTheSongToTheFrame_whenCutOnItsDownbeats(double bpm, double seconds, int fps) {
        // given
        Analysis analysis = analysis(seconds, bpm, 0.137);
        double[] cuts = cutsOnDownbeats(analysis, 2);
        Script script = songScript(seconds, new double[] {0, seconds});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, cuts);
        PlanningInput planning = song(analysis, sidecar(null, null, null), AspectRatio.LANDSCAPE);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, fps));

        // then the video has the frame count nearest the song and every cut is still on its downbeat
        long frames = Math.round(timeline.durationSeconds() * fps);
        assertThat(timeline.durationSeconds() * fps).isCloseTo(frames, within(1e-9));
        assertThat(frames).isEqualTo(Math.round(seconds * fps));
        assertThat(timeline.durationSeconds()).isCloseTo(seconds, within(0.5 / fps + 1e-9));
        TimelineShot last = timeline.shots().get(timeline.shots().size() - 1);
        assertThat(last.endSeconds()).isCloseTo(timeline.durationSeconds(), within(1e-9));
        List<Double> expectedStarts = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.length; i++) {
            expectedStarts.add(cuts[i]);
        }
        assertThat(timeline.shots()).extracting(TimelineShot::startSeconds).containsExactlyElementsOf(expectedStarts);
        assertThat(expectedStarts.subList(1, expectedStarts.size())).allSatisfy(c -> assertThat(analysis.downbeats()).contains(c));
        assertThat(timeline.fps()).isEqualTo(fps);
    }

    @Test
    void assemble_shouldPlayTheSongFromItsStartUnfaded_andFadeThePictureOverTheLastBeat() {
        // given a 120 bpm song (0.5 s beats)
        Analysis analysis = analysis(16.0, 120, 0.0);
        Script script = songScript(16.0, new double[] {0, 8, 16});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, new double[] {0, 4, 8, 12, 16});
        PlanningInput planning = song(analysis, sidecar(null, null, null), AspectRatio.SQUARE);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, 30));

        // then
        assertThat(timeline.audio()).isEqualTo(new AudioTrack("/media/song.mp3", 0.0, 0.0, 0.0, null, -9.5));
        assertThat(timeline.fadeInSeconds()).isZero();
        assertThat(timeline.fadeOutSeconds()).isEqualTo(0.5);
        assertThat(timeline.aspect()).isEqualTo(AspectRatio.SQUARE);
        assertThat(timeline.durationSeconds()).isEqualTo(16.0);
    }

    @Test
    void assemble_shouldLeaveLoudnessToTheRenderer_whenTheSongIsMono() {
        // given a mono song: spread over two channels it plays 3 dB louder than the analysis measured
        Analysis stereo = analysis(16.0, 120, 0.0);
        Analysis mono = new Analysis(16.0, 22050, 1, -9.5, 6, -0.8, 120, stereo.beats(), stereo.downbeats(), 4,
                stereo.sections());
        Script script = songScript(16.0, new double[] {0, 16});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, new double[] {0, 8, 16});

        // when
        Timeline timeline = assembler.assemble(input(song(mono, sidecar(null, null, null), AspectRatio.LANDSCAPE),
                script, list, 30));

        // then
        assertThat(timeline.audio().measuredLufs()).isNull();
        assertThat(timeline.audio().targetLufs()).isEqualTo(-14.0);
    }

    @Test
    void assemble_shouldFadeTheSongOutOverOneSecond_whenTheShotsEndWellBeforeTheSong() {
        // given shots for the first 20 s of a 30 s song
        Analysis analysis = analysis(30.0, 100, 0.0);
        Script script = songScript(30.0, new double[] {0, 30});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, new double[] {0, 7.2, 14.4, 20.0});
        PlanningInput planning = song(analysis, sidecar(null, null, null), AspectRatio.LANDSCAPE);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, 30));

        // then
        assertThat(timeline.durationSeconds()).isEqualTo(20.0);
        assertThat(timeline.audio().fadeOutSeconds()).isEqualTo(1.0);
        assertThat(timeline.audio().measuredLufs()).as("the analysis measured the whole song, not this span").isNull();
    }

    @Test
    void assemble_shouldMakeCrossfadesOneBeatLong_andKeepPlannedCutsAsCuts() {
        // given a 100 bpm song (0.6 s beats)
        Analysis analysis = analysis(12.0, 100, 0.0);
        Script script = songScript(12.0, new double[] {0, 12});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, new double[] {0, 2.4, 4.8, 7.2, 12.0},
                Transition.CROSSFADE, Transition.CUT, Transition.CROSSFADE, Transition.DIP_TO_BLACK);
        PlanningInput planning = song(analysis, sidecar(null, null, null), AspectRatio.LANDSCAPE);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, 30));

        // then
        assertThat(timeline.shots()).extracting(TimelineShot::transitionIn)
                .containsExactly(Transition.CUT, Transition.CUT, Transition.CROSSFADE, Transition.DIP_TO_BLACK);
        assertThat(timeline.shots().get(2).transitionSeconds()).isCloseTo(0.6, within(1e-9));
        assertThat(timeline.shots().get(3).transitionSeconds()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void assemble_shouldTimeLyricCaptionsToTheirLrcStamps_endingAtTheNextLineOrAfterSixSeconds() {
        // given
        String lrc = """
                [ti:Neon Tide]
                [00:01.00]Ride the neon tide
                [00:02.50]Hold the night inside
                [00:12.00]
                [00:14.20]Last light
                [00:21.00]After the end
                """;
        Analysis analysis = analysis(18.0, 120, 0.0);
        Script script = songScript(18.0, new double[] {0, 18});
        ShotList list = shotList(script, AspectRatio.PORTRAIT, new double[] {0, 6, 12, 18});
        PlanningInput planning = song(analysis, sidecar(null, null, lrc), AspectRatio.PORTRAIT);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, 30));

        // then
        List<TextOverlay> lyrics = timeline.overlays();
        assertThat(lyrics).extracting(TextOverlay::text)
                .containsExactly("Ride the neon tide", "Hold the night inside", "Last light");
        assertThat(lyrics).allSatisfy(o -> {
            assertThat(o.role()).isEqualTo(OverlayRole.LYRIC);
            assertThat(o.position()).isEqualTo(OverlayPosition.BOTTOM);
            assertThat(o.fadeSeconds()).isEqualTo(0.25);
        });
        assertThat(lyrics.get(0).startSeconds()).isEqualTo(1.0);
        assertThat(lyrics.get(0).endSeconds()).as("until the next line").isEqualTo(2.5);
        assertThat(lyrics.get(1).startSeconds()).isEqualTo(2.5);
        assertThat(lyrics.get(1).endSeconds()).as("at most 6 s, before the empty stamp at 12 s").isEqualTo(8.5);
        assertThat(lyrics.get(2).startSeconds()).isEqualTo(14.2);
        assertThat(lyrics.get(2).endSeconds()).as("cut at the video's end").isEqualTo(18.0);
        TimelineAssemblerTest.assertNoClashes(lyrics);
    }

    @Test
    void assemble_shouldShowTitleAndArtistAtTheStart_andJoinLinesSungAtTheSameTime() {
        // given
        String lrc = "[00:02.00]Call\n[00:02.00]Response\n[00:04.00]Next";
        Analysis analysis = analysis(10.0, 120, 0.0);
        Script script = songScript(10.0, new double[] {0, 10});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, new double[] {0, 5, 10});
        PlanningInput planning = song(analysis, sidecar("Neon Tide", "The Glow", lrc), AspectRatio.LANDSCAPE);

        // when
        Timeline timeline = assembler.assemble(input(planning, script, list, 30));

        // then
        List<TextOverlay> overlays = timeline.overlays();
        assertThat(overlays).extracting(TextOverlay::text).containsExactly("Neon Tide\nThe Glow", "Call\nResponse", "Next");
        assertThat(overlays.get(0).role()).isEqualTo(OverlayRole.TITLE);
        assertThat(overlays.get(0).startSeconds()).isZero();
        assertThat(overlays.get(0).endSeconds()).isEqualTo(3.0);
        assertThat(overlays.get(1).startSeconds()).isEqualTo(2.0);
        assertThat(overlays.get(1).endSeconds()).isEqualTo(4.0);
        TimelineAssemblerTest.assertNoClashes(overlays);
    }

    @Test
    void assemble_shouldPassHostileLyricsThroughVerbatim() {
        // given
        String line = "It's \"50%\": %{pts} \\N C:\\dir ; 'x' \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \uD83C\uDFA4";
        SongSidecar sidecar = sidecar("Ti\"tle: %{n}", "\\Artist", "[00:01.00]" + line);
        Analysis analysis = analysis(8.0, 120, 0.0);
        Script script = songScript(8.0, new double[] {0, 8});
        ShotList list = shotList(script, AspectRatio.LANDSCAPE, new double[] {0, 4, 8});

        // when
        Timeline timeline = assembler.assemble(input(song(analysis, sidecar, AspectRatio.LANDSCAPE), script, list, 30));

        // then
        assertThat(timeline.overlays()).extracting(TextOverlay::text)
                .containsExactly("Ti\"tle: %{n}\n\\Artist", line);
    }
}
