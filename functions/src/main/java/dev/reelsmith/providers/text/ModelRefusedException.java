package dev.reelsmith.providers.text;

import java.util.List;

/**
 * Thrown when the model declined to answer or its answer was blocked: Bedrock {@code content_filtered} or
 * {@code guardrail_intervened}, an OpenAI {@code refusal} or {@code finish_reason: content_filter}. Terminal and
 * never repaired: asking again with the same material gets the same refusal; the brief has to change.
 */
public class ModelRefusedException extends StructuredOutputException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param message what was refused, e.g. {@code "openai model gpt-4.1-mini refused the script"}
     * @param reason  the vendor's refusal text or stop reason, e.g. {@code content_filtered}
     * @param usage   tokens billed across the attempts
     */
    public ModelRefusedException(String message, String reason, TokenUsage usage) {
        super(message, List.of(orUnknown(reason)), usage);
        this.reason = orUnknown(reason);
    }

    private static String orUnknown(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    /** The vendor's refusal text or stop reason. */
    public String reason() {
        return reason;
    }
}
