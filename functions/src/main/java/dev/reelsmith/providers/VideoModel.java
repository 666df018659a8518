package dev.reelsmith.providers;

/**
 * Turns a keyframe into a clip, as an asynchronous job mapped onto the state machine's start → Wait → poll
 * loop: the GenerateClip start task calls {@link #start}, the Wait state sleeps
 * {@link VideoJobStatus#nextPollSeconds()}, the poll task calls {@link #poll} until the state is terminal.
 * Neither method blocks for the generation itself or sleeps; one instance serves one model.
 *
 * <p>Vendor outputs expire (one hour at several vendors), so the {@code poll} that first observes success
 * downloads the clip to {@link VideoJob#output()} before answering {@link JobState#SUCCEEDED}. Because every
 * event may arrive twice, {@code poll} must be safe to repeat after success.
 */
public interface VideoModel {
    /** The provider, e.g. {@code "local"}; recorded with every asset and cost entry. */
    String providerId();

    /** The model within the provider, as the tool catalog names it. */
    String modelId();

    /** Submits the clip job and returns at once with its id. */
    VideoJob start(VideoRequest request);

    /** Asks where a job stands; on success the clip is at {@code job.output()}. */
    VideoJobStatus poll(VideoJob job);
}
