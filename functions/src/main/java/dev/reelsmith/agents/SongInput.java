package dev.reelsmith.agents;

import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.SongSidecar;
import java.util.Objects;

/**
 * A song to plan a music video for: what the Analyze step measured and what the music team said about it.
 *
 * @param analysis duration, tempo, beat grid, downbeats and sections
 * @param sidecar  title, artist, mood, genre, lyrics and style; an empty sidecar when none was uploaded
 */
public record SongInput(Analysis analysis, SongSidecar sidecar) {
    /** A sidecar with nothing in it, for songs uploaded alone. */
    public static final SongSidecar NO_SIDECAR = new SongSidecar(null, null, null, null, null, null);

    public SongInput {
        Objects.requireNonNull(analysis, "analysis");
        sidecar = sidecar == null ? NO_SIDECAR : sidecar;
    }
}
