package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.JsonPaths;
import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.data.JsonataScope;
import dev.reelsmith.local.asl.data.JsonataSupport;
import dev.reelsmith.local.asl.data.StatesFailure;
import dev.reelsmith.local.asl.data.Timestamps;
import dev.reelsmith.local.asl.data.VariableLookup;
import dev.reelsmith.local.asl.definition.ComparisonOperator;
import dev.reelsmith.local.asl.definition.Condition;
import dev.reelsmith.local.asl.definition.StatesErrors;
import java.time.Instant;
import java.util.Optional;

/**
 * Evaluates Choice rules. JSONPath comparisons are false when the operands are not of the operator's type (a
 * string compared with NumericEquals does not match); a {@code Variable} that selects nothing fails the state with
 * {@code States.Runtime}, except for IsPresent, which is what IsPresent is for. JSONata conditions must evaluate to
 * a boolean.
 */
final class ChoiceEvaluator {
    private ChoiceEvaluator() {
    }

    static boolean jsonata(Condition condition, JsonataScope scope, String field) {
        String expression = ((Condition.Jsonata) condition).expression();
        JsonNode value = JsonataSupport.evaluate(expression, scope, field);
        if (!value.isBoolean()) {
            throw new StatesFailure(StatesErrors.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                    + JsonataSupport.body(expression) + "' specified for the field '" + field
                    + "' must evaluate to a boolean, was " + JsonValues.print(value));
        }
        return value.booleanValue();
    }

    static boolean jsonPath(Condition condition, JsonNode input, JsonNode context, VariableLookup variables,
                            String stateName) {
        if (condition instanceof Condition.And and) {
            for (Condition nested : and.conditions()) {
                if (!jsonPath(nested, input, context, variables, stateName)) {
                    return false;
                }
            }
            return true;
        }
        if (condition instanceof Condition.Or or) {
            for (Condition nested : or.conditions()) {
                if (jsonPath(nested, input, context, variables, stateName)) {
                    return true;
                }
            }
            return false;
        }
        if (condition instanceof Condition.Not not) {
            return !jsonPath(not.condition(), input, context, variables, stateName);
        }
        return compare((Condition.Comparison) condition, input, context, variables, stateName);
    }

    private static boolean compare(Condition.Comparison comparison, JsonNode input, JsonNode context,
                                   VariableLookup variables, String stateName) {
        ComparisonOperator operator = comparison.operator();
        Optional<JsonNode> found = read(comparison.variable(), input, context, variables);
        if (operator == ComparisonOperator.IsPresent) {
            return found.isPresent() == comparison.operand().booleanValue();
        }
        if (found.isEmpty()) {
            throw new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + comparison.variable()
                    + "': The choice state's condition path references an invalid value.");
        }
        JsonNode value = found.get();
        if (operator.isTypeTest()) {
            boolean expected = comparison.operand().booleanValue();
            boolean actual = switch (operator) {
                case IsNull -> value.isNull();
                case IsNumeric -> value.isNumber();
                case IsString -> value.isTextual();
                case IsBoolean -> value.isBoolean();
                case IsTimestamp -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
                default -> throw new IllegalStateException(operator.name());
            };
            return actual == expected;
        }
        JsonNode operand = comparison.operand();
        if (operator.isPath()) {
            operand = read(operand.textValue(), input, context, variables).orElseThrow(() ->
                    new StatesFailure(StatesErrors.RUNTIME, "Invalid path '" + comparison.operand().textValue()
                            + "': The choice state's condition path references an invalid value."));
        }
        if (operator == ComparisonOperator.StringMatches) {
            return value.isTextual() && matches(value.textValue(), operand.textValue());
        }
        int order;
        switch (operator.family()) {
            case "String" -> {
                if (!value.isTextual() || !operand.isTextual()) {
                    return false;
                }
                order = value.textValue().compareTo(operand.textValue());
            }
            case "Numeric" -> {
                if (!value.isNumber() || !operand.isNumber()) {
                    return false;
                }
                order = value.decimalValue().compareTo(operand.decimalValue());
            }
            case "Boolean" -> {
                return value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            }
            case "Timestamp" -> {
                Optional<Instant> left = value.isTextual() ? Timestamps.parse(value.textValue()) : Optional.empty();
                Optional<Instant> right = operand.isTextual() ? Timestamps.parse(operand.textValue()) : Optional.empty();
                if (left.isEmpty() || right.isEmpty()) {
                    return false;
                }
                order = left.get().compareTo(right.get());
            }
            default -> throw new IllegalStateException(operator.name());
        }
        return switch (operator.relation()) {
            case "Equals" -> order == 0;
            case "LessThan" -> order < 0;
            case "GreaterThan" -> order > 0;
            case "LessThanEquals" -> order <= 0;
            case "GreaterThanEquals" -> order >= 0;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private static Optional<JsonNode> read(String path, JsonNode input, JsonNode context, VariableLookup variables) {
        try {
            return Optional.of(JsonPaths.read(path, input, context, variables));
        } catch (JsonPaths.NoResultsException e) {
            return Optional.empty();
        }
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are a literal star and backslash. */
    static boolean matches(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(java.util.regex.Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(java.util.regex.Pattern.quote(literal.toString()));
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL).matcher(value).matches();
    }
}
