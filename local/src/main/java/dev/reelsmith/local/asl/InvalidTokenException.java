package dev.reelsmith.local.asl;

/** Thrown when a task token was not issued by this engine (AWS {@code InvalidToken}). */
public final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }
}
