package dev.reelsmith.providers;

/**
 * Thrown when the shared circuit breaker for a vendor is open: its recent calls kept failing with transient
 * errors or throttling, so new calls are refused without reaching it until a cool-down has passed and one probe
 * call has succeeded. Not retried against the same vendor; the pipeline falls back to the next alternative the
 * planner ranked. {@link #retryAfterSeconds()} says when the vendor may be tried again.
 */
public class CircuitOpenException extends VendorException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** @param retryAfterSeconds whole seconds until the breaker lets a probe through, at least 0 */
    public CircuitOpenException(String providerId, String message, long retryAfterSeconds) {
        super(providerId, message + " (retry after " + retryAfterSeconds + " s)", null);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the vendor may be probed again (0 when a probe may start now). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
