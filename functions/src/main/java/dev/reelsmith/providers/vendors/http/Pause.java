package dev.reelsmith.providers.vendors.http;

import dev.reelsmith.providers.TransientVendorException;
import java.time.Duration;

/**
 * How an adapter waits between the few polls it makes inside one synchronous call (image vendors whose API is a
 * task, bounded by a short limit; clip jobs never wait inside Java). Tests pass a pause that returns at once.
 */
@FunctionalInterface
public interface Pause {
    /** Waits {@code delay}. */
    void pause(Duration delay);

    /** Sleeps the calling thread; an interrupt ends the wait as a transient failure of {@code providerId}. */
    static Pause sleeping(String providerId) {
        return delay -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientVendorException(providerId, "interrupted while waiting for the job", e);
            }
        };
    }

    /** Returns at once: for tests, and for callers that poll from outside. */
    static Pause none() {
        return delay -> {
        };
    }
}
