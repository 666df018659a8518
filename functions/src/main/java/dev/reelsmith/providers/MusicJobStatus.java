package dev.reelsmith.providers;

import java.nio.file.Path;

/**
 * One answer to {@link MusicModel#poll}: where the music job stands and what the state machine does next.
 * While {@link JobState#PENDING} or {@link JobState#RUNNING} it carries only {@code nextPollSeconds} (the Wait
 * state's delay); once {@link JobState#SUCCEEDED} the music bed has been copied to {@code output} (vendor URLs
 * expire, so the poll that observes success downloads) and {@code cost} says what was billed; a
 * {@link JobState#FAILED} job carries the vendor's reason.
 *
 * @param state           where the job stands
 * @param output          the written audio file; set exactly when SUCCEEDED
 * @param failureReason   the vendor's reason; required when FAILED, optional when CANCELLED, otherwise null
 * @param nextPollSeconds suggested delay before the next poll, 1–3600 while PENDING or RUNNING, else 0
 * @param cost            what was billed; required when SUCCEEDED, optional when FAILED or CANCELLED (some
 *                        vendors bill failed jobs), null while the job runs
 */
public record MusicJobStatus(JobState state, Path output, String failureReason, int nextPollSeconds, Cost cost) {
    public MusicJobStatus {
        JobStatusRules.check(state, output, failureReason, nextPollSeconds, cost);
    }

    public static MusicJobStatus pending(int nextPollSeconds) {
        return new MusicJobStatus(JobState.PENDING, null, null, nextPollSeconds, null);
    }

    public static MusicJobStatus running(int nextPollSeconds) {
        return new MusicJobStatus(JobState.RUNNING, null, null, nextPollSeconds, null);
    }

    public static MusicJobStatus succeeded(Path output, Cost cost) {
        return new MusicJobStatus(JobState.SUCCEEDED, output, null, 0, cost);
    }

    public static MusicJobStatus failed(String failureReason) {
        return new MusicJobStatus(JobState.FAILED, null, failureReason, 0, null);
    }

    public static MusicJobStatus cancelled(String reason) {
        return new MusicJobStatus(JobState.CANCELLED, null, reason, 0, null);
    }
}
