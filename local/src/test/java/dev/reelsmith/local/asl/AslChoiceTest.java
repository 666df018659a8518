package dev.reelsmith.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choice rules: every JSONPath operator, Boolean combinations, and JSONata conditions. */
class AslChoiceTest {

    /** Runs one rule against {@code input}; returns "yes" when it matched, "no" when Default was taken. */
    private static String decide(String rule, String input) {
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[%s],"Default":"No"},
                  "Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}"""
                .formatted(withNext(rule));
        try (AslHarness harness = new AslHarness()) {
            ExecutionDescription done = harness.run(definition, input);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            return AslHarness.json(done.output()).textValue();
        }
    }

    private static String withNext(String rule) {
        return rule.substring(0, rule.length() - 1) + ",\"Next\":\"Yes\"}";
    }

    @ParameterizedTest(name = "{0} against {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"}|{\"s\":\"abc\"}|yes",
        "{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"}|{\"s\":1}|no",
        "{\"Variable\":\"$.s\",\"StringLessThan\":\"b\"}|{\"s\":\"a\"}|yes",
        "{\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"b\"}|{\"s\":\"b\"}|yes",
        "{\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.t\"}|{\"s\":\"x\",\"t\":\"x\"}|yes",
        "{\"Variable\":\"$.s\",\"StringMatches\":\"log-*.txt\"}|{\"s\":\"log-2024.txt\"}|yes",
        "{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*b\"}|{\"s\":\"a*b\"}|yes",
        "{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*b\"}|{\"s\":\"axxb\"}|no",
        "{\"Variable\":\"$.n\",\"NumericEquals\":1}|{\"n\":1.0}|yes",
        "{\"Variable\":\"$.n\",\"NumericEquals\":1}|{\"n\":\"1\"}|no",
        "{\"Variable\":\"$.n\",\"NumericLessThanPath\":\"$.m\"}|{\"n\":1,\"m\":2}|yes",
        "{\"Variable\":\"$.n\",\"NumericGreaterThan\":5}|{\"n\":5}|no",
        "{\"Variable\":\"$.n\",\"NumericLessThanEquals\":5}|{\"n\":5}|yes",
        "{\"Variable\":\"$.b\",\"BooleanEquals\":false}|{\"b\":false}|yes",
        "{\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.c\"}|{\"b\":true,\"c\":true}|yes",
        "{\"Variable\":\"$.t\",\"TimestampLessThan\":\"2016-03-14T01:59:00Z\"}|{\"t\":\"2016-03-14T01:58:59.999Z\"}|yes",
        "{\"Variable\":\"$.t\",\"TimestampEquals\":\"2016-03-14T01:59:00Z\"}|{\"t\":\"2016-03-14T02:59:00+01:00\"}|yes",
        "{\"Variable\":\"$.t\",\"TimestampGreaterThanPath\":\"$.u\"}|{\"t\":\"2020-01-01T00:00:00Z\",\"u\":\"2019-01-01T00:00:00Z\"}|yes",
        "{\"Variable\":\"$.t\",\"TimestampEquals\":\"2016-03-14T01:59:00Z\"}|{\"t\":\"not a time\"}|no",
        "{\"Variable\":\"$.x\",\"IsNull\":true}|{\"x\":null}|yes",
        "{\"Variable\":\"$.x\",\"IsPresent\":false}|{}|yes",
        "{\"Variable\":\"$.x\",\"IsPresent\":true}|{}|no",
        "{\"Variable\":\"$.x\",\"IsNumeric\":true}|{\"x\":3.5}|yes",
        "{\"Variable\":\"$.x\",\"IsString\":false}|{\"x\":3}|yes",
        "{\"Variable\":\"$.x\",\"IsBoolean\":true}|{\"x\":true}|yes",
        "{\"Variable\":\"$.x\",\"IsTimestamp\":true}|{\"x\":\"2024-05-01T10:00:00Z\"}|yes",
        "{\"And\":[{\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":20},{\"Variable\":\"$.n\",\"NumericLessThan\":30}]}|{\"n\":25}|yes",
        "{\"Or\":[{\"Variable\":\"$.n\",\"NumericEquals\":1},{\"Variable\":\"$.n\",\"NumericEquals\":2}]}|{\"n\":3}|no",
        "{\"Not\":{\"Variable\":\"$.type\",\"StringEquals\":\"Private\"}}|{\"type\":\"Public\"}|yes",
    })
    void choice_shouldEvaluateJsonPathRules(String rule, String input, String expected) {
        // given / when
        String decision = decide(rule, input);

        // then
        assertThat(decision).isEqualTo(expected);
    }

    @Test
    void choice_shouldTakeTheFirstMatchingRule_inOrder() {
        // given
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.n","NumericGreaterThan":1,"Next":"First"},
                  {"Variable":"$.n","NumericGreaterThan":0,"Next":"Second"}],"Default":"Second"},
                  "First":{"Type":"Pass","Result":"first","End":true},"Second":{"Type":"Pass","Result":"second","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"n\":5}");

            // then
            assertThat(done.output()).isEqualTo("\"first\"");
        }
    }

    @Test
    void choice_shouldFailWithNoChoiceMatched_whenNothingMatchesAndThereIsNoDefault() {
        // given
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.n","NumericEquals":1,"Next":"Done"}]},"Done":{"Type":"Succeed"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"n\":2}");

            // then
            assertThat(done.error()).isEqualTo("States.NoChoiceMatched");
        }
    }

    @Test
    void choice_shouldFailWithStatesRuntime_whenTheVariableSelectsNothing() {
        // given
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.missing","StringEquals":"x","Next":"Done"}],"Default":"Done"},"Done":{"Type":"Succeed"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(done.cause()).contains("Invalid path '$.missing'");
        }
    }

    @Test
    void choice_shouldApplyOutputPathToTheFilteredInput() {
        // given
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","InputPath":"$.data","OutputPath":"$.keep",
                  "Choices":[{"Variable":"$.flag","BooleanEquals":true,"Next":"Done"}]},"Done":{"Type":"Succeed"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"data\":{\"flag\":true,\"keep\":{\"k\":1}}}");

            // then
            assertThat(done.output()).isEqualTo("{\"k\":1}");
        }
    }

    @Test
    void choice_shouldEvaluateJsonataConditions_andUseTheMatchedRulesOutput() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Condition":"{% $states.input.n > 10 %}","Next":"Big","Output":{"size":"big"}},
                  {"Condition":"{% $states.input.n > 1 %}","Next":"Big","Output":{"size":"medium"}}],
                  "Default":"Big","Output":{"size":"small"}},"Big":{"Type":"Succeed"}}}""";
        String notBoolean = """
                {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Condition":"{% $states.input.n %}","Next":"Big"}]},"Big":{"Type":"Succeed"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription medium = harness.run(definition, "{\"n\":5}");
            ExecutionDescription small = harness.run(definition, "{\"n\":0}");
            ExecutionDescription invalid = harness.run(notBoolean, "{\"n\":5}");

            // then
            assertThat(medium.output()).isEqualTo("{\"size\":\"medium\"}");
            assertThat(small.output()).isEqualTo("{\"size\":\"small\"}");
            assertThat(invalid.error()).isEqualTo("States.QueryEvaluationError");
        }
    }
}
