package dev.reelsmith.local.asl;

/** Thrown when no state machine has the given ARN (AWS {@code StateMachineDoesNotExist}). */
public final class StateMachineDoesNotExistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateMachineDoesNotExistException(String message) {
        super(message);
    }
}
