package dev.reelsmith.agents.production;

import java.util.List;

/**
 * Thrown when a shot cannot be made by any tool the run may use: every candidate is retired, blocked by the
 * provider preferences, cannot generate the aspect ratio, or cannot make a clip that long. Terminal.
 */
public class NoEligibleToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String shotId;
    private final List<String> reasons;

    public NoEligibleToolException(String shotId, List<String> reasons) {
        super("no tool can make shot " + shotId + ": " + String.join("; ", reasons));
        this.shotId = shotId;
        this.reasons = List.copyOf(reasons);
    }

    public String shotId() {
        return shotId;
    }

    /** Why each kind of tool was ruled out. */
    public List<String> reasons() {
        return reasons;
    }
}
