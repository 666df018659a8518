package dev.reelsmith.local.asl;

/** Thrown when a state machine or execution name breaks the AWS naming rules (AWS {@code InvalidName}). */
public final class InvalidNameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidNameException(String message) {
        super(message);
    }
}
