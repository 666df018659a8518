package dev.reelsmith.providers;

/**
 * Where an asynchronous generation job stands. Every vendor's own states map onto these five (queued,
 * dreaming, in_progress, THROTTLED, … are {@link #PENDING} or {@link #RUNNING}); the state machine's poll loop
 * waits while the state is not {@link #isTerminal() terminal}.
 */
public enum JobState {
    /** Accepted, not yet started (queued, throttled behind the concurrency limit). */
    PENDING,
    /** Being generated. */
    RUNNING,
    /** Finished; the output has been written to the job's output path. */
    SUCCEEDED,
    /** Finished without output; the status carries the vendor's reason. */
    FAILED,
    /** Stopped by us or by the vendor before finishing. */
    CANCELLED;

    /** True for the states a job never leaves: polling again would return the same answer. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
