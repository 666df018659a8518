package dev.reelsmith.local.asl;

/** Thrown when execution input is not JSON or exceeds 256 KiB (AWS {@code InvalidExecutionInput}). */
public final class InvalidExecutionInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidExecutionInputException(String message) {
        super(message);
    }
}
