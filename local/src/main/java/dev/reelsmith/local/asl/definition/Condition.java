package dev.reelsmith.local.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The test of a Choice rule: a JSONPath comparison or Boolean combination, or a JSONata {@code Condition}. */
public sealed interface Condition permits Condition.Comparison, Condition.And, Condition.Or, Condition.Not,
        Condition.Jsonata {

    /** {@code Variable} compared by {@code operator} with {@code operand} (a literal, or a path for *Path). */
    record Comparison(String variable, ComparisonOperator operator, JsonNode operand) implements Condition {
    }

    /** All of the nested conditions hold. */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one of the nested conditions holds. */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /** The nested condition does not hold. */
    record Not(Condition condition) implements Condition {
    }

    /** A JSONata {@code Condition} ({@code "{% ... %}"}) that must evaluate to a boolean. */
    record Jsonata(String expression) implements Condition {
    }
}
