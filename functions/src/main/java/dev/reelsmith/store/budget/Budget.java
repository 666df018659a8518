package dev.reelsmith.store.budget;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's spending ledger as stored in {@code SESSION#<id>}/{@code BUDGET}: the limit, what running calls
 * have reserved, what vendors have billed, and every reservation by id.
 *
 * @param sessionId    the session
 * @param limitUsd     the most the session may spend; never negative
 * @param reservedUsd  estimates of calls in flight; never negative
 * @param spentUsd     what vendors billed; never negative, may exceed the limit (see {@code overspent})
 * @param overspent    true once a bill exceeded what the budget had left; no reservation succeeds while
 *                     {@link #availableUsd()} is negative
 * @param reservations every reservation by id
 */
public record Budget(String sessionId, BigDecimal limitUsd, BigDecimal reservedUsd, BigDecimal spentUsd,
                     boolean overspent, Map<String, Reservation> reservations) {
    public Budget {
        Amounts.requireId(sessionId, "sessionId");
        Amounts.notNegative(limitUsd, "limitUsd");
        Amounts.notNegative(reservedUsd, "reservedUsd");
        Amounts.notNegative(spentUsd, "spentUsd");
        Objects.requireNonNull(reservations, "reservations must not be null");
        reservations = Map.copyOf(reservations);
    }

    /** What new reservations may still claim: limit − spent − reserved; negative after an overspend. */
    public BigDecimal availableUsd() {
        return limitUsd.subtract(spentUsd).subtract(reservedUsd);
    }

    /** The reservation with this id, if there is one. */
    public Optional<Reservation> reservation(String reservationId) {
        return Optional.ofNullable(reservations.get(reservationId));
    }
}
