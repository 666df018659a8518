package dev.reelsmith.store.vendors;

import dev.reelsmith.providers.CircuitOpenException;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;

/** What a vendor call's result says about the vendor's health, for the circuit breaker. */
public enum CallOutcome {
    /** The vendor answered deliberately: a result, a content rejection or an invalid-request refusal. */
    HEALTHY,
    /** The vendor failed transiently (5xx, timeout) or throttled us: counts towards opening the breaker. */
    FAILED,
    /** Says nothing about the vendor (quota, missing configuration, our own errors): the breaker ignores it. */
    NEUTRAL;

    /**
     * Classifies a call's exception; {@code null} (no exception) is {@link #HEALTHY}.
     *
     * <p>Do not pass the {@link ThrottledException} of our own {@link ConcurrencyLimiter}: that call never reached
     * the vendor. {@link VendorGuard#call} never does.
     */
    public static CallOutcome of(Throwable failure) {
        if (failure == null || failure instanceof ContentRejectedException
                || failure instanceof InvalidRequestException) {
            return HEALTHY;
        }
        if (failure instanceof CircuitOpenException) {
            return NEUTRAL;
        }
        if (failure instanceof TransientVendorException || failure instanceof ThrottledException) {
            return FAILED;
        }
        return NEUTRAL;
    }
}
