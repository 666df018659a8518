package dev.reelsmith.infra.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads CDK context values of either origin: {@code -c key=value} on the command line always gives a string,
 * while {@code cdk.json} gives JSON types (booleans, numbers, arrays, objects). Every reader accepts both, so a
 * list can be {@code ["a","b"]} in {@code cdk.json} or {@code a,b} on the command line.
 */
final class ContextValues {
    private final Function<String, Object> context;

    ContextValues(Function<String, Object> context) {
        this.context = Objects.requireNonNull(context, "context must not be null");
    }

    Optional<String> optionalString(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            throw new InvalidContextException(key + " must be a string, was " + value);
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = new BigDecimal(text.get()).intValueExact();
        } catch (ArithmeticException | NumberFormatException notAnInteger) {
            throw new InvalidContextException(key + " must be a whole number, was " + text.get());
        }
        if (value < min || value > max) {
            throw new InvalidContextException(key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    BigDecimal decimal(String key, BigDecimal defaultValue) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return new BigDecimal(text.get());
        } catch (NumberFormatException notANumber) {
            throw new InvalidContextException(key + " must be a number, was " + text.get());
        }
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidContextException(key + " must be true or false, was " + text.get());
        };
    }

    /** A JSON array, or a comma-separated string; blank entries are dropped. */
    List<String> list(String key, List<String> defaultValue) {
        Object value = context.apply(key);
        if (value == null) {
            return defaultValue;
        }
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item).trim()));
        } else if (value instanceof Map<?, ?>) {
            throw new InvalidContextException(key + " must be a list, was " + value);
        } else {
            for (String item : String.valueOf(value).split(",")) {
                items.add(item.trim());
            }
        }
        items.removeIf(String::isEmpty);
        return List.copyOf(items);
    }

    /** A JSON object, or {@code k=v,k=v}; values as strings. */
    Map<String, String> map(String key) {
        Object value = context.apply(key);
        Map<String, String> entries = new LinkedHashMap<>();
        if (value == null) {
            return entries;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> entries.put(String.valueOf(k).trim(), String.valueOf(v).trim()));
            return entries;
        }
        if (value instanceof Collection<?>) {
            throw new InvalidContextException(key + " must be an object or k=v,k=v, was " + value);
        }
        for (String pair : String.valueOf(value).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidContextException(key + " must be an object or k=v,k=v, was " + value);
            }
            entries.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return entries;
    }
}
