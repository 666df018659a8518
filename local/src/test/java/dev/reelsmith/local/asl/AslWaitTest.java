package dev.reelsmith.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wait states on the engine clock: Seconds, Timestamp and their path forms. */
class AslWaitTest {

    private static ExecutionDescription run(String waitFields, String input) {
        String definition = """
                {"StartAt":"W","States":{"W":{"Type":"Wait",%s,"End":true}}}""".formatted(waitFields);
        try (AslHarness harness = new AslHarness()) {
            return harness.run(definition, input);
        }
    }

    @Test
    void wait_shouldLastTheGivenSeconds() {
        // given / when
        ExecutionDescription done = run("\"Seconds\":10", "{\"keep\":true}");

        // then
        assertThat(done.stopDate()).isEqualTo(AslHarness.START.plusSeconds(10));
        assertThat(done.output()).isEqualTo("{\"keep\":true}");
    }

    @Test
    void wait_shouldLastUntilTheTimestamp_andNotAtAllForAPastOne() {
        // given / when
        ExecutionDescription future = run("\"Timestamp\":\"2024-05-01T11:30:00Z\"", "{}");
        ExecutionDescription past = run("\"Timestamp\":\"2016-03-14T01:59:00Z\"", "{}");

        // then
        assertThat(future.stopDate()).isEqualTo(AslHarness.START.plusSeconds(5400));
        assertThat(past.stopDate()).isEqualTo(AslHarness.START);
    }

    @Test
    void wait_shouldReadSecondsAndTimestampsFromTheInput() {
        // given / when
        ExecutionDescription seconds = run("\"SecondsPath\":\"$.delay\"", "{\"delay\":42}");
        ExecutionDescription timestamp = run("\"TimestampPath\":\"$.until\"", "{\"until\":\"2024-05-01T10:01:00+00:00\"}");

        // then
        assertThat(seconds.stopDate()).isEqualTo(AslHarness.START.plusSeconds(42));
        assertThat(timestamp.stopDate()).isEqualTo(AslHarness.START.plusSeconds(60));
    }

    @Test
    void wait_shouldFailWithStatesRuntime_whenThePathValueIsNotUsable() {
        // given / when
        ExecutionDescription negative = run("\"SecondsPath\":\"$.delay\"", "{\"delay\":-1}");
        ExecutionDescription malformed = run("\"TimestampPath\":\"$.until\"", "{\"until\":\"tomorrow\"}");

        // then
        assertThat(negative.error()).isEqualTo("States.Runtime");
        assertThat(malformed.error()).isEqualTo("States.Runtime");
    }
}
