package dev.reelsmith.media.analysis;

import dev.reelsmith.domain.Analysis;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EBU R128 measurements of a whole file, as ffmpeg's {@code ebur128=peak=true} filter reports them in the
 * summary it logs at the end of a run. ffmpeg's meter implements ITU-R BS.1770-4 (K-weighting, 400 ms
 * blocks, absolute -70 LUFS and relative -10 LU gates; LRA per EBU Tech 3342; 4x oversampled true peak),
 * so the analyzer does not reimplement it. The meter reads 0 LUFS for a full-scale 997 Hz sine on both
 * stereo channels (-3.01 LUFS on one, BS.1770's calibration point).
 *
 * @param integratedLufs integrated loudness; {@link Analysis#SILENCE_LUFS} for silence
 * @param rangeLu        loudness range
 * @param truePeakDbtp   true peak over all channels; {@link Analysis#SILENCE_DBTP} for digital silence
 */
record Loudness(double integratedLufs, double rangeLu, double truePeakDbtp) {
    private static final Pattern INTEGRATED = Pattern.compile("^\\s*I:\\s+(\\S+)\\s+LUFS\\s*$", Pattern.MULTILINE);
    private static final Pattern RANGE = Pattern.compile("^\\s*LRA:\\s+(\\S+)\\s+LU\\s*$", Pattern.MULTILINE);
    private static final Pattern PEAK = Pattern.compile("^\\s*Peak:\\s+(\\S+)\\s+dBFS\\s*$", Pattern.MULTILINE);

    /**
     * Reads the last summary in an ffmpeg log.
     *
     * @throws IllegalArgumentException when the log holds no complete summary (the filter did not run)
     */
    static Loudness fromEbur128Log(String log) {
        int summary = log.lastIndexOf("Summary:");
        if (summary < 0) {
            throw new IllegalArgumentException("ffmpeg's log has no ebur128 summary");
        }
        String text = log.substring(summary);
        double integrated = value(INTEGRATED, text, "integrated loudness");
        double range = value(RANGE, text, "loudness range");
        double peak = value(PEAK, text, "true peak");
        return new Loudness(
                Math.max(Analysis.SILENCE_LUFS, Math.min(10, integrated)),
                Double.isFinite(range) ? Math.max(0, range) : 0,
                Math.max(Analysis.SILENCE_DBTP, Math.min(30, peak)));
    }

    private static double value(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("ffmpeg's ebur128 summary has no " + what);
        }
        String number = matcher.group(1);
        return switch (number) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ffmpeg's ebur128 summary has an unreadable " + what
                            + ": " + number, e);
                }
            }
        };
    }
}
