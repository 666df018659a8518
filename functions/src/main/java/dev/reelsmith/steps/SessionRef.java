package dev.reelsmith.steps;

/** The input of steps that need nothing but the session: everything else is in its artifacts. */
public record SessionRef(String sessionId) {
    public SessionRef {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId is required");
        }
    }
}
