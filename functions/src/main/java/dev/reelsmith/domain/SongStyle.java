package dev.reelsmith.domain;

import java.util.List;

/**
 * The visual direction a song sidecar gives for its whole video. Null lists mean empty; null aspect ratios
 * mean {@code [16:9]}.
 *
 * @param keywords     style keywords added to every keyframe prompt (at most 20, each 1-60 characters)
 * @param palette      colours as {@code #RRGGBB}, dominant first (at most 8)
 * @param aspectRatios shapes to deliver, distinct, the first is primary
 * @param seed         consistency seed (0 to 4294967295, the range providers accept), or null to derive one
 */
public record SongStyle(List<String> keywords, List<String> palette, List<AspectRatio> aspectRatios, Long seed) {
    public static final int MAX_KEYWORDS = 20;
    public static final int MAX_KEYWORD_LENGTH = 60;
    public static final int MAX_PALETTE = 8;
    public static final long MAX_SEED = 4_294_967_295L;

    /** No style given: no keywords, no palette, 16:9, derived seed. */
    public static final SongStyle DEFAULT = new SongStyle(null, null, null, null);

    public SongStyle {
        FieldRules rules = FieldRules.under("style");
        keywords = rules.texts("keywords", keywords, MAX_KEYWORDS, MAX_KEYWORD_LENGTH);
        palette = rules.hexColors("palette", palette, MAX_PALETTE);
        aspectRatios = rules.aspectRatios("aspectRatios", aspectRatios);
        if (seed != null) {
            rules.longBetween("seed", seed, 0, MAX_SEED);
        }
    }

    /** The shape the shots are composed for: the first of {@link #aspectRatios()}. */
    public AspectRatio primaryAspectRatio() {
        return aspectRatios.get(0);
    }
}
