package dev.reelsmith.providers;

import java.nio.file.Path;

/**
 * The consistency rules {@link VideoJobStatus} and {@link MusicJobStatus} share: which fields a status must
 * and must not carry in each {@link JobState}, so a poll step can trust what it reads without re-checking.
 */
final class JobStatusRules {
    /** Upper bound for a suggested poll delay; the ASL Wait state takes it as whole seconds. */
    static final int MAX_POLL_SECONDS = 3600;

    private JobStatusRules() {
    }

    static void check(JobState state, Path output, String failureReason, int nextPollSeconds, Cost cost) {
        Checks.notNull(state, "state");
        switch (state) {
            case PENDING, RUNNING -> {
                if (nextPollSeconds < 1 || nextPollSeconds > MAX_POLL_SECONDS) {
                    throw new IllegalArgumentException("nextPollSeconds must be between 1 and " + MAX_POLL_SECONDS
                            + " when state is " + state + ", was " + nextPollSeconds);
                }
                mustBeAbsent(output, "output", state);
                mustBeAbsent(cost, "cost", state);
                mustBeAbsent(failureReason, "failureReason", state);
            }
            case SUCCEEDED -> {
                mustBePresent(output, "output", state);
                mustBePresent(cost, "cost", state);
                mustBeAbsent(failureReason, "failureReason", state);
                noPoll(nextPollSeconds, state);
            }
            case FAILED -> {
                if (failureReason == null || failureReason.isBlank()) {
                    throw new IllegalArgumentException("failureReason must not be blank when state is " + state);
                }
                mustBeAbsent(output, "output", state);
                noPoll(nextPollSeconds, state);
            }
            case CANCELLED -> {
                mustBeAbsent(output, "output", state);
                noPoll(nextPollSeconds, state);
            }
        }
    }

    private static void mustBePresent(Object value, String name, JobState state) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null when state is " + state);
        }
    }

    private static void mustBeAbsent(Object value, String name, JobState state) {
        if (value != null) {
            throw new IllegalArgumentException(name + " must be null when state is " + state + ", was " + value);
        }
    }

    private static void noPoll(int nextPollSeconds, JobState state) {
        if (nextPollSeconds != 0) {
            throw new IllegalArgumentException("nextPollSeconds must be 0 when state is " + state
                    + ", was " + nextPollSeconds);
        }
    }
}
