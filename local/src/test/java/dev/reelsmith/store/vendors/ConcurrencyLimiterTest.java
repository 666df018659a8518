package dev.reelsmith.store.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.store.Concurrently;
import dev.reelsmith.store.MutableClock;
import dev.reelsmith.store.StoreEmulators;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreEmulators.class)
class ConcurrencyLimiterTest {
    private static final VendorPolicy THREE_SLOTS = new VendorPolicy(3, Duration.ofMinutes(10), 5,
            Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
    private static String table;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeAll
    static void createTable() {
        table = StoreEmulators.newTable();
    }

    @Test
    void acquire_shouldGrantExactlyThreeSlots_whenSixteenCallersAcquireAtOnce() throws Exception {
        // given
        ConcurrencyLimiter limiter = limiter(THREE_SLOTS);

        // when
        List<SlotLease> leases = Concurrently.run(16, thread -> () -> {
            try {
                return limiter.acquire("crowded-vendor", "call-" + thread);
            } catch (ThrottledException refused) {
                return null;
            }
        });

        // then
        List<SlotLease> granted = leases.stream().filter(Objects::nonNull).toList();
        assertThat(granted).hasSize(3);
        assertThat(granted).extracting(SlotLease::slot).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(limiter.leases("crowded-vendor")).extracting(SlotLease::owner)
                .containsExactlyInAnyOrderElementsOf(granted.stream().map(SlotLease::owner).toList());
    }

    @Test
    void acquire_shouldNeverHaveMoreThanThreeHolders_whenSixteenCallersKeepAcquiringAndReleasing()
            throws Exception {
        // given
        ConcurrencyLimiter limiter = limiter(THREE_SLOTS);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHolding = new AtomicInteger();
        AtomicInteger mostLeased = new AtomicInteger();

        // when
        List<Integer> callsMade = Concurrently.run(16, thread -> () -> {
            int made = 0;
            for (int round = 0; round < 6; round++) {
                SlotLease lease;
                try {
                    lease = limiter.acquire("churning-vendor", "call-" + thread + "-" + round);
                } catch (ThrottledException refused) {
                    continue;
                }
                mostHolding.accumulateAndGet(holding.incrementAndGet(), Math::max);
                // reading the shared slots while holding one keeps the slot busy for a round trip
                mostLeased.accumulateAndGet(limiter.leases("churning-vendor").size(), Math::max);
                made++;
                holding.decrementAndGet();
                assertThat(limiter.release(lease)).isTrue();
            }
            return made;
        });

        // then
        assertThat(mostHolding.get()).isBetween(1, 3);
        assertThat(mostLeased.get()).isBetween(1, 3);
        assertThat(callsMade.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(3);
        assertThat(limiter.leases("churning-vendor")).isEmpty();
    }

    @Test
    void acquire_shouldTakeOverTheSlot_whenTheHoldersLeaseHasLapsed() {
        // given
        ConcurrencyLimiter limiter = limiter(THREE_SLOTS.withMaxConcurrent(1));
        SlotLease crashed = limiter.acquire("lapsing-vendor", "crashed-call");
        Throwable whileHeld = catchThrowable(
                () -> limiter.acquire("lapsing-vendor", "waiting-call"));

        // when
        clock.advance(Duration.ofMinutes(10));
        SlotLease takeover = limiter.acquire("lapsing-vendor", "waiting-call");

        // then
        assertThat(whileHeld).isInstanceOf(ThrottledException.class)
                .hasMessage("lapsing-vendor: all 1 concurrency slots are in use by other calls");
        assertThat(takeover.slot()).isEqualTo(crashed.slot());
        assertThat(takeover.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(limiter.release(crashed)).isFalse();
        assertThat(limiter.renew(crashed)).isEmpty();
        assertThat(limiter.leases("lapsing-vendor")).extracting(SlotLease::owner).containsExactly("waiting-call");
    }

    @Test
    void acquire_shouldRenewTheSameSlot_whenTheSameOwnerAcquiresAgain() {
        // given
        ConcurrencyLimiter limiter = limiter(THREE_SLOTS);
        SlotLease first = limiter.acquire("redelivered-vendor", "shot-3/clip");
        clock.advance(Duration.ofMinutes(4));

        // when
        SlotLease again = limiter.acquire("redelivered-vendor", "shot-3/clip");

        // then
        assertThat(again.slot()).isEqualTo(first.slot());
        assertThat(again.expiresAt()).isEqualTo(first.expiresAt().plus(Duration.ofMinutes(4)));
        assertThat(limiter.leases("redelivered-vendor")).hasSize(1);
    }

    @Test
    void release_shouldFreeTheSlotForTheNextCaller_andBeSafeToRepeat() {
        // given
        ConcurrencyLimiter limiter = limiter(THREE_SLOTS.withMaxConcurrent(1));
        SlotLease lease = limiter.acquire("releasing-vendor", "first-call");

        // when
        boolean released = limiter.release(lease);
        boolean releasedAgain = limiter.release(lease);
        SlotLease next = limiter.acquire("releasing-vendor", "second-call");

        // then
        assertThat(released).isTrue();
        assertThat(releasedAgain).isFalse();
        assertThat(next.owner()).isEqualTo("second-call");
        assertThatThrownBy(() -> limiter.acquire("releasing-vendor", "third-call"))
                .isInstanceOf(ThrottledException.class);
    }

    @Test
    void renew_shouldExtendTheLease_whileTheOwnerStillHoldsIt() {
        // given
        ConcurrencyLimiter limiter = limiter(THREE_SLOTS.withMaxConcurrent(1));
        SlotLease lease = limiter.acquire("polled-vendor", "long-job");
        clock.advance(Duration.ofMinutes(8));

        // when
        Optional<SlotLease> renewed = limiter.renew(lease);
        clock.advance(Duration.ofMinutes(8));

        // then
        assertThat(renewed).get().extracting(SlotLease::expiresAt)
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> limiter.acquire("polled-vendor", "other-job"))
                .isInstanceOf(ThrottledException.class);
    }

    private ConcurrencyLimiter limiter(VendorPolicy policy) {
        return new ConcurrencyLimiter(StoreEmulators.dynamoDb(), table, VendorPolicies.uniform(policy), clock);
    }
}
