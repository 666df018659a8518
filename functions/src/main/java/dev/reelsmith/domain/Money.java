package dev.reelsmith.domain;

import java.math.BigDecimal;

/** The money checks shared by the production plan records, worded like {@link FieldRules}. */
final class Money {
    private Money() {
    }

    /** A non-null amount of US dollars, at least 0. */
    static BigDecimal notNegative(FieldRules rules, String field, BigDecimal value) {
        if (value == null) {
            throw rules.fail(field, "required", "is required");
        }
        if (value.signum() < 0) {
            throw rules.fail(field, "minimum", "must be >= 0, was " + value.toPlainString());
        }
        return value;
    }

    /** Whether two amounts are the same number of dollars, whatever their scale. */
    static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
