package dev.reelsmith.store.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.providers.CircuitOpenException;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.store.MutableClock;
import dev.reelsmith.store.StoreEmulators;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreEmulators.class)
class VendorGuardTest {
    private static final VendorPolicy POLICY = new VendorPolicy(1, Duration.ofMinutes(5), 2,
            Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    private static String table;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeAll
    static void createTable() {
        table = StoreEmulators.newTable();
    }

    @Test
    void call_shouldReturnTheResultAndFreeTheSlot_whenTheCallSucceeds() {
        // given
        VendorGuard guard = guard();

        // when
        String first = guard.call("ok-vendor", "shot-1/keyframe", () -> "image-1");
        String second = guard.call("ok-vendor", "shot-2/keyframe", () -> "image-2");

        // then
        assertThat(first).isEqualTo("image-1");
        assertThat(second).isEqualTo("image-2");
        assertThat(guard.limiter().leases("ok-vendor")).isEmpty();
    }

    @Test
    void call_shouldOpenTheBreakerAndStopCalling_whenTheVendorKeepsFailing() {
        // given
        VendorGuard guard = guard();
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            String caller = "shot-" + i + "/keyframe";
            assertThatThrownBy(() -> guard.call("down-vendor", caller, () -> {
                calls.incrementAndGet();
                throw new TransientVendorException("down-vendor", "HTTP 503", null);
            })).isInstanceOf(TransientVendorException.class);
        }

        // when / then
        assertThatThrownBy(() -> guard.call("down-vendor", "shot-3/keyframe", () -> calls.incrementAndGet()))
                .isInstanceOf(CircuitOpenException.class);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(guard.limiter().leases("down-vendor")).isEmpty();
    }

    @Test
    void call_shouldNotCountContentRejections_towardsOpeningTheBreaker() {
        // given
        VendorGuard guard = guard();

        // when
        for (int i = 0; i < 3; i++) {
            String caller = "shot-" + i + "/keyframe";
            assertThatThrownBy(() -> guard.call("strict-vendor", caller, () -> {
                throw new ContentRejectedException("strict-vendor", "SAFETY", null);
            })).isInstanceOf(ContentRejectedException.class);
        }

        // then
        assertThat(guard.breaker().state("strict-vendor").state()).isEqualTo(CircuitState.CLOSED);
        assertThat(guard.call("strict-vendor", "shot-4/keyframe", () -> "image")).isEqualTo("image");
    }

    @Test
    void call_shouldBeThrottledWithoutCalling_whenAnotherJobHoldsTheOnlySlot() {
        // given
        VendorGuard guard = guard();
        VendorPermit job = guard.enter("busy-vendor", "shot-1/clip");
        AtomicInteger calls = new AtomicInteger();

        // when / then
        assertThatThrownBy(() -> guard.call("busy-vendor", "shot-2/keyframe", calls::incrementAndGet))
                .isInstanceOf(ThrottledException.class);
        assertThat(calls.get()).isZero();
        assertThat(guard.breaker().state("busy-vendor").failures()).isZero();
        guard.exit(job, null);
        assertThat(guard.call("busy-vendor", "shot-2/keyframe", calls::incrementAndGet)).isEqualTo(1);
    }

    private VendorGuard guard() {
        return new VendorGuard(StoreEmulators.dynamoDb(), table, VendorPolicies.uniform(POLICY), clock);
    }
}
