package dev.reelsmith.local.asl;

/** Thrown when a state machine name is taken by one with a different definition or role (AWS {@code StateMachineAlreadyExists}). */
public final class StateMachineAlreadyExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateMachineAlreadyExistsException(String message) {
        super(message);
    }
}
