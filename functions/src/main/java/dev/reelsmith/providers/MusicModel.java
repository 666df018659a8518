package dev.reelsmith.providers;

/**
 * Generates a music bed for briefs without a song, with the same asynchronous start → Wait → poll shape as
 * {@link VideoModel}: {@link #start} submits and returns at once, {@link #poll} reports progress and, on the
 * first observed success, copies the result to {@link MusicJob#output()}. Providers that render quickly may
 * finish inside {@code start}; their first poll then answers {@link JobState#SUCCEEDED}. {@code poll} must be
 * safe to repeat after success. One instance serves one model.
 */
public interface MusicModel {
    /** The provider, e.g. {@code "local"}; recorded with every asset and cost entry. */
    String providerId();

    /** The model within the provider, as the tool catalog names it. */
    String modelId();

    /** Submits the music job. */
    MusicJob start(MusicRequest request);

    /** Asks where a job stands; on success the audio is at {@code job.output()}. */
    MusicJobStatus poll(MusicJob job);
}
