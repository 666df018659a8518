package dev.reelsmith.store.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BreakerStateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final VendorPolicy POLICY = new VendorPolicy(2, Duration.ofMinutes(5), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(90));

    @Test
    void afterFailure_shouldOpen_whenThresholdIsReachedWithinTheWindow() {
        // given
        BreakerState state = BreakerState.initial();

        // when
        state = state.afterFailure(T0, POLICY);
        state = state.afterFailure(T0.plusSeconds(20), POLICY);
        BreakerState beforeThird = state;
        state = state.afterFailure(T0.plusSeconds(59), POLICY);

        // then
        assertThat(beforeThird.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(beforeThird.failures()).isEqualTo(2);
        assertThat(state.state()).isEqualTo(CircuitState.OPEN);
        assertThat(state.openedAt()).isEqualTo(T0.plusSeconds(59));
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.probeAllowedAt(POLICY)).isEqualTo(T0.plusSeconds(89));
    }

    @Test
    void afterFailure_shouldStartANewStreak_whenTheWindowHasPassed() {
        // given
        BreakerState twoFailures = BreakerState.initial().afterFailure(T0, POLICY)
                .afterFailure(T0.plusSeconds(30), POLICY);

        // when
        BreakerState later = twoFailures.afterFailure(T0.plusSeconds(60), POLICY);

        // then
        assertThat(later.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.streakStartedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void afterSuccess_shouldEndTheStreak_whenClosed() {
        // given
        BreakerState twoFailures = BreakerState.initial().afterFailure(T0, POLICY).afterFailure(T0, POLICY);

        // when
        BreakerState reset = twoFailures.afterSuccess();
        BreakerState oneMore = reset.afterFailure(T0.plusSeconds(1), POLICY);

        // then
        assertThat(reset.failures()).isZero();
        assertThat(reset.streakStartedAt()).isNull();
        assertThat(oneMore.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(oneMore.failures()).isEqualTo(1);
        assertThat(BreakerState.initial().afterSuccess()).isEqualTo(BreakerState.initial());
    }

    @Test
    void transitions_shouldCloseOrReopen_whenTheProbeSucceedsOrFails() {
        // given
        BreakerState open = new BreakerState(CircuitState.OPEN, 7, 3, T0, T0, null, null);
        BreakerState probing = open.probing("caller-1", T0.plusSeconds(120));

        // when
        BreakerState closed = probing.afterSuccess();
        BreakerState reopened = probing.afterFailure(T0.plusSeconds(40), POLICY);

        // then
        assertThat(probing.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(probing.probeOwner()).isEqualTo("caller-1");
        assertThat(closed.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(closed.failures()).isZero();
        assertThat(closed.version()).isEqualTo(9);
        assertThat(reopened.state()).isEqualTo(CircuitState.OPEN);
        assertThat(reopened.openedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(reopened.probeOwner()).isNull();
    }

    @Test
    void transitions_shouldLeaveAnOpenBreakerAlone_whenLateCallsFinish() {
        // given
        BreakerState open = new BreakerState(CircuitState.OPEN, 4, 3, T0, T0, null, null);

        // when / then
        assertThat(open.afterFailure(T0.plusSeconds(10), POLICY)).isSameAs(open);
        assertThat(open.afterSuccess()).isSameAs(open);
    }

    @Test
    void constructor_shouldRejectAHalfOpenBreaker_whenItHasNoProbeOwner() {
        // when / then
        assertThatThrownBy(() -> new BreakerState(CircuitState.HALF_OPEN, 1, 0, null, T0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probeOwner and probeExpiresAt must not be null when state is HALF_OPEN");
    }
}
