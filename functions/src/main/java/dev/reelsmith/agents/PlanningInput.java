package dev.reelsmith.agents;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.VideoKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the planning chain needs about one run, whether it started from a brief or from a song: the kind,
 * a name for files, the brief (null for songs), the song (null for briefs), the shape to compose for and the
 * production constraints. Build it with {@link #ofBrief} or {@link #ofSong}.
 *
 * @param kind            ad, explainer or music video
 * @param name            the upload's base name, e.g. {@code sneaker-ad}; used for file names and seeds
 * @param brief           the brief, or null when the run started from a song
 * @param song            the analysed song, or null when the run started from a brief
 * @param aspectRatio     the primary shape the shots are composed for
 * @param budgetUsd       the most the run may spend (0 means the free local tools only)
 * @param deadlineMinutes the run should finish within this many minutes, or null
 * @param preferences     allowed/blocked providers, quality priority, whether to downgrade
 */
public record PlanningInput(VideoKind kind, String name, Brief brief, SongInput song, AspectRatio aspectRatio,
                            BigDecimal budgetUsd, Integer deadlineMinutes, ProviderPreferences preferences) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public PlanningInput {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-100 letters, digits, '.', '_' or '-', was " + name);
        }
        if (brief == null && song == null) {
            throw new IllegalArgumentException("a planning input needs a brief or a song");
        }
        if (brief != null && brief.kind() != kind) {
            throw new IllegalArgumentException("kind " + kind.label() + " does not match the brief's kind " + brief.kind().label());
        }
        if (song != null && kind != VideoKind.MUSIC_VIDEO) {
            throw new IllegalArgumentException("a song can only be planned as a music video, was " + kind.label());
        }
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        if (budgetUsd.signum() < 0) {
            throw new IllegalArgumentException("budgetUsd must be >= 0, was " + budgetUsd.toPlainString());
        }
        budgetUsd = budgetUsd.setScale(Math.max(2, budgetUsd.scale()), RoundingMode.UNNECESSARY);
        if (deadlineMinutes != null && (deadlineMinutes < 1 || deadlineMinutes > 1440)) {
            throw new IllegalArgumentException("deadlineMinutes must be between 1 and 1440, was " + deadlineMinutes);
        }
        preferences = preferences == null ? ProviderPreferences.DEFAULT : preferences;
    }

    /** A run from a brief: its kind, shape, budget, deadline and preferences. */
    public static PlanningInput ofBrief(String name, Brief brief) {
        return new PlanningInput(brief.kind(), name, brief, null, brief.primaryAspectRatio(), brief.budgetUsd(),
                brief.deadlineMinutes(), brief.providerPreferences());
    }

    /**
     * A music video for a song; the shape comes from the sidecar's style. Songs carry no budget of their own, so
     * the caller passes one (0 for a free animatic).
     */
    public static PlanningInput ofSong(String name, SongInput song, BigDecimal budgetUsd, ProviderPreferences preferences) {
        return new PlanningInput(VideoKind.MUSIC_VIDEO, name, null, song, song.sidecar().style().primaryAspectRatio(),
                budgetUsd, null, preferences);
    }

    /** The length the script must fill: the song's exact length, or the brief's duration. */
    public double targetDurationSeconds() {
        return song != null ? song.analysis().durationSeconds() : brief.durationSeconds();
    }

    /** Whether the script must match the audio exactly (a song) rather than within the ad tolerance. */
    public boolean cutToSong() {
        return song != null;
    }

    /** The production's title: the brief's or the song's, else the name. */
    public String title() {
        if (brief != null && brief.title() != null) {
            return brief.title();
        }
        if (song != null && song.sidecar().title() != null) {
            SongSidecar sidecar = song.sidecar();
            return sidecar.artist() == null ? sidecar.title() : sidecar.title() + " — " + sidecar.artist();
        }
        if (brief != null && brief.product() != null) {
            return brief.product().name();
        }
        return name;
    }
}
