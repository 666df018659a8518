package dev.reelsmith.agents.shots;

/**
 * Where one shot of a beat goes: computed by the shot planner from the beat grid, so cuts land on beats and
 * downbeats whichever model writes the shots.
 *
 * @param beatIndex       the script beat
 * @param startSeconds    where the shot starts
 * @param durationSeconds how long it holds
 */
public record ShotSlot(int beatIndex, double startSeconds, double durationSeconds) {
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
