package dev.reelsmith.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One agent question to a text model with one semantic repair: the {@link TextModel} already guarantees a
 * schema-valid answer; this checks the planning rules the schema cannot express (sums, coverage, beat grid) and,
 * when the answer breaks them, asks once more with the problems and the previous answer. A second bad answer is
 * rejected with the agent's own exception.
 */
public final class AgentConversation {
    private AgentConversation() {
    }

    /**
     * What the rules make of an answer: the answer as the agent keeps it (rules may normalise harmless drift, such
     * as a cut 2 ms off the beat) and the problems left.
     */
    public record Review<T>(T value, List<String> problems) {
        public Review {
            Objects.requireNonNull(value, "value");
            problems = List.copyOf(problems);
        }
    }

    /**
     * Asks, reviews, and repairs once.
     *
     * @param rules  normalises an answer and lists the rules it breaks
     * @param reject builds the agent's exception from the last problems and the usage so far
     */
    public static <T> AgentResult<T> ask(TextModel model, StructuredRequest<T> request, Function<T, Review<T>> rules,
                                         BiFunction<List<String>, TokenUsage, RuntimeException> reject) {
        StructuredResult<T> first = model.generate(request);
        Review<T> review = rules.apply(first.value());
        if (review.problems().isEmpty()) {
            return new AgentResult<>(review.value(), Json.mapper().valueToTree(review.value()), first.usage(),
                    first.attempts());
        }
        StructuredResult<T> second = model.generate(repair(request, first, review.problems()));
        TokenUsage usage = first.usage().plus(second.usage());
        Review<T> again = rules.apply(second.value());
        if (!again.problems().isEmpty()) {
            throw reject.apply(again.problems(), usage);
        }
        return new AgentResult<>(again.value(), Json.mapper().valueToTree(again.value()), usage,
                first.attempts() + second.attempts());
    }

    private static <T> StructuredRequest<T> repair(StructuredRequest<T> request, StructuredResult<T> previous,
                                                   List<String> problems) {
        String answer;
        try {
            answer = Json.mapper().writeValueAsString(previous.json());
        } catch (JsonProcessingException e) {
            answer = previous.json().toString();
        }
        String user = request.userPrompt() + "\n\n## Your previous answer broke these rules\n"
                + String.join("\n", problems.stream().map(p -> "- " + p).toList())
                + "\n\nPrevious answer:\n```json\n" + answer + "\n```\n"
                + "Answer again with the complete corrected JSON document; keep what was right.";
        ObjectNode context = request.context().isObject() ? ((ObjectNode) request.context()).deepCopy()
                : Json.mapper().createObjectNode();
        context.set("previousAnswer", previous.json());
        context.set("problems", Json.mapper().valueToTree(problems));
        return new StructuredRequest<>(request.task(), request.systemPrompt(), user, request.schema(), request.type(),
                request.temperature(), request.maxTokens(), context);
    }
}
