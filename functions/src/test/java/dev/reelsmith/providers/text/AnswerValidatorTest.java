package dev.reelsmith.providers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerValidatorTest {
    private static final String VALID = "{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"pour\",\"sip\"]}";

    private final AnswerValidator validator = new AnswerValidator();

    @Test
    void check_shouldBindRecord_whenAnswerIsPlainJson() {
        // given
        String answer = "  " + VALID + "\n";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.isValid()).isTrue();
        assertThat(checked.value()).isEqualTo(new Pitch("Wake up", 30, List.of("pour", "sip")));
        assertThat(checked.json()).isEqualTo(Pitch.json(VALID));
    }

    @Test
    void check_shouldReadJson_whenAnswerIsInMarkdownCodeFence() {
        // given
        String answer = "Here is the pitch:\n```json\n" + VALID + "\n```\nEnjoy!";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.isValid()).isTrue();
        assertThat(checked.value().title()).isEqualTo("Wake up");
    }

    @Test
    void check_shouldReadJson_whenProseSurroundsIt() {
        // given
        String answer = "Sure! " + VALID + " Let me know if you want changes.";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.isValid()).isTrue();
    }

    @Test
    void check_shouldReportSyntax_whenAnswerHasNoJson() {
        // given
        String answer = "I cannot decide on a title yet.";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.isValid()).isFalse();
        assertThat(checked.json()).isNull();
        assertThat(checked.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rule()).isEqualTo("syntax");
            assertThat(problem.message()).contains("no JSON object").contains("I cannot decide");
        });
    }

    @Test
    void check_shouldReportSyntaxWithPosition_whenJsonIsCutOff() {
        // given
        String answer = "{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"pour\"";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rule()).isEqualTo("syntax");
            assertThat(problem.message()).startsWith("the answer is not valid JSON: ").contains("line 1");
        });
    }

    @Test
    void check_shouldReportSyntax_whenAnswerHoldsTwoJsonValues() {
        // given
        String answer = VALID + "\n" + VALID;

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.problems()).extracting(AnswerProblem::message)
                .containsExactly("the answer contains more than one JSON value; send exactly one");
    }

    @Test
    void check_shouldReportSyntax_whenKeyIsRepeated() {
        // given
        String answer = "{\"title\":\"A\",\"title\":\"B\",\"durationSeconds\":30,\"beats\":[\"x\"]}";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("Duplicate field 'title'"));
    }

    @Test
    void check_shouldReportSyntax_whenAnswerIsEmpty() {
        // when
        CheckedAnswer<Pitch> checked = validator.check("  \n", Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.problems()).extracting(AnswerProblem::describe)
                .containsExactly("(document) (syntax): the answer is empty; expected one JSON document");
    }

    @Test
    void check_shouldReportEverySchemaViolationWithPointerAndRule_whenAnswerBreaksSeveralRules() {
        // given
        String answer = "{\"title\":\"Wake up\",\"beats\":[\"pour\", 7],\"mood\":\"calm\"}";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.isValid()).isFalse();
        assertThat(checked.json()).isNotNull();
        assertThat(checked.problems()).extracting(AnswerProblem::pointer, AnswerProblem::rule).containsExactly(
                tuple("/beats/1", "type"),
                tuple("/durationSeconds", "required"),
                tuple("/mood", "additionalProperties"));
        assertThat(checked.problems().get(1).message()).isEqualTo("required property 'durationSeconds' not found");
    }

    @Test
    void check_shouldReportRecordRule_whenConstructorRejectsValuesTheSchemaAllows() {
        // given
        String answer = "{\"title\":\"Wake up\",\"durationSeconds\":30,\"beats\":[\"Wake up\",\"sip\"]}";

        // when
        CheckedAnswer<Pitch> checked = validator.check(answer, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rule()).isEqualTo("invalid");
            assertThat(problem.message()).isEqualTo("beats must not repeat the title \"Wake up\"");
        });
    }

    @Test
    void check_shouldValidateJsonTree_whenVendorDeliversParsedJson() {
        // given
        var tree = Pitch.json("{\"title\":\"Wake up\",\"durationSeconds\":3,\"beats\":[\"pour\"]}");

        // when
        CheckedAnswer<Pitch> checked = validator.check(tree, Pitch.schema(), Pitch.class);

        // then
        assertThat(checked.problems()).extracting(AnswerProblem::describe)
                .containsExactly("/durationSeconds (minimum): must have a minimum value of 6");
    }
}
