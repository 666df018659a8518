package dev.reelsmith.local.asl.data;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as the States Language defines them: RFC 3339 with an uppercase {@code T} between date and time and
 * an uppercase {@code Z} when there is no numeric offset ({@code 2016-03-14T01:59:00Z}). Used by Wait states and
 * the Timestamp* Choice comparisons; printed like AWS prints context-object times (milliseconds, {@code Z}).
 */
public final class Timestamps {
    private static final Pattern SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter PRINT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant {@code text} denotes, or empty when it is not a States Language timestamp. */
    public static Optional<Instant> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 2024-05-01T10:00:00.123Z}. */
    public static String print(Instant instant) {
        return PRINT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
