/**
 * Structured-output language models for the planning agents: the {@link dev.reelsmith.providers.text.TextModel}
 * SPI, the shared answer checking and one-time schema repair ({@link dev.reelsmith.providers.text.SchemaRepair},
 * {@link dev.reelsmith.providers.text.AnswerValidator}), and the error taxonomy every adapter throws:
 * {@link dev.reelsmith.providers.text.TextModelThrottledException} and
 * {@link dev.reelsmith.providers.text.TextModelUnavailableException} (transient, retried by the state machine),
 * {@link dev.reelsmith.providers.text.TextModelQuotaException} and
 * {@link dev.reelsmith.providers.text.TextModelRequestException} (terminal), and
 * {@link dev.reelsmith.providers.text.StructuredOutputException} /
 * {@link dev.reelsmith.providers.text.ModelRefusedException} for answers that cannot be used.
 *
 * <p>Vendor adapters live in {@code bedrock} and {@code openai}; the offline planner in {@code local}.
 */
package dev.reelsmith.providers.text;
