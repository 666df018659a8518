package dev.reelsmith.store.vendors;

/** How {@link CircuitBreaker#admit} let a call through. */
public enum Admission {
    /** The breaker is closed: an ordinary call. */
    REGULAR,
    /** The breaker is half-open and this call is its probe: its outcome closes or reopens the breaker. */
    PROBE
}
