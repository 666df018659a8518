package dev.reelsmith.store.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.store.Concurrently;
import dev.reelsmith.store.MutableClock;
import dev.reelsmith.store.StoreEmulators;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreEmulators.class)
class BudgetLedgerTest {
    private static String table;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeAll
    static void createTable() {
        table = StoreEmulators.newTable();
    }

    @Test
    void open_shouldKeepTheFirstLimit_whenOpenedAgain() {
        // given
        BudgetLedger ledger = ledger();

        // when
        Budget first = ledger.open("s-open", usd("5.00"));
        Budget again = ledger.open("s-open", usd("9.00"));

        // then
        assertThat(first.limitUsd()).isEqualByComparingTo("5");
        assertThat(again.limitUsd()).isEqualByComparingTo("5");
        assertThat(again.availableUsd()).isEqualByComparingTo("5");
        assertThat(again.reservations()).isEmpty();
    }

    @Test
    void reserve_shouldHoldTheEstimateOnce_whenTheSameReservationIsRepeated() {
        // given
        BudgetLedger ledger = ledger();
        ledger.open("s-repeat", usd("2.00"));

        // when
        ledger.reserve("s-repeat", "shot-1/clip/1", usd("0.75"));
        Budget repeated = ledger.reserve("s-repeat", "shot-1/clip/1", usd("0.75"));

        // then
        assertThat(repeated.reservedUsd()).isEqualByComparingTo("0.75");
        assertThat(repeated.availableUsd()).isEqualByComparingTo("1.25");
        assertThat(repeated.reservation("shot-1/clip/1")).get()
                .extracting(Reservation::state).isEqualTo(ReservationState.RESERVED);
    }

    @Test
    void reserve_shouldRefuseNamingTheBudget_whenTheEstimateDoesNotFit() {
        // given
        BudgetLedger ledger = ledger();
        ledger.open("s-full", usd("1.00"));
        ledger.reserve("s-full", "shot-1/clip/1", usd("0.50"));
        ledger.commit("s-full", "shot-1/clip/1", usd("0.40"));
        ledger.reserve("s-full", "shot-2/clip/1", usd("0.50"));

        // when / then
        assertThatThrownBy(() -> ledger.reserve("s-full", "shot-3/clip/1", usd("0.25")))
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessage("budget of session s-full cannot cover reservation shot-3/clip/1 of 0.25 USD: "
                        + "limit 1 USD, spent 0.4 USD, reserved 0.5 USD, left 0.1 USD");
        assertThat(ledger.reserve("s-full", "shot-3/clip/2", usd("0.10")).availableUsd()).isEqualByComparingTo("0");
    }

    @Test
    void commit_shouldMoveTheReservationToSpentExactlyOnce_whenRepeated() {
        // given
        BudgetLedger ledger = ledger();
        ledger.open("s-commit", usd("3.00"));
        ledger.reserve("s-commit", "shot-1/clip/1", usd("1.00"));

        // when
        ledger.commit("s-commit", "shot-1/clip/1", usd("0.80"));
        Budget repeated = ledger.commit("s-commit", "shot-1/clip/1", usd("0.80"));

        // then
        assertThat(repeated.spentUsd()).isEqualByComparingTo("0.80");
        assertThat(repeated.reservedUsd()).isEqualByComparingTo("0");
        assertThat(repeated.availableUsd()).isEqualByComparingTo("2.20");
        assertThat(repeated.overspent()).isFalse();
        assertThat(repeated.reservation("shot-1/clip/1")).get()
                .extracting(Reservation::state, Reservation::actualUsd)
                .containsExactly(ReservationState.COMMITTED, new BigDecimal("0.8"));
    }

    @Test
    void commit_shouldRecordTheBillAndFlagOverspend_whenTheVendorBilledMoreThanWasLeft() {
        // given
        BudgetLedger ledger = ledger();
        ledger.open("s-overspend", usd("1.00"));
        ledger.reserve("s-overspend", "shot-1/clip/1", usd("0.60"));
        ledger.reserve("s-overspend", "shot-2/clip/1", usd("0.40"));

        // when
        Budget billed = ledger.commit("s-overspend", "shot-1/clip/1", usd("0.90"));

        // then
        assertThat(billed.spentUsd()).isEqualByComparingTo("0.90");
        assertThat(billed.availableUsd()).isEqualByComparingTo("-0.30");
        assertThat(billed.overspent()).isTrue();
        assertThat(ledger.get("s-overspend").overspent()).isTrue();
        assertThatThrownBy(() -> ledger.reserve("s-overspend", "shot-3/clip/1", BigDecimal.ZERO))
                .isInstanceOf(BudgetExhaustedException.class);
    }

    @Test
    void release_shouldReturnTheEstimateOnce_andNeverUndoACommit() {
        // given
        BudgetLedger ledger = ledger();
        ledger.open("s-release", usd("1.00"));
        ledger.reserve("s-release", "shot-1/clip/1", usd("0.30"));
        ledger.reserve("s-release", "shot-2/clip/1", usd("0.30"));
        ledger.commit("s-release", "shot-2/clip/1", usd("0.30"));

        // when
        ledger.release("s-release", "shot-1/clip/1");
        ledger.release("s-release", "shot-1/clip/1");
        ledger.release("s-release", "shot-2/clip/1");
        Budget budget = ledger.release("s-release", "never-reserved");

        // then
        assertThat(budget.reservedUsd()).isEqualByComparingTo("0");
        assertThat(budget.spentUsd()).isEqualByComparingTo("0.30");
        assertThat(budget.availableUsd()).isEqualByComparingTo("0.70");
        assertThat(budget.reservation("shot-1/clip/1")).get()
                .extracting(Reservation::state).isEqualTo(ReservationState.RELEASED);
        assertThat(budget.reservation("never-reserved")).isEmpty();
    }

    @Test
    void commit_shouldStillRecordTheBill_whenTheReservationWasReleasedBeforeTheVendorBilled() {
        // given
        BudgetLedger ledger = ledger();
        ledger.open("s-late-bill", usd("1.00"));
        ledger.reserve("s-late-bill", "shot-1/clip/1", usd("0.50"));
        ledger.release("s-late-bill", "shot-1/clip/1");

        // when
        Budget billed = ledger.commit("s-late-bill", "shot-1/clip/1", usd("0.50"));

        // then
        assertThat(billed.spentUsd()).isEqualByComparingTo("0.50");
        assertThat(billed.reservedUsd()).isEqualByComparingTo("0");
        assertThat(billed.availableUsd()).isEqualByComparingTo("0.50");
    }

    @Test
    void reserve_shouldFailClearly_whenTheBudgetWasNeverOpened() {
        // when / then
        assertThatThrownBy(() -> ledger().reserve("s-missing", "shot-1/clip/1", usd("0.10")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("budget of session s-missing is not open");
    }

    @Test
    void reserve_shouldGrantExactlyWhatFits_whenEightThreadsReserveTwentyEachAtOnce() throws Exception {
        // given: 0.35 USD per call, 37 calls fit in 12.95 USD, 160 are attempted
        BudgetLedger ledger = ledger();
        ledger.open("s-race", usd("12.95"));
        AtomicInteger granted = new AtomicInteger();
        AtomicBoolean exceeded = new AtomicBoolean();

        // when
        List<Integer> perThread = Concurrently.run(8, thread -> () -> {
            int mine = 0;
            for (int i = 0; i < 20; i++) {
                String id = "t" + thread + "/call-" + i;
                try {
                    ledger.reserve("s-race", id, usd("0.35"));
                } catch (BudgetExhaustedException refused) {
                    continue;
                }
                mine++;
                granted.incrementAndGet();
                // every other call is billed at its estimate, so reserved and spent both move while others reserve
                if (i % 2 == 0) {
                    ledger.commit("s-race", id, usd("0.35"));
                }
                Budget seen = ledger.get("s-race");
                if (seen.spentUsd().add(seen.reservedUsd()).compareTo(seen.limitUsd()) > 0) {
                    exceeded.set(true);
                }
            }
            return mine;
        });

        // then
        Budget end = ledger.get("s-race");
        assertThat(granted.get()).isEqualTo(37);
        assertThat(perThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(37);
        assertThat(exceeded).isFalse();
        assertThat(end.spentUsd().add(end.reservedUsd())).isEqualByComparingTo("12.95");
        assertThat(end.availableUsd()).isEqualByComparingTo("0");
        assertThat(end.reservations()).hasSize(37);
    }

    private BudgetLedger ledger() {
        return new BudgetLedger(StoreEmulators.dynamoDb(), table, clock);
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}
