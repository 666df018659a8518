package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import java.util.List;
import java.util.Objects;

/** A top-level Choice rule: its condition, where it leads, and its own Assign and (JSONata) Output. */
public record ChoiceRule(Condition condition, String next, PayloadTemplate assignPath, JsonataTemplate assignJsonata,
                         JsonataTemplate output, List<String> assignedNames) {
    public ChoiceRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(next, "next");
        assignedNames = List.copyOf(assignedNames);
    }
}
