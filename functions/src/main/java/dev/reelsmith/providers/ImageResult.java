package dev.reelsmith.providers;

import java.nio.file.Path;

/**
 * A keyframe an {@link ImageModel} wrote, with what it cost and which model made it, for the asset record and
 * the run's cost report.
 *
 * @param file       the written image (the request's output path)
 * @param mimeType   e.g. {@code image/png}
 * @param width      actual pixel width (vendors may round the requested size)
 * @param height     actual pixel height
 * @param seed       the seed the provider actually used (vendors may substitute one for 0 or ignore seeds)
 * @param cost       what the call was billed
 * @param providerId e.g. {@code "local"}
 * @param modelId    the provider's model id
 */
public record ImageResult(Path file, String mimeType, int width, int height, long seed, Cost cost,
                          String providerId, String modelId) {
    public ImageResult {
        Checks.notNull(file, "file");
        Checks.notBlank(mimeType, "mimeType");
        Checks.between(width, 1, 65_535, "width");
        Checks.between(height, 1, 65_535, "height");
        Checks.notNull(cost, "cost");
        Checks.notBlank(providerId, "providerId");
        Checks.notBlank(modelId, "modelId");
    }
}
