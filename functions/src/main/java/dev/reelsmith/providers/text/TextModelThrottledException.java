package dev.reelsmith.providers.text;

import java.util.OptionalLong;

/**
 * Thrown when the vendor rejected a call because the account sent too much too fast (HTTP 429
 * {@code rate_limit_exceeded}, Bedrock {@code ThrottlingException}). Transient: retry after a back-off, no sooner
 * than {@link #retryAfterSeconds()} when the vendor said how long to wait.
 */
public class TextModelThrottledException extends TextModelException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** Throttled without a hint of how long to wait. */
    public TextModelThrottledException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = -1;
    }

    /**
     * Throttled, and the vendor asked to wait {@code retryAfterSeconds} (a {@code Retry-After} header).
     *
     * @param retryAfterSeconds at least 0
     */
    public TextModelThrottledException(String message, long retryAfterSeconds, Throwable cause) {
        super(message + " (retry after " + retryAfterSeconds + " s)", cause);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the vendor asked to wait, in whole seconds (rounded up), when it said so. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
