package dev.reelsmith.steps.generate;

/**
 * Thrown when a shot's tool failed and the plan ranks no other configured tool to fall back to. Terminal for the
 * shot: the state machine marks it failed and the run continues while enough shots remain.
 */
public class NoFallbackToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoFallbackToolException(String message) {
        super(message);
    }
}
