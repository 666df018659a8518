package dev.reelsmith.api;

import dev.reelsmith.api.problems.InvalidParameterException;
import dev.reelsmith.api.problems.ProblemError;
import java.util.List;

/** Reads query parameters, answering 400 with the parameter's name when one is not acceptable. */
final class QueryParameters {
    private QueryParameters() {
    }

    /** An integer between {@code min} and {@code max}, or {@code fallback} when absent. */
    static long integer(Call call, String name, long fallback, long min, long max) {
        String raw = call.query(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, name + " must be a whole number between " + min + " and " + max + ", was " + raw);
        }
        if (value < min || value > max) {
            throw invalid(name, name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static InvalidParameterException invalid(String name, String message) {
        return new InvalidParameterException(message, List.of(ProblemError.parameter(name, message)));
    }
}
