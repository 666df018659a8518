package dev.reelsmith.store.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reelsmith.providers.CircuitOpenException;
import dev.reelsmith.store.Concurrently;
import dev.reelsmith.store.MutableClock;
import dev.reelsmith.store.StoreEmulators;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreEmulators.class)
class CircuitBreakerTest {
    private static final VendorPolicy POLICY = new VendorPolicy(4, Duration.ofMinutes(5), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(90));
    private static String table;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeAll
    static void createTable() {
        table = StoreEmulators.newTable();
    }

    @Test
    void admit_shouldRefuseCalls_whenThresholdFailuresWereRecorded() {
        // given
        CircuitBreaker breaker = breaker(POLICY);
        breaker.record("open-vendor", CallOutcome.FAILED);
        breaker.record("open-vendor", CallOutcome.FAILED);
        Admission beforeThird = breaker.admit("open-vendor", "call-1");
        breaker.record("open-vendor", CallOutcome.FAILED);

        // when / then
        assertThat(beforeThird).isEqualTo(Admission.REGULAR);
        assertThatThrownBy(() -> breaker.admit("open-vendor", "call-2"))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessage("open-vendor: circuit open after 3 consecutive failures (retry after 30 s)")
                .extracting(e -> ((CircuitOpenException) e).retryAfterSeconds()).isEqualTo(30L);
        assertThat(breaker.state("open-vendor").state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void record_shouldNotOpen_whenFailuresAreInterruptedByHealthyAnswers() {
        // given
        CircuitBreaker breaker = breaker(POLICY);

        // when
        breaker.record("flaky-vendor", CallOutcome.FAILED);
        breaker.record("flaky-vendor", CallOutcome.FAILED);
        breaker.record("flaky-vendor", CallOutcome.HEALTHY);
        breaker.record("flaky-vendor", CallOutcome.FAILED);
        breaker.record("flaky-vendor", CallOutcome.NEUTRAL);
        breaker.record("flaky-vendor", CallOutcome.FAILED);

        // then
        BreakerState state = breaker.state("flaky-vendor");
        assertThat(state.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(state.failures()).isEqualTo(2);
        assertThat(breaker.admit("flaky-vendor", "call-1")).isEqualTo(Admission.REGULAR);
    }

    @Test
    void record_shouldCountEveryFailure_whenSixteenThreadsFailAtOnce() throws Exception {
        // given
        CircuitBreaker breaker = breaker(new VendorPolicy(4, Duration.ofMinutes(5), 20, Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(90)));

        // when
        Concurrently.run(16, thread -> () -> breaker.record("busy-vendor", CallOutcome.FAILED));
        BreakerState afterSixteen = breaker.state("busy-vendor");
        Concurrently.run(4, thread -> () -> breaker.record("busy-vendor", CallOutcome.FAILED));

        // then
        assertThat(afterSixteen.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(afterSixteen.failures()).isEqualTo(16);
        assertThat(afterSixteen.version()).isEqualTo(16);
        BreakerState afterTwenty = breaker.state("busy-vendor");
        assertThat(afterTwenty.state()).isEqualTo(CircuitState.OPEN);
        assertThat(afterTwenty.failures()).isEqualTo(20);
    }

    @Test
    void admit_shouldLetExactlyOneProbeThrough_whenEightCallersRaceAfterTheCoolDown() throws Exception {
        // given
        CircuitBreaker breaker = breaker(POLICY);
        openBreaker(breaker, "probed-vendor");
        clock.advance(Duration.ofSeconds(30));

        // when
        List<String> outcomes = Concurrently.run(8, thread -> () -> {
            try {
                return breaker.admit("probed-vendor", "caller-" + thread).name();
            } catch (CircuitOpenException refused) {
                return "REFUSED";
            }
        });

        // then
        assertThat(outcomes).containsOnlyOnce("PROBE");
        assertThat(outcomes).filteredOn("REFUSED"::equals).hasSize(7);
        BreakerState state = breaker.state("probed-vendor");
        assertThat(state.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(outcomes.get(Integer.parseInt(state.probeOwner().substring("caller-".length()))))
                .isEqualTo("PROBE");
    }

    @Test
    void record_shouldCloseTheBreaker_whenTheProbeSucceeds() {
        // given
        CircuitBreaker breaker = breaker(POLICY);
        openBreaker(breaker, "recovered-vendor");
        clock.advance(Duration.ofSeconds(31));
        Admission probe = breaker.admit("recovered-vendor", "probe-call");

        // when
        BreakerState after = breaker.record("recovered-vendor", CallOutcome.HEALTHY);

        // then
        assertThat(probe).isEqualTo(Admission.PROBE);
        assertThat(after.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.admit("recovered-vendor", "next-call")).isEqualTo(Admission.REGULAR);
    }

    @Test
    void record_shouldReopenForAFullCoolDown_whenTheProbeFails() {
        // given
        CircuitBreaker breaker = breaker(POLICY);
        openBreaker(breaker, "still-down-vendor");
        clock.advance(Duration.ofSeconds(30));
        breaker.admit("still-down-vendor", "probe-call");
        clock.advance(Duration.ofSeconds(10));

        // when
        BreakerState after = breaker.record("still-down-vendor", CallOutcome.FAILED);

        // then
        assertThat(after.state()).isEqualTo(CircuitState.OPEN);
        assertThat(after.openedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> breaker.admit("still-down-vendor", "next-call"))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessageContaining("retry after 30 s");
    }

    @Test
    void admit_shouldKeepTheProbeWithItsCaller_andHandItOver_whenTheProbeTimesOut() {
        // given
        CircuitBreaker breaker = breaker(POLICY);
        openBreaker(breaker, "slow-probe-vendor");
        clock.advance(Duration.ofSeconds(30));
        breaker.admit("slow-probe-vendor", "first-probe");

        // when
        Admission repeated = breaker.admit("slow-probe-vendor", "first-probe");
        Throwable refused = catchThrowable(
                () -> breaker.admit("slow-probe-vendor", "other-call"));
        clock.advance(Duration.ofSeconds(91));
        Admission takeover = breaker.admit("slow-probe-vendor", "other-call");

        // then
        assertThat(repeated).isEqualTo(Admission.PROBE);
        assertThat(refused).isInstanceOf(CircuitOpenException.class)
                .hasMessage("slow-probe-vendor: circuit half-open with a probe call in flight (retry after 90 s)");
        assertThat(takeover).isEqualTo(Admission.PROBE);
        assertThat(breaker.state("slow-probe-vendor").probeOwner()).isEqualTo("other-call");
    }

    private void openBreaker(CircuitBreaker breaker, String provider) {
        for (int i = 0; i < POLICY.failureThreshold(); i++) {
            breaker.record(provider, CallOutcome.FAILED);
        }
        assertThat(breaker.state(provider).state()).isEqualTo(CircuitState.OPEN);
    }

    private CircuitBreaker breaker(VendorPolicy policy) {
        return new CircuitBreaker(StoreEmulators.dynamoDb(), table, VendorPolicies.uniform(policy), clock);
    }
}
