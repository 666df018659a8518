package dev.reelsmith.local.asl.definition;

import java.util.List;

/**
 * One element of a {@code Retry} array, defaults applied: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0, no
 * MaxDelaySeconds cap, JitterStrategy NONE.
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, JitterStrategy jitterStrategy) {

    /** {@code JitterStrategy}: FULL waits a random time between 0 and the computed interval. */
    public enum JitterStrategy { FULL, NONE }

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
        if (errorEquals.isEmpty()) {
            throw new IllegalArgumentException("errorEquals must not be empty");
        }
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("intervalSeconds must be at least 1, was " + intervalSeconds);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative, was " + maxAttempts);
        }
        if (backoffRate < 1.0) {
            throw new IllegalArgumentException("backoffRate must be at least 1.0, was " + backoffRate);
        }
        if (maxDelaySeconds != null && maxDelaySeconds < 1) {
            throw new IllegalArgumentException("maxDelaySeconds must be at least 1, was " + maxDelaySeconds);
        }
    }

    /**
     * The wait before retry number {@code retriesSoFar + 1}, in seconds, before jitter:
     * {@code IntervalSeconds * BackoffRate^retriesSoFar}, capped at MaxDelaySeconds.
     */
    public double delaySeconds(int retriesSoFar) {
        double delay = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        return maxDelaySeconds == null ? delay : Math.min(delay, maxDelaySeconds);
    }
}
