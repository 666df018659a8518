package dev.reelsmith.providers.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Reads how long a vendor asked us to wait from its {@code Retry-After} header (RFC 9110: delay-seconds or an
 * HTTP-date) or the {@code retry-after-ms} header some OpenAI-compatible servers send. The value travels in
 * {@link TextModelThrottledException}; waiting is left to the state machine.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * Whole seconds to wait (rounded up, never negative) from a {@code Retry-After} value, or empty when the value
     * is absent or unreadable.
     *
     * @param value the header value, e.g. {@code "30"} or {@code "Wed, 21 Oct 2026 07:28:00 GMT"}; may be null
     * @param now   the current time, to turn an HTTP-date into a delay
     */
    public static OptionalLong seconds(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        String trimmed = value.strip();
        if (trimmed.matches("\\d{1,9}")) {
            return OptionalLong.of(Long.parseLong(trimmed));
        }
        if (trimmed.matches("\\d{1,9}\\.\\d{1,9}")) {
            // not RFC syntax, but some servers send fractions; waiting a little longer is the safe reading
            return OptionalLong.of((long) Math.ceil(Double.parseDouble(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return OptionalLong.of(ceilSeconds(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    /** Whole seconds (rounded up) from a millisecond count such as {@code retry-after-ms: 1500}. */
    public static OptionalLong secondsFromMillis(String value) {
        if (value == null || !value.strip().matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return OptionalLong.empty();
        }
        double millis = Double.parseDouble(value.strip());
        return OptionalLong.of((long) Math.ceil(millis / 1000.0));
    }

    private static long ceilSeconds(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return 0;
        }
        long seconds = delay.getSeconds();
        return delay.getNano() > 0 ? seconds + 1 : seconds;
    }
}
