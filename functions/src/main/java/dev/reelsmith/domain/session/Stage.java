package dev.reelsmith.domain.session;

import java.util.Locale;

/**
 * The pipeline's steps as a user sees them, each with the share of the progress bar it owns (the ad-generator
 * model: parsing 0–10 %, keyframes 10–50 %, clips 55–90 %, compose 90–100 %). A step reports progress inside its
 * range with {@link #percentAt(double)}.
 */
public enum Stage {
    ADMIT(0, 2, "checking the upload"),
    ANALYZE(2, 5, "analysing"),
    SCRIPT(5, 7, "writing the script"),
    SHOTS(7, 8, "planning shots"),
    PLAN(8, 9, "choosing tools"),
    BUDGET(9, 10, "checking the budget"),
    KEYFRAMES(10, 50, "generating keyframes"),
    REVIEW_IMAGES(50, 55, "waiting for keyframe review"),
    CLIPS(55, 90, "generating clips"),
    REVIEW_CLIPS(90, 90, "waiting for clip review"),
    COMPOSE(90, 98, "composing"),
    PUBLISH(98, 100, "publishing"),
    DONE(100, 100, "done");

    private final int from;
    private final int to;
    private final String description;

    Stage(int from, int to, String description) {
        this.from = from;
        this.to = to;
        this.description = description;
    }

    /** Progress when the stage starts. */
    public int startPercent() {
        return from;
    }

    /** Progress when the stage ends. */
    public int endPercent() {
        return to;
    }

    /** What the stage does, for progress bars, e.g. "generating clips". */
    public String description() {
        return description;
    }

    /** Progress {@code fraction} (clamped to 0–1) of the way through this stage, in whole percent. */
    public int percentAt(double fraction) {
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return (int) Math.floor(from + (to - from) * clamped);
    }

    /** The lower-case label used in the API and events, e.g. {@code review_images}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static Stage fromLabel(String label) {
        for (Stage stage : values()) {
            if (stage.label().equals(label)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("stage " + label + " is unknown");
    }
}
