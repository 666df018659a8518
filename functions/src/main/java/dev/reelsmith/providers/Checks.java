package dev.reelsmith.providers;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The argument checks the request and result records share, so every message reads the same way. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, name + " must not be null");
    }

    static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Null stays null (the field is optional); present values must carry text. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static int between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static double between(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + plain(min) + " and " + plain(max)
                    + ", was " + plain(value));
        }
        return value;
    }

    static BigDecimal notNegative(BigDecimal value, String name) {
        notNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    static List<Path> paths(List<Path> values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** {@code 6.0} prints as {@code 6}, {@code 6.5} as {@code 6.5}: messages match what users typed. */
    static String plain(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
