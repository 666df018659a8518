package dev.reelsmith.store.budget;

import java.math.BigDecimal;

/** The checks ledger arguments share, so every message reads the same way. */
final class Amounts {
    private Amounts() {
    }

    static BigDecimal notNegative(BigDecimal value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > 256) {
            throw new IllegalArgumentException(name + " must be at most 256 characters, was " + value.length());
        }
        return value;
    }

    /** Plain notation without trailing zeros, e.g. {@code 1.5}; the form DynamoDB numbers and messages use. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
