package dev.reelsmith.providers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SchemaRepairTest {
    private static final String VALID = "{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"pour\",\"sip\"]}";
    private static final String MISSING_DURATION = "{\"title\":\"Wake up\",\"beats\":[\"pour\",\"sip\"]}";
    private static final TokenPrices PRICES = TokenPrices.of("0.001", "0.005");

    private final SchemaRepair repair = new SchemaRepair("test model m1", 4000);

    @Test
    void generate_shouldReturnFirstAnswer_whenItIsValid() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(() -> text(VALID, 1000, 200));

        // when
        StructuredResult<Pitch> result = repair.generate(Pitch.request(1000), conversation);

        // then
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.value().durationSeconds()).isEqualTo(30);
        assertThat(result.usage()).isEqualTo(PRICES.usage(1000, 200));
        assertThat(conversation.limits).containsExactly(1000);
        assertThat(conversation.corrections).isEmpty();
    }

    @Test
    void generate_shouldAskOnceMoreWithEveryProblem_whenFirstAnswerMissesRequiredField() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> text(MISSING_DURATION, 1000, 200), () -> text(VALID, 1300, 220));

        // when
        StructuredResult<Pitch> result = repair.generate(Pitch.request(1000), conversation);

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.value().title()).isEqualTo("Wake up");
        assertThat(result.usage().inputTokens()).isEqualTo(2300);
        assertThat(result.usage().outputTokens()).isEqualTo(420);
        assertThat(result.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.0044"));
        assertThat(conversation.corrections).singleElement().asString()
                .contains("- /durationSeconds (required): required property 'durationSeconds' not found")
                .contains("complete corrected JSON document");
        assertThat(conversation.limits).containsExactly(1000, 1000);
    }

    @Test
    void generate_shouldThrowWithProblemsAndSummedUsage_whenRepairedAnswerIsStillInvalid() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> text(MISSING_DURATION, 1000, 200), () -> text("{\"title\":\"\"}", 1300, 100));

        // when
        StructuredOutputException thrown = catchThrowableOfType(
                () -> repair.generate(Pitch.request(1000), conversation), StructuredOutputException.class);

        // then
        assertThat(thrown).isExactlyInstanceOf(StructuredOutputException.class)
                .hasMessageStartingWith("test model m1 answered the pitch with invalid JSON again after one repair");
        assertThat(thrown.problems()).containsExactly(
                "/beats (required): required property 'beats' not found",
                "/durationSeconds (required): required property 'durationSeconds' not found",
                "/title (minLength): must be at least 1 characters long");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(2300, 300));
    }

    @Test
    void generate_shouldRepairWithDoubledLimit_whenAnswerWasCutOff() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> Completion.ofText("{\"title\":\"Wake up\",\"beats\":[\"po", Completion.Ending.TRUNCATED,
                        "length", PRICES.usage(1000, 1500)),
                () -> text(VALID, 1600, 300));

        // when
        StructuredResult<Pitch> result = repair.generate(Pitch.request(1500), conversation);

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(conversation.limits).containsExactly(1500, 3000);
        assertThat(conversation.corrections.get(0))
                .contains("(document) (maxTokens): the answer was cut off at the limit of 1500 output tokens")
                .doesNotContain("(syntax)");
    }

    @Test
    void generate_shouldNeverExceedModelLimit_whenRequestAsksForMore() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> Completion.ofText("{", Completion.Ending.TRUNCATED, "max_tokens", PRICES.usage(10, 3000)),
                () -> text(VALID, 10, 100));

        // when
        repair.generate(Pitch.request(9000), conversation);

        // then
        assertThat(conversation.limits).containsExactly(4000, 4000);
    }

    @Test
    void generate_shouldRepair_whenCutOffAnswerHappensToValidate() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> Completion.ofJson(Pitch.json(VALID), Completion.Ending.TRUNCATED, "max_tokens",
                        PRICES.usage(10, 100)),
                () -> text(VALID, 10, 100));

        // when
        StructuredResult<Pitch> result = repair.generate(Pitch.request(100), conversation);

        // then
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void generate_shouldFailWithoutRepair_whenModelRefuses() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> Completion.refused("I can't help with that.", "refusal", PRICES.usage(900, 12)));

        // when
        ModelRefusedException thrown = catchThrowableOfType(
                () -> repair.generate(Pitch.request(1000), conversation), ModelRefusedException.class);

        // then
        assertThat(thrown).hasMessageStartingWith("test model m1 refused the pitch");
        assertThat(thrown.reason()).isEqualTo("refusal: I can't help with that.");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(900, 12));
        assertThat(conversation.limits).hasSize(1);
    }

    @Test
    void generate_shouldReportBothAttemptsUsage_whenRepairAnswerIsRefused() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> text(MISSING_DURATION, 1000, 200),
                () -> Completion.refused("", "content_filtered", PRICES.usage(1200, 0)));

        // when
        ModelRefusedException thrown = catchThrowableOfType(
                () -> repair.generate(Pitch.request(1000), conversation), ModelRefusedException.class);

        // then
        assertThat(thrown.reason()).isEqualTo("content_filtered");
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(2200, 200));
    }

    @Test
    void generate_shouldCarryFirstAnswerUsage_whenRepairCallIsThrottled() {
        // given
        ScriptedConversation conversation = new ScriptedConversation(
                () -> text(MISSING_DURATION, 1000, 200),
                () -> {
                    throw new TextModelThrottledException("test model m1: throttled", 5, null);
                });

        // when
        TextModelThrottledException thrown = catchThrowableOfType(
                () -> repair.generate(Pitch.request(1000), conversation), TextModelThrottledException.class);

        // then
        assertThat(thrown.usage()).isEqualTo(PRICES.usage(1000, 200));
        assertThat(thrown.retryAfterSeconds()).hasValue(5);
    }

    @Test
    void correction_shouldListAtMostThirtyProblems_whenAnswerHasMore() {
        // given
        List<AnswerProblem> problems = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            problems.add(new AnswerProblem("/beats/" + i, "type", "integer found, string expected"));
        }

        // when
        String correction = SchemaRepair.correction(problems);

        // then
        assertThat(correction.lines().filter(line -> line.startsWith("- /beats/"))).hasSize(30);
        assertThat(correction).contains("- … and 5 more of the same kinds");
    }

    private static Completion text(String answer, long in, long out) {
        return Completion.ofText(answer, Completion.Ending.COMPLETE, "stop", PRICES.usage(in, out));
    }

    /** Plays back answers in order and records what it was asked. */
    private static final class ScriptedConversation implements Conversation {
        private final Deque<Supplier<Completion>> answers;
        final List<Integer> limits = new ArrayList<>();
        final List<String> corrections = new ArrayList<>();

        @SafeVarargs
        ScriptedConversation(Supplier<Completion>... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Completion ask(int maxTokens) {
            limits.add(maxTokens);
            return answers.removeFirst().get();
        }

        @Override
        public Completion askAgain(String correction, int maxTokens) {
            limits.add(maxTokens);
            corrections.add(correction);
            return answers.removeFirst().get();
        }
    }
}
