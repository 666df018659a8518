package dev.reelsmith.store.vendors;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a vendor's circuit breaker as stored in {@code VENDOR#<provider>}/{@code BREAKER}, with the
 * transitions between versions as pure functions: {@link CircuitBreaker} reads a version, applies a transition
 * and writes the result only if nobody wrote a newer version meanwhile.
 *
 * <p>Transitions: CLOSED → OPEN after {@code failureThreshold} consecutive failures whose first falls within
 * {@code failureWindow}; OPEN → HALF_OPEN for one probe once {@code coolDown} has passed; HALF_OPEN → CLOSED on a
 * success, → OPEN on a failure. A success while CLOSED ends the failure streak.
 *
 * @param state            where the breaker stands
 * @param version          0 for a breaker never written, then +1 on every transition
 * @param failures         consecutive failures in the current streak (kept when the breaker opens, for reports)
 * @param streakStartedAt  when the current streak's first failure happened; null without a streak
 * @param openedAt         when the breaker last opened; null when it never did
 * @param probeOwner       who holds the probe while HALF_OPEN; null otherwise
 * @param probeExpiresAt   when that probe lapses and another caller may probe; null unless HALF_OPEN
 */
public record BreakerState(CircuitState state, long version, int failures, Instant streakStartedAt,
                           Instant openedAt, String probeOwner, Instant probeExpiresAt) {
    public BreakerState {
        Objects.requireNonNull(state, "state must not be null");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative, was " + failures);
        }
        if (state == CircuitState.OPEN && openedAt == null) {
            throw new IllegalArgumentException("openedAt must not be null when state is OPEN");
        }
        if (state == CircuitState.HALF_OPEN && (probeOwner == null || probeExpiresAt == null)) {
            throw new IllegalArgumentException("probeOwner and probeExpiresAt must not be null when state is "
                    + "HALF_OPEN");
        }
    }

    /** The breaker of a vendor nothing has been recorded for. */
    public static BreakerState initial() {
        return new BreakerState(CircuitState.CLOSED, 0, 0, null, null, null, null);
    }

    /** The state after a call failed with a transient error or throttling at {@code now}. */
    public BreakerState afterFailure(Instant now, VendorPolicy policy) {
        return switch (state) {
            case CLOSED -> {
                boolean newStreak = failures == 0 || streakStartedAt == null
                        || !now.isBefore(streakStartedAt.plus(policy.failureWindow()));
                int count = newStreak ? 1 : failures + 1;
                Instant start = newStreak ? now : streakStartedAt;
                yield count >= policy.failureThreshold()
                        ? new BreakerState(CircuitState.OPEN, version + 1, count, start, now, null, null)
                        : new BreakerState(CircuitState.CLOSED, version + 1, count, start, openedAt, null, null);
            }
            // the probe (or any call let through while probing) failed: back to a full cool-down
            case HALF_OPEN -> new BreakerState(CircuitState.OPEN, version + 1, failures + 1, streakStartedAt, now,
                    null, null);
            // calls started before the breaker opened keep failing; they must not extend the cool-down
            case OPEN -> this;
        };
    }

    /** The state after a call got a deliberate answer from the vendor. */
    public BreakerState afterSuccess() {
        return switch (state) {
            case CLOSED -> failures == 0 ? this
                    : new BreakerState(CircuitState.CLOSED, version + 1, 0, null, openedAt, null, null);
            case HALF_OPEN -> new BreakerState(CircuitState.CLOSED, version + 1, 0, null, openedAt, null, null);
            // a late success of a call started before opening does not prove the vendor recovered; the probe does
            case OPEN -> this;
        };
    }

    /** The state with {@code owner} holding the probe until {@code until}. */
    public BreakerState probing(String owner, Instant until) {
        return new BreakerState(CircuitState.HALF_OPEN, version + 1, failures, streakStartedAt, openedAt, owner,
                until);
    }

    /** When an OPEN breaker lets its first probe through. */
    public Instant probeAllowedAt(VendorPolicy policy) {
        if (state != CircuitState.OPEN) {
            throw new IllegalStateException("only an OPEN breaker waits for a probe, this one is " + state);
        }
        return openedAt.plus(policy.coolDown());
    }
}
