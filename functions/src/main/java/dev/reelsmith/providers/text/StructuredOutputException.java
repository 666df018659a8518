package dev.reelsmith.providers.text;

import java.util.List;

/**
 * Thrown when a model's answer is still not valid against the requested schema after one repair attempt,
 * or when the model refused. Terminal for the step: retrying the same prompt is unlikely to help.
 */
public class StructuredOutputException extends RuntimeException {
    private final List<String> problems;
    private final TokenUsage usage;

    public StructuredOutputException(String message, List<String> problems, TokenUsage usage) {
        super(message + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        this.problems = List.copyOf(problems);
        this.usage = usage;
    }

    /** The validation errors of the last answer (JSON pointer and rule each), or the refusal text. */
    public List<String> problems() {
        return problems;
    }

    /** Tokens billed across the attempts, so the cost is recorded even though the step failed. */
    public TokenUsage usage() {
        return usage;
    }
}
