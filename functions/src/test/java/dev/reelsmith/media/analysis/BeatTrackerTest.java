package dev.reelsmith.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.reelsmith.media.analysis.BeatTracker.BeatGrid;
import dev.reelsmith.media.analysis.SyntheticMusic.Track;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BeatTrackerTest {
    private static final int RATE = 22050;
    private static final double SECONDS = 25;
    /** The usual beat-tracking evaluation window (MIREX), as the project's acceptance criteria state. */
    private static final double TOLERANCE = 0.070;

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 92, 120, 128, 145, 174, 180})
    void track_shouldFindTempoAndBeats_whenClickTrack(double bpm) {
        // given
        Track track = SyntheticMusic.clickTrack(bpm, SECONDS, RATE, 0.25);

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then
        assertThat(grid.tempoBpm()).isCloseTo(bpm, withinPercentage(2));
        assertBeatsMatch(track.beats(), grid.beats());
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 92, 120, 128, 145, 174, 180})
    void track_shouldFindTempoAndBeats_whenDrumKitPlays(double bpm) {
        // given
        Track track = SyntheticMusic.drums(bpm, SECONDS, RATE, false, 7);

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then
        assertThat(grid.tempoBpm()).isCloseTo(bpm, withinPercentage(2));
        assertBeatsMatch(track.beats(), grid.beats());
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 92, 120, 128, 145, 174, 180})
    void track_shouldFindTempoAndBeats_whenDrumsPlayWithBassLine(double bpm) {
        // given
        Track track = SyntheticMusic.drums(bpm, SECONDS, RATE, true, 11);

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then
        assertThat(grid.tempoBpm()).isCloseTo(bpm, withinPercentage(2));
        assertBeatsMatch(track.beats(), grid.beats());
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 120, 174})
    void track_shouldKeepTempoAndBeats_whenDrumsAreBuriedInNoise(double bpm) {
        // given: white noise at about -26 dB below the drums' peak masks the hi-hats
        Track track = SyntheticMusic.drums(bpm, SECONDS, RATE, true, 3);
        float[] noisy = track.samples().clone();
        Random random = new Random(1);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (0.05 * random.nextGaussian());
        }

        // when
        BeatGrid grid = BeatTracker.track(noisy, RATE);

        // then
        assertThat(grid.tempoBpm()).isCloseTo(bpm, withinPercentage(2));
        assertBeatsMatch(track.beats(), grid.beats());
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 92, 120, 128, 145, 174})
    void track_shouldPutDownbeatsOnAccentedKicks_whenDrumKitPlays(double bpm) {
        // given: the kick on beat 1 is louder than the one on beat 3
        Track track = SyntheticMusic.drums(bpm, SECONDS, RATE, false, 7);

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then
        assertThat(grid.beatsPerBar()).isEqualTo(4);
        assertThat(grid.downbeats()).isNotEmpty().isSubsetOf(grid.beats());
        assertThat(grid.downbeats()).allSatisfy(downbeat -> assertThat(
                track.downbeats().stream().anyMatch(bar -> Math.abs(bar - downbeat) <= TOLERANCE)).isTrue());
        assertThat(SyntheticMusic.beatScores(track.downbeats(), grid.downbeats(), TOLERANCE)[0])
                .isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {92, 128})
    void track_shouldPutDownbeatsOnBarStarts_whenBassLineChangesEveryBar(double bpm) {
        // given
        Track track = SyntheticMusic.drums(bpm, SECONDS, RATE, true, 11);

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then
        assertThat(SyntheticMusic.beatScores(track.downbeats(), grid.downbeats(), TOLERANCE)[2])
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void track_shouldPlaceBeatsWithinTenMilliseconds_whenDrumKitPlays() {
        // given
        Track track = SyntheticMusic.drums(128, SECONDS, RATE, true, 5);

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then: sub-frame refinement puts beats on the attacks, not on the 10 ms frame grid
        assertThat(SyntheticMusic.beatScores(track.beats(), grid.beats(), 0.010)[2]).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void track_shouldReportNoPulse_whenSilent() {
        // given
        float[] silence = new float[RATE * 20];

        // when
        BeatGrid grid = BeatTracker.track(silence, RATE);

        // then
        assertThat(grid).isEqualTo(BeatGrid.NONE);
        assertThat(grid.tempoBpm()).isZero();
        assertThat(grid.beats()).isEmpty();
        assertThat(grid.downbeats()).isEmpty();
    }

    @Test
    void track_shouldReportNoPulse_whenInputIsWhiteNoise() {
        // given
        Random random = new Random(42);
        float[] noise = new float[RATE * 20];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * random.nextGaussian());
        }

        // when
        BeatGrid grid = BeatTracker.track(noise, RATE);

        // then
        assertThat(grid).isEqualTo(BeatGrid.NONE);
    }

    @Test
    void track_shouldReportNoPulse_whenInputIsASteadyTone() {
        // given
        float[] tone = SyntheticMusic.sine(440, 0.5, 20, RATE);

        // when
        BeatGrid grid = BeatTracker.track(tone, RATE);

        // then
        assertThat(grid).isEqualTo(BeatGrid.NONE);
    }

    @Test
    void track_shouldReturnAscendingBeatsInsideTheSignal_whenMusicStartsAtTheFirstSample() {
        // given
        Track track = SyntheticMusic.song(120, RATE, 9, 0, 12,
                List.of(new SyntheticMusic.Part(8, true, true, true, true, false, 1)));

        // when
        BeatGrid grid = BeatTracker.track(track.samples(), RATE);

        // then
        assertThat(grid.beats()).isSorted().doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).isBetween(0.0, track.durationSeconds()));
        assertThat(grid.beats().get(0)).isCloseTo(0.0, within(TOLERANCE));
    }

    private static void assertBeatsMatch(List<Double> reference, List<Double> detected) {
        double[] scores = SyntheticMusic.beatScores(reference, detected, TOLERANCE);
        assertThat(scores[0]).as("share of reference beats matched within 70 ms").isGreaterThanOrEqualTo(0.9);
        assertThat(scores[2]).as("F-measure").isGreaterThanOrEqualTo(0.9);
    }
}
