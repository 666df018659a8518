package dev.reelsmith.providers;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import java.nio.file.Path;

/**
 * One clip to generate from a keyframe, as the GenerateClip step's start task asks for it. Vendors animate the
 * first frame (and, where supported, towards the last frame) following the prompt and camera move; adapters
 * round {@code durationSeconds} to what their model offers and say so in the cost.
 *
 * @param firstFrame      the keyframe the clip starts on
 * @param lastFrame       the frame to end on; null when the shot has none or the model cannot use one
 * @param prompt          the motion prompt; never blank
 * @param durationSeconds clip length, more than 0 and at most 60
 * @param aspect          the delivery aspect ratio
 * @param width           pixel width, 16–7680 and even (video encoders need even sizes)
 * @param height          pixel height, 16–7680 and even
 * @param cameraMovement  the camera move to perform
 * @param seed            the shot's consistency seed (ignored by vendors without seeds)
 * @param output          where the finished clip is to be written when the job succeeds
 */
public record VideoRequest(Path firstFrame, Path lastFrame, String prompt, double durationSeconds,
                           AspectRatio aspect, int width, int height, CameraMovement cameraMovement, long seed,
                           Path output) {
    public VideoRequest {
        Checks.notNull(firstFrame, "firstFrame");
        Checks.notBlank(prompt, "prompt");
        if (!(durationSeconds > 0 && durationSeconds <= 60)) {
            throw new IllegalArgumentException("durationSeconds must be more than 0 and at most 60, was "
                    + Checks.plain(durationSeconds));
        }
        Checks.notNull(aspect, "aspect");
        even(Checks.between(width, 16, 7680, "width"), "width");
        even(Checks.between(height, 16, 7680, "height"), "height");
        Checks.notNull(cameraMovement, "cameraMovement");
        Checks.notNull(output, "output");
    }

    private static void even(int value, String name) {
        if (value % 2 != 0) {
            throw new IllegalArgumentException(name + " must be even, was " + value);
        }
    }
}
