package dev.reelsmith.local.asl.definition;

/** The JSONPath Choice rule comparison operators, spelled as in definitions. */
public enum ComparisonOperator {
    StringEquals, StringEqualsPath, StringLessThan, StringLessThanPath, StringGreaterThan, StringGreaterThanPath,
    StringLessThanEquals, StringLessThanEqualsPath, StringGreaterThanEquals, StringGreaterThanEqualsPath,
    StringMatches,
    NumericEquals, NumericEqualsPath, NumericLessThan, NumericLessThanPath, NumericGreaterThan,
    NumericGreaterThanPath, NumericLessThanEquals, NumericLessThanEqualsPath, NumericGreaterThanEquals,
    NumericGreaterThanEqualsPath,
    BooleanEquals, BooleanEqualsPath,
    TimestampEquals, TimestampEqualsPath, TimestampLessThan, TimestampLessThanPath, TimestampGreaterThan,
    TimestampGreaterThanPath, TimestampLessThanEquals, TimestampLessThanEqualsPath, TimestampGreaterThanEquals,
    TimestampGreaterThanEqualsPath,
    IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp;

    /** Whether the operand is a path into the input rather than a literal. */
    public boolean isPath() {
        return name().endsWith("Path");
    }

    /** Whether this is one of the Is* type tests (operand: a boolean). */
    public boolean isTypeTest() {
        return name().startsWith("Is");
    }

    /** The operand family: String, Numeric, Boolean, Timestamp, or the name itself for tests and StringMatches. */
    public String family() {
        String base = isPath() ? name().substring(0, name().length() - 4) : name();
        for (String prefix : new String[] {"String", "Numeric", "Boolean", "Timestamp"}) {
            if (base.startsWith(prefix) && !base.equals("StringMatches")) {
                return prefix;
            }
        }
        return base;
    }

    /** The relation: Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals (empty for tests). */
    public String relation() {
        String base = isPath() ? name().substring(0, name().length() - 4) : name();
        String family = family();
        return base.startsWith(family) ? base.substring(family.length()) : "";
    }

    static ComparisonOperator fromAwsName(String text) {
        for (ComparisonOperator operator : values()) {
            if (operator.name().equals(text)) {
                return operator;
            }
        }
        return null;
    }
}
