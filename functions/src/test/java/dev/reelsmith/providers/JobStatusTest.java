package dev.reelsmith.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobStatusTest {
    private static final Cost COST = Cost.of(new BigDecimal("5"), Cost.SECOND, new BigDecimal("0.05"));

    @Test
    void running_shouldCarryOnlyThePollDelay_whenJobIsInProgress() {
        // given / when
        VideoJobStatus status = VideoJobStatus.running(15);

        // then
        assertThat(status.state()).isEqualTo(JobState.RUNNING);
        assertThat(status.state().isTerminal()).isFalse();
        assertThat(status.nextPollSeconds()).isEqualTo(15);
        assertThat(status.output()).isNull();
        assertThat(status.cost()).isNull();
    }

    @Test
    void succeeded_shouldCarryOutputAndCost_whenJobFinished() {
        // given
        Path clip = Path.of("clips/s01.mp4");

        // when
        MusicJobStatus status = MusicJobStatus.succeeded(clip, COST);

        // then
        assertThat(status.state().isTerminal()).isTrue();
        assertThat(status.output()).isEqualTo(clip);
        assertThat(status.cost()).isEqualTo(COST);
        assertThat(status.nextPollSeconds()).isZero();
    }

    @Test
    void constructor_shouldRejectPendingWithoutPollDelay_withExactMessage() {
        assertThatThrownBy(() -> VideoJobStatus.pending(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nextPollSeconds must be between 1 and 3600 when state is PENDING, was 0");
    }

    @Test
    void constructor_shouldRejectSuccessWithoutOutput_withExactMessage() {
        assertThatThrownBy(() -> new VideoJobStatus(JobState.SUCCEEDED, null, null, 0, COST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output must not be null when state is SUCCEEDED");
    }

    @Test
    void constructor_shouldRejectSuccessWithoutCost_withExactMessage() {
        assertThatThrownBy(() -> MusicJobStatus.succeeded(Path.of("a.wav"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cost must not be null when state is SUCCEEDED");
    }

    @Test
    void constructor_shouldRejectFailureWithoutReason_withExactMessage() {
        assertThatThrownBy(() -> VideoJobStatus.failed(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureReason must not be blank when state is FAILED");
    }

    @Test
    void constructor_shouldRejectOutputWhileRunning_withExactMessage() {
        assertThatThrownBy(() -> new MusicJobStatus(JobState.RUNNING, Path.of("x.wav"), null, 5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output must be null when state is RUNNING, was x.wav");
    }

    @Test
    void cancelled_shouldAllowMissingReason_whenVendorGivesNone() {
        // given / when
        VideoJobStatus status = VideoJobStatus.cancelled(null);

        // then
        assertThat(status.state()).isEqualTo(JobState.CANCELLED);
        assertThat(status.state().isTerminal()).isTrue();
    }

    @Test
    void failed_shouldAcceptABilledCost_whenVendorChargesForFailures() {
        // given / when
        VideoJobStatus status = new VideoJobStatus(JobState.FAILED, null, "SAFETY.OUTPUT", 0, COST);

        // then
        assertThat(status.cost()).isEqualTo(COST);
    }
}
