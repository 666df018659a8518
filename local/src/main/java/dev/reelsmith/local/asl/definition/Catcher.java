package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import java.util.List;
import java.util.Objects;

/**
 * One element of a {@code Catch} array.
 *
 * @param resultPath JSONPath {@code ResultPath} for the error output ({@code "$"} by default, {@code null} discards)
 * @param output JSONata {@code Output} (the error output when absent)
 */
public record Catcher(List<String> errorEquals, String next, String resultPath, JsonataTemplate output,
                      PayloadTemplate assignPath, JsonataTemplate assignJsonata, List<String> assignedNames) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
        Objects.requireNonNull(next, "next");
        assignedNames = List.copyOf(assignedNames);
    }
}
