package dev.reelsmith.steps;

/**
 * Thrown when a step's payload from the state machine does not match its input type: a definition and handler out
 * of step. Terminal (retrying the same payload cannot help); the run fails with this message.
 */
public class StepInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StepInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
