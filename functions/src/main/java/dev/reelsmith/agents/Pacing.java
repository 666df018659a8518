package dev.reelsmith.agents;

import dev.reelsmith.domain.VideoKind;

/** The timing rules every planner and validator shares: frame rate, shot length limits, duration tolerances. */
public final class Pacing {
    /** The frame rate cuts are judged against ("within one frame"). */
    public static final int FPS = 30;
    /** One frame at {@link #FPS}. */
    public static final double FRAME_SECONDS = 1.0 / FPS;
    /** Shortest shot (and beat) in ads and explainers: shorter cuts do not read on a phone. */
    public static final double MIN_AD_SHOT_SECONDS = 1.5;
    /** Shortest shot (and beat) in music videos, which may cut on every other beat of a fast song. */
    public static final double MIN_MUSIC_SHOT_SECONDS = 1.0;
    /** Longest shot the planners aim for: most video models make clips of 8-10 s. */
    public static final double TARGET_MAX_SHOT_SECONDS = 8.0;
    /** Longest shot the validator accepts. */
    public static final double MAX_SHOT_SECONDS = 10.0;
    /** How far an ad or explainer script may miss its target length. */
    public static final double AD_DURATION_TOLERANCE_SECONDS = 0.5;
    /** How far a music-video script may miss the audio's length: effectively exact. */
    public static final double SONG_DURATION_TOLERANCE_SECONDS = 0.001;
    /** Speakable narration: words per second of beat, with one word of slack. */
    public static final double MAX_WORDS_PER_SECOND = 3.0;

    private Pacing() {
    }

    /** The shortest shot or beat allowed for a kind. */
    public static double minShotSeconds(VideoKind kind) {
        return kind == VideoKind.MUSIC_VIDEO ? MIN_MUSIC_SHOT_SECONDS : MIN_AD_SHOT_SECONDS;
    }

    /** Rounds seconds to whole milliseconds, so artifacts carry clean numbers. */
    public static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Words in a text: runs of non-whitespace, as a narrator would count them. */
    public static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.trim().split("[\\s]+").length;
    }
}
