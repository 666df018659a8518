package dev.reelsmith.store.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One paid call's claim on a session's budget.
 *
 * @param id          the caller's deterministic reservation id, e.g. {@code <shotId>/clip/<attempt>}
 * @param state       where it stands
 * @param estimateUsd what was reserved; never negative
 * @param actualUsd   what the vendor billed; set exactly when {@link ReservationState#COMMITTED}
 */
public record Reservation(String id, ReservationState state, BigDecimal estimateUsd, BigDecimal actualUsd) {
    public Reservation {
        Amounts.requireId(id, "id");
        Objects.requireNonNull(state, "state must not be null");
        Amounts.notNegative(estimateUsd, "estimateUsd");
        if (state == ReservationState.COMMITTED) {
            Amounts.notNegative(actualUsd, "actualUsd");
        } else if (actualUsd != null) {
            throw new IllegalArgumentException("actualUsd must be null when state is " + state + ", was "
                    + actualUsd.toPlainString());
        }
    }
}
