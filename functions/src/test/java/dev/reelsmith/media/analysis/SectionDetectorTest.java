package dev.reelsmith.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelsmith.domain.Section;
import dev.reelsmith.domain.Section.Label;
import dev.reelsmith.media.analysis.SyntheticMusic.Part;
import dev.reelsmith.media.analysis.SyntheticMusic.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SectionDetectorTest {
    private static final int RATE = 22050;
    private static final Part INTRO = new Part(4, false, false, true, false, true, 0.4);
    private static final Part VERSE = new Part(8, true, true, true, true, false, 0.7);
    private static final Part CHORUS = new Part(8, true, true, true, true, true, 1.0);
    private static final Part BRIDGE = new Part(8, false, false, false, true, true, 0.6);
    private static final Part OUTRO = new Part(4, false, false, false, false, true, 0.4);

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {100, 128, 174})
    void detect_shouldFindEveryPartOnItsDownbeat_whenSongHasABridge(double bpm) {
        // given
        List<Part> parts = List.of(INTRO, VERSE, CHORUS, VERSE, CHORUS, BRIDGE, CHORUS, OUTRO);
        Track song = SyntheticMusic.song(bpm, RATE, 5, 0.25, 1000, parts);
        SpectralFeatures features = SpectralFeatures.of(song.samples(), RATE);
        BeatTracker.BeatGrid grid = BeatTracker.track(features);

        // when
        List<Section> sections = SectionDetector.detect(features, grid.downbeats());

        // then
        assertThat(sections).extracting(Section::label).containsExactly(Label.INTRO, Label.VERSE, Label.CHORUS,
                Label.VERSE, Label.CHORUS, Label.BRIDGE, Label.CHORUS, Label.OUTRO);
        List<Double> starts = partStarts(song, parts);
        for (int i = 1; i < sections.size(); i++) {
            assertThat(sections.get(i).startSeconds()).as("start of section %d", i)
                    .isCloseTo(starts.get(i), within(0.07));
        }
        assertTiles(sections, song.durationSeconds());
        assertThat(sections.get(2).energy()).isEqualTo(1.0, within(0.05));
        assertThat(sections.get(0).energy()).isLessThan(sections.get(1).energy());
    }

    @Test
    void detect_shouldTileTheSong_whenSongHasSixParts() {
        // given
        Track song = SyntheticMusic.song(120, RATE, 8, 0.4, 1000, List.of(INTRO, VERSE, CHORUS, VERSE, CHORUS, OUTRO));
        List<Double> downbeats = BeatTracker.track(song.samples(), RATE).downbeats();

        // when
        List<Section> sections = SectionDetector.detect(song.samples(), RATE, downbeats);

        // then
        assertThat(sections).hasSize(6);
        assertTiles(sections, song.durationSeconds());
        assertThat(sections).allSatisfy(s -> assertThat(s.lengthSeconds()).isGreaterThanOrEqualTo(
                Math.min(SectionDetector.MIN_SECTION_SECONDS, 4 * 4 * 60 / 120.0 * 0.99)));
    }

    @Test
    void detect_shouldReturnOneSection_whenInputIsShorterThanTenSeconds() {
        // given
        Track clip = SyntheticMusic.drums(120, 9, RATE, true, 1);

        // when
        List<Section> sections = SectionDetector.detect(clip.samples(), RATE, clip.downbeats());

        // then
        assertThat(sections).containsExactly(new Section(Label.VERSE, 0, clip.durationSeconds(), 1));
    }

    @Test
    void detect_shouldReturnOneSection_whenALoopNeverChanges() {
        // given
        Track loop = SyntheticMusic.drums(120, 30, RATE, true, 3);
        List<Double> downbeats = BeatTracker.track(loop.samples(), RATE).downbeats();

        // when
        List<Section> sections = SectionDetector.detect(loop.samples(), RATE, downbeats);

        // then
        assertThat(sections).containsExactly(new Section(Label.VERSE, 0, loop.durationSeconds(), 1));
    }

    @Test
    void detect_shouldReturnOneSilentSection_whenSilent() {
        // given
        float[] silence = new float[RATE * 30];

        // when
        List<Section> sections = SectionDetector.detect(silence, RATE, List.of());

        // then
        assertThat(sections).containsExactly(new Section(Label.VERSE, 0, 30, 0));
    }

    @Test
    void detect_shouldSplitOnATwoSecondGrid_whenThereIsNoPulse() {
        // given: 12 s of noise, then 12 s of a louder steady tone
        float[] signal = new float[RATE * 24];
        Random random = new Random(2);
        for (int i = 0; i < RATE * 12; i++) {
            signal[i] = (float) (0.1 * random.nextGaussian());
        }
        float[] tone = SyntheticMusic.sine(300, 0.3, 12, RATE);
        System.arraycopy(tone, 0, signal, RATE * 12, tone.length);

        // when
        List<Section> sections = SectionDetector.detect(signal, RATE, List.of());

        // then
        assertThat(sections).extracting(Section::startSeconds).containsExactly(0.0, 12.0);
        assertThat(sections).extracting(Section::label).containsExactly(Label.INTRO, Label.VERSE);
        assertTiles(sections, 24);
    }

    private static List<Double> partStarts(Track song, List<Part> parts) {
        List<Double> starts = new ArrayList<>();
        int bar = 0;
        for (Part part : parts) {
            starts.add(bar == 0 ? 0.0 : song.downbeats().get(bar));
            bar += part.bars();
        }
        return starts;
    }

    static void assertTiles(List<Section> sections, double duration) {
        assertThat(sections).isNotEmpty();
        assertThat(sections.get(0).startSeconds()).isZero();
        for (int i = 1; i < sections.size(); i++) {
            assertThat(sections.get(i).startSeconds()).isEqualTo(sections.get(i - 1).endSeconds());
        }
        assertThat(sections.get(sections.size() - 1).endSeconds()).isEqualTo(duration);
    }
}
