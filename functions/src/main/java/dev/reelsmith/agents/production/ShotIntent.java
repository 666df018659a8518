package dev.reelsmith.agents.production;

import dev.reelsmith.domain.ShotImportance;
import java.util.Objects;

/**
 * The text model's judgement of one shot, which the production planner prices.
 *
 * @param shotId     the shot
 * @param importance hero, standard or background
 * @param motion     essential, optional or none
 * @param reason     one sentence on why (1-300 characters)
 */
public record ShotIntent(String shotId, ShotImportance importance, MotionNeed motion, String reason) {
    public ShotIntent {
        if (shotId == null || shotId.isBlank()) {
            throw new IllegalArgumentException("shotId is required");
        }
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(motion, "motion");
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw new IllegalArgumentException("reason must be 1-300 characters, was " + reason);
        }
    }
}
