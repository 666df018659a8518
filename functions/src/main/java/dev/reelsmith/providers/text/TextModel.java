package dev.reelsmith.providers.text;

/**
 * A language model that answers with JSON matching a schema, typed. Used by the planning agents (script
 * writer, shot planner, production planner). Implementations: Amazon Bedrock (Converse with a forced tool),
 * OpenAI-compatible Chat Completions ({@code response_format: json_schema}), and {@code local}, a
 * deterministic planner that needs no model at all.
 *
 * <p>Contract: the returned value has been validated against {@link StructuredRequest#schema()} and bound to
 * {@link StructuredRequest#type()}. Invalid or truncated JSON is re-asked once with the validation errors;
 * if the second answer is still invalid the call fails with {@link StructuredOutputException}. Every call
 * reports token usage and cost, also on failure paths where the vendor billed.
 */
public interface TextModel {
    /** The provider, e.g. {@code "bedrock"}, {@code "openai"}, {@code "local"}. */
    String providerId();

    /** The model, e.g. {@code "anthropic.claude-…"}; recorded with every cost entry. */
    String modelId();

    /**
     * Asks for one structured answer.
     *
     * @throws StructuredOutputException when the answer is still invalid after one repair attempt, or the model refused
     */
    <T> StructuredResult<T> generate(StructuredRequest<T> request);
}
