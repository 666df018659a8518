package dev.reelsmith.providers.text;

/**
 * Base of the errors a {@link TextModel} call raises when the vendor could not be asked or would not answer:
 * throttling, outages, quota and invalid requests. The concrete type says whether a retry can help (Step
 * Functions' {@code Retry} lists the transient ones by fully-qualified name; adapters never retry themselves).
 *
 * <p>Answers that arrive but are unusable are not in this family: they raise {@link StructuredOutputException}.
 */
public abstract class TextModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // Not final: the adapter that fails the repair call does not know what the first call cost, the repair
    // loop does, and records it here before rethrowing so the run's cost report stays complete.
    private TokenUsage usage = TokenUsage.NONE;

    protected TextModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Tokens already billed within the same {@link TextModel#generate} call before this failure: the first
     * answer when the repair call is the one that failed; {@link TokenUsage#NONE} otherwise.
     */
    public TokenUsage usage() {
        return usage;
    }

    void recordEarlierUsage(TokenUsage earlier) {
        this.usage = usage.plus(earlier);
    }
}
