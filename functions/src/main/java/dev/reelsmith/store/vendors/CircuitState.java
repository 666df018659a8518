package dev.reelsmith.store.vendors;

/** Where a vendor's circuit breaker stands. */
public enum CircuitState {
    /** Calls go through; consecutive transient failures are counted. */
    CLOSED,
    /** Calls are refused until the cool-down has passed. */
    OPEN,
    /** One probe call is let through; its outcome closes or reopens the breaker. */
    HALF_OPEN
}
