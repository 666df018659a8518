package dev.reelsmith.providers.text;

/**
 * One structured request's exchange with a vendor, as an adapter implements it for {@link SchemaRepair}: the first
 * question, and at most one follow-up that carries a correction. Implementations remember the first answer in
 * the vendor's own form (e.g. Bedrock's tool-use block) so the follow-up can replay it exactly.
 *
 * <p>Implementations classify vendor failures into {@link TextModelException} subtypes and never retry.
 */
public interface Conversation {
    /**
     * Sends the system and user prompts.
     *
     * @param maxTokens the output token limit for this answer
     */
    Completion ask(int maxTokens);

    /**
     * Sends the original prompts, the previous answer as the assistant's turn and {@code correction} as the next
     * user turn, asking for a corrected, complete answer.
     *
     * @param correction the problems of the previous answer and what to do, written for the model
     * @param maxTokens  the output token limit for this answer (raised when the previous one was cut off)
     */
    Completion askAgain(String correction, int maxTokens);
}
