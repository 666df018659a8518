package dev.reelsmith.media.render;

import java.time.Duration;

/**
 * Encoder settings for a render.
 *
 * @param preset        libx264 preset (speed/size trade-off); {@code veryfast} by default
 * @param crf           libx264 constant rate factor, 0-51 (lower is better); 20 by default
 * @param audioBitrateK AAC bit rate in kbit/s
 * @param supersample   factor stills are enlarged by before camera moves, so motion stays smooth (1.0-3.0)
 * @param timeout       hard limit for the FFmpeg process
 */
public record RenderOptions(String preset, int crf, int audioBitrateK, double supersample, Duration timeout) {
    private static final java.util.Set<String> PRESETS = java.util.Set.of("ultrafast", "superfast", "veryfast",
            "faster", "fast", "medium", "slow", "slower", "veryslow");

    public RenderOptions {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset must be one of " + PRESETS + ", was " + preset);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be between 0 and 51, was " + crf);
        }
        if (audioBitrateK < 32 || audioBitrateK > 512) {
            throw new IllegalArgumentException("audioBitrateK must be between 32 and 512, was " + audioBitrateK);
        }
        if (!(supersample >= 1.0 && supersample <= 3.0)) {
            throw new IllegalArgumentException("supersample must be between 1.0 and 3.0, was " + supersample);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** Defaults for delivery: good quality at better than realtime on two cores. */
    public static RenderOptions defaults() {
        return new RenderOptions("veryfast", 20, 192, 1.0, Duration.ofMinutes(30));
    }

    public RenderOptions withTimeout(Duration t) {
        return new RenderOptions(preset, crf, audioBitrateK, supersample, t);
    }
}
