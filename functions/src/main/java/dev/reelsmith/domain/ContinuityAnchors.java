package dev.reelsmith.domain;

import java.util.List;

/**
 * What keeps shots looking like one video: the same seed, the same description of the product or character, the
 * same palette and style words in every prompt. Null lists mean empty.
 *
 * @param seed          consistency seed, 0 to 4294967295 (the range image and video providers accept)
 * @param subject       how the product or main character looks, repeated in every prompt, or null (up to 1,000
 *                      characters)
 * @param palette       colours as {@code #RRGGBB}, dominant first (at most 8)
 * @param styleKeywords style words added to every prompt (at most 20, each 1-60 characters)
 */
public record ContinuityAnchors(long seed, String subject, List<String> palette, List<String> styleKeywords) {
    public static final long MAX_SEED = 4_294_967_295L;
    public static final int MAX_SUBJECT_LENGTH = 1000;

    public ContinuityAnchors {
        FieldRules rules = FieldRules.under("continuity");
        rules.longBetween("seed", seed, 0, MAX_SEED);
        rules.optionalText("subject", subject, MAX_SUBJECT_LENGTH);
        palette = rules.hexColors("palette", palette, 8);
        styleKeywords = rules.texts("styleKeywords", styleKeywords, 20, 60);
    }
}
