package dev.reelsmith.providers;

import java.nio.file.Path;

/**
 * A started music job, as the music task returns it into the execution state and passes it back to every
 * poll. Small and serialisable; carries what a poll needs without the original request.
 *
 * @param providerId      the provider that accepted the job; polls go to the same provider
 * @param modelId         the model generating the music
 * @param jobId           the vendor's id for the job
 * @param output          where the audio file is written when the job succeeds
 * @param durationSeconds the length requested, so a poll can price the result
 */
public record MusicJob(String providerId, String modelId, String jobId, Path output, double durationSeconds) {
    public MusicJob {
        Checks.notBlank(providerId, "providerId");
        Checks.notBlank(modelId, "modelId");
        Checks.notBlank(jobId, "jobId");
        Checks.notNull(output, "output");
        Checks.between(durationSeconds, 1, 600, "durationSeconds");
    }
}
