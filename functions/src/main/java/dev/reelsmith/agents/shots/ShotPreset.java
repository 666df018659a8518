package dev.reelsmith.agents.shots;

import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.Lens;
import dev.reelsmith.domain.Lighting;
import dev.reelsmith.domain.ShotType;
import java.util.Objects;

/**
 * A shot from the built-in library: a framing, camera move, lens, lighting and composition that suits a beat
 * purpose, and what it is for.
 *
 * @param shotType       framing
 * @param cameraMovement camera move
 * @param lens           focal length
 * @param lighting       lighting set-up
 * @param composition    framing notes (at most 200 characters)
 * @param use            what the shot does for the beat, e.g. "the product reveal"
 */
public record ShotPreset(ShotType shotType, CameraMovement cameraMovement, Lens lens, Lighting lighting,
                         String composition, String use) {
    public ShotPreset {
        Objects.requireNonNull(shotType, "shotType");
        Objects.requireNonNull(cameraMovement, "cameraMovement");
        Objects.requireNonNull(lens, "lens");
        Objects.requireNonNull(lighting, "lighting");
        if (composition == null || composition.isBlank() || composition.length() > 200) {
            throw new IllegalArgumentException("composition must be 1-200 characters, was " + composition);
        }
        if (use == null || use.isBlank()) {
            throw new IllegalArgumentException("use must not be blank");
        }
    }
}
