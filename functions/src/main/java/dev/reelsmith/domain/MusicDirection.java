package dev.reelsmith.domain;

/**
 * What a brief asks of the soundtrack.
 *
 * @param genre    e.g. "synthwave" (1-60 characters)
 * @param mood     e.g. "uplifting", or null
 * @param tempoBpm a tempo hint in beats per minute (40-240), or null to let the music decide
 */
public record MusicDirection(String genre, String mood, Integer tempoBpm) {
    public static final int MAX_GENRE_LENGTH = 60;
    public static final int MAX_MOOD_LENGTH = 100;

    public MusicDirection {
        FieldRules rules = FieldRules.under("music");
        rules.requiredText("genre", genre, MAX_GENRE_LENGTH);
        rules.optionalText("mood", mood, MAX_MOOD_LENGTH);
        if (tempoBpm != null) {
            rules.between("tempoBpm", tempoBpm, 40, 240);
        }
    }
}
