package dev.reelsmith.providers.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The verdict on one answer: the bound value when it is valid, else the problems found.
 *
 * @param value    the answer bound to the requested record type; null when invalid
 * @param json     the answer as parsed JSON; null when it was not JSON at all
 * @param problems empty exactly when the answer is valid
 */
public record CheckedAnswer<T>(T value, JsonNode json, List<AnswerProblem> problems) {
    public CheckedAnswer {
        problems = List.copyOf(problems);
        if (problems.isEmpty() && (value == null || json == null)) {
            throw new IllegalArgumentException("a valid answer needs its value and json");
        }
        if (!problems.isEmpty() && value != null) {
            throw new IllegalArgumentException("an invalid answer has no value");
        }
    }

    static <T> CheckedAnswer<T> valid(T value, JsonNode json) {
        return new CheckedAnswer<>(value, json, List.of());
    }

    static <T> CheckedAnswer<T> invalid(JsonNode json, List<AnswerProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid answer needs at least one problem");
        }
        return new CheckedAnswer<>(null, json, problems);
    }

    /** True when the answer satisfied the schema and bound to the record. */
    public boolean isValid() {
        return problems.isEmpty();
    }
}
