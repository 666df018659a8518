package dev.reelsmith.providers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void seconds_shouldReadDelaySeconds_whenHeaderIsANumber() {
        // when / then
        assertThat(RetryAfter.seconds(" 20 ", NOW)).hasValue(20);
    }

    @Test
    void seconds_shouldRoundUp_whenHeaderHasAFraction() {
        // when / then
        assertThat(RetryAfter.seconds("1.2", NOW)).hasValue(2);
    }

    @Test
    void seconds_shouldMeasureFromNow_whenHeaderIsAnHttpDate() {
        // when / then
        assertThat(RetryAfter.seconds("Sun, 22 Nov 2026 10:01:30 GMT", NOW)).hasValue(90);
    }

    @Test
    void seconds_shouldBeZero_whenHttpDateHasPassed() {
        // when / then
        assertThat(RetryAfter.seconds("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).hasValue(0);
    }

    @Test
    void seconds_shouldBeEmpty_whenHeaderIsMissingOrUnreadable() {
        // when / then
        assertThat(RetryAfter.seconds(null, NOW)).isEmpty();
        assertThat(RetryAfter.seconds("soon", NOW)).isEmpty();
    }

    @Test
    void secondsFromMillis_shouldRoundUp_whenMillisAreNotWholeSeconds() {
        // when / then
        assertThat(RetryAfter.secondsFromMillis("1500")).hasValue(2);
        assertThat(RetryAfter.secondsFromMillis("x")).isEmpty();
    }
}
