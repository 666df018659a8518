package dev.reelsmith.providers;

import dev.reelsmith.domain.AspectRatio;
import java.nio.file.Path;
import java.util.List;

/**
 * One keyframe to generate, as the GenerateKeyframe step asks for it: the prompt and seed from the shot plan,
 * the pixel size the tool catalog chose for the run's aspect ratio, continuity reference images, the shot's
 * {@link FrameContext}, and where to write the image.
 *
 * <p>The caller chooses {@code output} (a local working path the step later uploads), so every provider
 * writes to a known place and re-running the step overwrites rather than accumulates files.
 *
 * @param prompt          what to draw; never blank
 * @param negativePrompt  what to avoid; null when the plan has none (providers without support ignore it)
 * @param seed            the shot's consistency seed; same seed and request give the same image where the
 *                        provider supports seeding
 * @param width           pixel width, 64–8192
 * @param height          pixel height, 64–8192
 * @param aspect          the delivery aspect ratio the image is framed for
 * @param referenceImages local images to stay consistent with (product, character); may be empty
 * @param frame           the shot this keyframe illustrates
 * @param output          where to write the image; parent directories are created
 */
public record ImageRequest(String prompt, String negativePrompt, long seed, int width, int height,
                          AspectRatio aspect, List<Path> referenceImages, FrameContext frame, Path output) {
    public ImageRequest {
        Checks.notBlank(prompt, "prompt");
        negativePrompt = Checks.blankToNull(negativePrompt);
        Checks.between(width, 64, 8192, "width");
        Checks.between(height, 64, 8192, "height");
        Checks.notNull(aspect, "aspect");
        referenceImages = Checks.paths(referenceImages, "referenceImages");
        Checks.notNull(frame, "frame");
        Checks.notNull(output, "output");
    }
}
