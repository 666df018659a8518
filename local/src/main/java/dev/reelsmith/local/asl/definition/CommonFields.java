package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import java.util.List;
import java.util.Objects;

/**
 * What every state has: its name, type and query language, its transition, and the data fields shared by most
 * types. JSONPath paths are {@code "$"} when omitted and {@code null} when written as JSON {@code null} (which
 * AWS treats as an empty object); unset templates are {@code null}.
 *
 * @param next the next state, {@code null} for terminal states and Choice
 * @param end whether the state ends its workflow ({@code End: true}, Succeed, Fail)
 * @param inputPath JSONPath {@code InputPath}
 * @param outputPath JSONPath {@code OutputPath}
 * @param output JSONata {@code Output}
 * @param assignPath JSONPath {@code Assign}
 * @param assignJsonata JSONata {@code Assign}
 * @param assignedNames the variables the state's own {@code Assign} sets
 */
public record CommonFields(String name, StateType type, QueryLanguage queryLanguage, String comment, String next,
                           boolean end, String inputPath, String outputPath, JsonataTemplate output,
                           PayloadTemplate assignPath, JsonataTemplate assignJsonata, List<String> assignedNames) {
    public CommonFields {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queryLanguage, "queryLanguage");
        assignedNames = List.copyOf(assignedNames);
    }

    public boolean isJsonata() {
        return queryLanguage == QueryLanguage.JSONATA;
    }

    public boolean hasAssign() {
        return assignPath != null || assignJsonata != null;
    }
}
