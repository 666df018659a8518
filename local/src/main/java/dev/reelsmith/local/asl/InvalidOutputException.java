package dev.reelsmith.local.asl;

/** Thrown when SendTaskSuccess output is not JSON (AWS {@code InvalidOutput}). */
public final class InvalidOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidOutputException(String message) {
        super(message);
    }
}
