package dev.reelsmith.domain;

/**
 * One beat of a {@link Script}: a stretch of the video with one purpose, what is said or shown, and the feeling.
 *
 * @param index           position in the script, from 0
 * @param purpose         what the beat is for (hook, chorus, cta, …)
 * @param startSeconds    where it starts on the video's timeline
 * @param durationSeconds how long it lasts (greater than 0, at most 600)
 * @param narration       voice-over, or null (up to 600 characters)
 * @param onScreenText    text overlaid on the picture, or null (up to 200 characters)
 * @param lyricLine       the lyric sung during the beat, or null (up to 500 characters)
 * @param visualIntent    what the viewer should see (1-1,000 characters); the shot planner starts from it
 * @param emotion         the feeling to land, e.g. "curiosity" (1-60 characters)
 * @param keyMessageIndex which of the brief's key messages the beat carries (from 0), or null
 * @param sectionLabel    the song section it is cut to, e.g. "chorus 2", or null (up to 60 characters)
 */
public record Beat(int index, BeatPurpose purpose, double startSeconds, double durationSeconds, String narration,
                   String onScreenText, String lyricLine, String visualIntent, String emotion,
                   Integer keyMessageIndex, String sectionLabel) {
    public static final int MAX_NARRATION_LENGTH = 600;
    public static final int MAX_ON_SCREEN_TEXT_LENGTH = 200;
    public static final int MAX_VISUAL_INTENT_LENGTH = 1000;

    public Beat {
        if (index < 0) {
            throw new InvalidFieldException("index", "minimum", "beat index must be >= 0, was " + index);
        }
        FieldRules rules = FieldRules.labelled("beat " + index);
        rules.required("purpose", purpose, "e.g. hook, verse, cta");
        rules.notNegative("startSeconds", startSeconds);
        rules.positiveAtMost("durationSeconds", durationSeconds, 600);
        rules.optionalText("narration", narration, MAX_NARRATION_LENGTH);
        rules.optionalText("onScreenText", onScreenText, MAX_ON_SCREEN_TEXT_LENGTH);
        rules.optionalText("lyricLine", lyricLine, LyricLine.MAX_TEXT_LENGTH);
        rules.requiredText("visualIntent", visualIntent, MAX_VISUAL_INTENT_LENGTH);
        rules.requiredText("emotion", emotion, 60);
        if (keyMessageIndex != null) {
            rules.index("keyMessageIndex", keyMessageIndex);
        }
        rules.optionalText("sectionLabel", sectionLabel, 60);
    }

    /** Where the beat ends: {@code startSeconds + durationSeconds}. */
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
