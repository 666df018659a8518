package dev.reelsmith.media.ffmpeg;

import java.time.Duration;

/**
 * One progress report parsed from {@code -progress pipe:1}.
 *
 * @param frame  frames written so far
 * @param outTime media time written so far
 * @param speed  encoding speed as a multiple of realtime (0 when ffmpeg has not reported one yet)
 * @param done   true on the final report ({@code progress=end})
 */
public record Progress(long frame, Duration outTime, double speed, boolean done) {
    /** Fraction of {@code total} written, clamped to [0, 1]. */
    public double fractionOf(Duration total) {
        if (done) {
            return 1.0;
        }
        if (total.isZero() || total.isNegative()) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, (double) outTime.toMillis() / total.toMillis()));
    }
}
