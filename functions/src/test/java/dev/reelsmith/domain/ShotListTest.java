package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShotListTest {
    private static final ContinuityAnchors ANCHORS = new ContinuityAnchors(7, "A red kettle", List.of("#FF0000"),
            List.of("warm"));

    private static Shot shot(String id, int beat, int index, double start, double duration) {
        return new Shot(id, beat, index, start, duration, ShotType.MEDIUM, CameraMovement.PUSH_IN, Lens.NORMAL_50,
                Lighting.NATURAL, "centred", "A red kettle on a stove.", "A red kettle on a stove, warm.", null, ANCHORS,
                null, null);
    }

    @Test
    void constructor_shouldAcceptContiguousShots_whenTheyCoverTheVideo() {
        // when
        ShotList list = new ShotList(VideoKind.AD, AspectRatio.LANDSCAPE, 5, List.of(shot("s01", 0, 0, 0, 2),
                shot("s02", 0, 1, 2, 3)));

        // then
        assertThat(list.cutTimes()).containsExactly(2.0);
        assertThat(list.shotsOfBeat(0)).hasSize(2);
        assertThat(list.shotsOfBeat(1)).isEmpty();
    }

    @Test
    void constructor_shouldNameTheGap_whenAShotStartsLate() {
        // when / then
        assertThatThrownBy(() -> new ShotList(VideoKind.AD, AspectRatio.LANDSCAPE, 5, List.of(shot("s01", 0, 0, 0, 2),
                shot("s02", 0, 1, 2.5, 2.5))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("shots[1].startSeconds must be 2.0 (where shot s01 ends), was 2.5");
    }

    @Test
    void constructor_shouldRejectAShortfall_whenTheLastShotEndsBeforeTheVideo() {
        // when / then
        assertThatThrownBy(() -> new ShotList(VideoKind.AD, AspectRatio.LANDSCAPE, 6, List.of(shot("s01", 0, 0, 0, 2))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("shots must end at durationSeconds 6.0, but the last shot ends at 2.0");
    }

    @Test
    void constructor_shouldRejectDuplicateIds_whenTwoShotsShareOne() {
        // when / then
        assertThatThrownBy(() -> new ShotList(VideoKind.AD, AspectRatio.LANDSCAPE, 4, List.of(shot("s01", 0, 0, 0, 2),
                shot("s01", 1, 1, 2, 2))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("shots must have distinct ids, s01 appears twice");
    }
}
