package dev.reelsmith.providers;

import java.nio.file.Path;

/**
 * A started clip job: what the GenerateClip start task returns into the execution state and what every poll
 * passes back. It is small and serialisable on purpose (state payloads are capped), and carries everything
 * a poll needs without the original request.
 *
 * @param providerId      the provider that accepted the job; polls go to the same provider
 * @param modelId         the model generating the clip
 * @param jobId           the vendor's own id for the job (task id, generation id, operation name, …)
 * @param output          where the clip is written when the job succeeds
 * @param durationSeconds the clip length requested, so a poll can price the result
 */
public record VideoJob(String providerId, String modelId, String jobId, Path output, double durationSeconds) {
    public VideoJob {
        Checks.notBlank(providerId, "providerId");
        Checks.notBlank(modelId, "modelId");
        Checks.notBlank(jobId, "jobId");
        Checks.notNull(output, "output");
        if (!(durationSeconds > 0 && durationSeconds <= 60)) {
            throw new IllegalArgumentException("durationSeconds must be more than 0 and at most 60, was "
                    + Checks.plain(durationSeconds));
        }
    }
}
