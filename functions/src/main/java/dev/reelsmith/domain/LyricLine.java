package dev.reelsmith.domain;

/**
 * One timed line of lyrics, read from LRC.
 *
 * @param startSeconds when the line starts, at least 0
 * @param endSeconds   when the next line (or an empty timestamp that ends this one) starts, or null for the last
 * @param text         the words, as written (1-500 characters)
 */
public record LyricLine(double startSeconds, Double endSeconds, String text) {
    public static final int MAX_TEXT_LENGTH = 500;

    public LyricLine {
        FieldRules rules = FieldRules.labelled("lyric line at " + startSeconds + " s");
        rules.notNegative("startSeconds", startSeconds);
        if (endSeconds != null && !(endSeconds > startSeconds && !endSeconds.isInfinite())) {
            throw rules.fail("endSeconds", "exclusiveMinimum", "must be after startSeconds " + startSeconds + ", was " + endSeconds);
        }
        rules.requiredText("text", text, MAX_TEXT_LENGTH);
    }
}
