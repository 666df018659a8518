package dev.reelsmith.agents;

import dev.reelsmith.providers.text.TokenUsage;
import java.util.List;

/**
 * Thrown when a text model's answer is schema-valid but breaks a planning rule (durations that do not add up, a
 * key message left out, cuts off the beat) and is still wrong after one repair attempt. Terminal for the step:
 * the same prompt will not do better. Subclasses name the artifact.
 */
public abstract class AnswerRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final transient TokenUsage usage;

    protected AnswerRejectedException(String artifact, List<String> problems, TokenUsage usage) {
        super(artifact + " rejected after a repair attempt: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.usage = usage;
    }

    /** The rules the last answer broke, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    /** Tokens and cost spent on the rejected answers, so the cost is still recorded. */
    public TokenUsage usage() {
        return usage;
    }
}
