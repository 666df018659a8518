package dev.reelsmith.store.budget;

import java.math.BigDecimal;

/**
 * Thrown when a reservation does not fit in a session's budget: spent + reserved + the estimate would exceed the
 * limit (or an earlier bill already overspent it). Terminal: retrying cannot make room, so the state machine ends
 * the paid path (cheaper alternatives or the run's failure report) instead of retrying.
 */
public class BudgetExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final String reservationId;
    private final BigDecimal requestedUsd;
    private final BigDecimal limitUsd;
    private final BigDecimal spentUsd;
    private final BigDecimal reservedUsd;

    public BudgetExhaustedException(String sessionId, String reservationId, BigDecimal requestedUsd,
                                    BigDecimal limitUsd, BigDecimal spentUsd, BigDecimal reservedUsd) {
        super("budget of session " + sessionId + " cannot cover reservation " + reservationId + " of "
                + Amounts.plain(requestedUsd) + " USD: limit " + Amounts.plain(limitUsd) + " USD, spent "
                + Amounts.plain(spentUsd) + " USD, reserved " + Amounts.plain(reservedUsd) + " USD, left "
                + Amounts.plain(limitUsd.subtract(spentUsd).subtract(reservedUsd)) + " USD");
        this.sessionId = sessionId;
        this.reservationId = reservationId;
        this.requestedUsd = requestedUsd;
        this.limitUsd = limitUsd;
        this.spentUsd = spentUsd;
        this.reservedUsd = reservedUsd;
    }

    public String sessionId() {
        return sessionId;
    }

    public String reservationId() {
        return reservationId;
    }

    /** The estimate that did not fit. */
    public BigDecimal requestedUsd() {
        return requestedUsd;
    }

    public BigDecimal limitUsd() {
        return limitUsd;
    }

    public BigDecimal spentUsd() {
        return spentUsd;
    }

    public BigDecimal reservedUsd() {
        return reservedUsd;
    }
}
