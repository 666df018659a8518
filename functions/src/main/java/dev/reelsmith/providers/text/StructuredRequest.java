package dev.reelsmith.providers.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One structured-output request.
 *
 * @param task         what is being planned ({@code "script"}, {@code "shots"}, {@code "plan"}, …): used for
 *                     logs, cost attribution and by the offline planner to choose its template
 * @param systemPrompt the role and rules
 * @param userPrompt   the material (brief, analysis, previous artifacts) rendered for the model
 * @param schema       JSON Schema (draft 2020-12) the answer must satisfy
 * @param type         the record the answer binds to
 * @param temperature  0–2
 * @param maxTokens    upper bound for the answer, 1–200,000
 * @param context      the same material as structured JSON (what the offline planner reads); never null,
 *                     may be an empty object
 */
public record StructuredRequest<T>(String task, String systemPrompt, String userPrompt, JsonNode schema,
                                   Class<T> type, double temperature, int maxTokens, JsonNode context) {
    public StructuredRequest {
        if (task == null || !task.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("task must be 1-40 lowercase letters, digits or '-', was " + task);
        }
        if (systemPrompt == null || systemPrompt.isBlank()) {
            throw new IllegalArgumentException("systemPrompt must not be blank");
        }
        if (userPrompt == null || userPrompt.isBlank()) {
            throw new IllegalArgumentException("userPrompt must not be blank");
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("schema must be a JSON Schema object");
        }
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (maxTokens < 1 || maxTokens > 200_000) {
            throw new IllegalArgumentException("maxTokens must be between 1 and 200000, was " + maxTokens);
        }
        if (context == null) {
            throw new IllegalArgumentException("context must not be null (use an empty object)");
        }
    }
}
