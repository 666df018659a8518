package dev.reelsmith.providers;

import java.util.OptionalLong;

/**
 * Thrown when a vendor refused a call because the account sent too much too fast (HTTP 429, Bedrock
 * {@code ThrottlingException}) or our own shared concurrency limiter has no free slot. Transient: retry after
 * a back-off, no sooner than {@link #retryAfterSeconds()} when the vendor said how long to wait.
 */
public class ThrottledException extends VendorException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public ThrottledException(String providerId, String message, Throwable cause) {
        super(providerId, message, cause);
        this.retryAfterSeconds = -1;
    }

    /** @param retryAfterSeconds what the vendor's {@code Retry-After} asked for, at least 0 */
    public ThrottledException(String providerId, String message, long retryAfterSeconds, Throwable cause) {
        super(providerId, message + " (retry after " + retryAfterSeconds + " s)", cause);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the vendor asked to wait, in whole seconds, when it said so. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
