package dev.reelsmith.media.render;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a render produced.
 *
 * @param video      the MP4
 * @param poster     the poster JPEG
 * @param frames     video frames written
 * @param durationSeconds duration the timeline asked for
 * @param wallTime   how long the render took
 */
public record RenderResult(Path video, Path poster, int frames, double durationSeconds, Duration wallTime) {
    /** Media seconds per wall-clock second: above 1 is faster than realtime. */
    public double realtimeFactor() {
        double wall = wallTime.toNanos() / 1e9;
        return wall <= 0 ? 0 : durationSeconds / wall;
    }
}
