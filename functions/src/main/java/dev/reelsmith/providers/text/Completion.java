package dev.reelsmith.providers.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One answer from a vendor, in vendor-neutral form: what the model produced (text, or a JSON tree when the vendor
 * already parsed it, as Bedrock does for tool input), how it ended and what it cost. {@link SchemaRepair} decides
 * from it whether the answer is usable or needs a repair.
 *
 * @param text       the answer as the model wrote it; null when {@code json} is given. For a refusal, the vendor's
 *                   refusal text (may be empty)
 * @param json       the answer as a JSON tree; null when {@code text} is given
 * @param ending     how generation ended
 * @param stopReason the vendor's own word for it ({@code tool_use}, {@code max_tokens}, {@code length},
 *                   {@code content_filtered}, …), quoted in messages
 * @param usage      tokens billed for this one call, priced
 */
public record Completion(String text, JsonNode json, Ending ending, String stopReason, TokenUsage usage) {
    /** How generation ended, as far as validity is concerned. */
    public enum Ending {
        /** The model finished its answer; whether it is valid is for the schema to say. */
        COMPLETE,
        /** Cut off at the output token limit ({@code max_tokens}, {@code length}): invalid, repaired once. */
        TRUNCATED,
        /** The vendor flagged the answer as malformed ({@code malformed_tool_use}, …): invalid, repaired once. */
        MALFORMED,
        /** The model declined or its answer was blocked: never repaired. */
        REFUSED
    }

    public Completion {
        if ((text == null) == (json == null)) {
            throw new IllegalArgumentException("exactly one of text and json must be given");
        }
        Objects.requireNonNull(ending, "ending");
        if (stopReason == null || stopReason.isBlank()) {
            throw new IllegalArgumentException("stopReason must not be blank, was " + stopReason);
        }
        Objects.requireNonNull(usage, "usage");
    }

    /** An answer the model wrote as text (which should contain JSON). */
    public static Completion ofText(String text, Ending ending, String stopReason, TokenUsage usage) {
        return new Completion(text, null, ending, stopReason, usage);
    }

    /** An answer the vendor delivered as a JSON tree (e.g. forced tool input). */
    public static Completion ofJson(JsonNode json, Ending ending, String stopReason, TokenUsage usage) {
        return new Completion(null, json, ending, stopReason, usage);
    }

    /** A refusal, with the vendor's refusal text when it gave one. */
    public static Completion refused(String refusal, String stopReason, TokenUsage usage) {
        return new Completion(refusal == null ? "" : refusal, null, Ending.REFUSED, stopReason, usage);
    }
}
