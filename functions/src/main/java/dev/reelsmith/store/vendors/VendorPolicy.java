package dev.reelsmith.store.vendors;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard Reelsmith may lean on one vendor, shared by every Lambda through {@link VendorGuard}: how many calls
 * or jobs may run at once, how long a slot is leased before a crashed holder loses it, and when the circuit
 * breaker opens and probes again.
 *
 * @param maxConcurrent    concurrency slots, 1–1000: at most this many calls or jobs in flight at once
 * @param slotLease        how long an acquired slot stays held without a renewal, 1 s–24 h; choose more than the
 *                         longest call (or the poll interval of a job that renews its lease on every poll)
 * @param failureThreshold consecutive transient failures or throttles that open the breaker, 1–1000
 * @param failureWindow    the failures must fall within this span from the first of them, 1 s–24 h
 * @param coolDown         how long an open breaker refuses calls before letting one probe through, 1 s–24 h
 * @param probeTimeout     how long a probe may take before another caller may probe instead, 1 s–24 h
 */
public record VendorPolicy(int maxConcurrent, Duration slotLease, int failureThreshold, Duration failureWindow,
                           Duration coolDown, Duration probeTimeout) {
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofHours(24);

    public VendorPolicy {
        between(maxConcurrent, 1, 1000, "maxConcurrent");
        between(slotLease, "slotLease");
        between(failureThreshold, 1, 1000, "failureThreshold");
        between(failureWindow, "failureWindow");
        between(coolDown, "coolDown");
        between(probeTimeout, "probeTimeout");
    }

    /**
     * A conservative policy for vendors nobody configured: 2 concurrent calls leased for 15 minutes (a clip job
     * renews its lease on every poll), open after 5 failures within 2 minutes, probe after 60 s, probes may take
     * 5 minutes.
     */
    public static VendorPolicy defaults() {
        return new VendorPolicy(2, Duration.ofMinutes(15), 5, Duration.ofMinutes(2), Duration.ofSeconds(60),
                Duration.ofMinutes(5));
    }

    /** This policy with another concurrency limit. */
    public VendorPolicy withMaxConcurrent(int value) {
        return new VendorPolicy(value, slotLease, failureThreshold, failureWindow, coolDown, probeTimeout);
    }

    private static void between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void between(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(name + " must be between PT1S and PT24H, was " + value);
        }
    }
}
