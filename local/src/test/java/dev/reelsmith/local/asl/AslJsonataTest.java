package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** JSONata states: $states, Arguments/Output templates, Step Functions' functions and QueryEvaluationError. */
class AslJsonataTest {

    private static JsonNode output(String expression, String input) {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Output":%s,"End":true}}}"""
                .formatted(expression);
        try (AslHarness harness = new AslHarness()) {
            ExecutionDescription done = harness.run(definition, input);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            return json(done.output());
        }
    }

    @Test
    void arguments_shouldBeBuiltFromTheTemplate_andOutputFromTheResult() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{"Call":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke",
                  "Arguments":{"static":"Hello","title":"{% $states.input.title %}","not-evaluated":"$customerName",
                    "nested":["{% $states.input.n * 2 %}",{"state":"{% $states.context.State.Name %}"}]},
                  "Output":{"got":"{% $states.result %}","input":"{% $states.input.title %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = RecordingTask.echo();
            harness.resources.register("arn:aws:states:::lambda:invoke", task);

            // when
            ExecutionDescription done = harness.run(definition, "{\"title\":\"Doctor\",\"n\":21}");

            // then
            JsonNode arguments = json("""
                    {"static":"Hello","title":"Doctor","not-evaluated":"$customerName","nested":[42,{"state":"Call"}]}""");
            assertThat(task.invocations().get(0).input()).isEqualTo(arguments);
            assertThat(json(done.output())).isEqualTo(json("{\"got\":" + arguments + ",\"input\":\"Doctor\"}"));
        }
    }

    @Test
    void output_shouldDefaultToTheResultForTasks_andTheInputForPass() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{
                  "P":{"Type":"Pass","Next":"T"},
                  "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"wrapped":"{% $states.input %}"},
                    "End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::lambda:invoke", RecordingTask.echo());

            // when
            ExecutionDescription done = harness.run(definition, "{\"a\":1}");

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"wrapped\":{\"a\":1}}"));
        }
    }

    @Test
    void numbers_shouldFollowJsonataArithmetic_withWholeNumbersPrintedAsIntegers() {
        // given / when
        JsonNode result = output("{\"sum\":\"{% $states.input.a + $states.input.b %}\",\"third\":\"{% 1 / 4 %}\","
                + "\"whole\":\"{% 6 / 3 %}\",\"big\":\"{% 10000000000 * 10 %}\"}", "{\"a\":1.5,\"b\":1.5}");

        // then
        assertThat(result.toString()).isEqualTo("{\"sum\":3,\"third\":0.25,\"whole\":2,\"big\":100000000000}");
    }

    @Test
    void nullValues_shouldBeKept_butUndefinedShouldFail() {
        // given / when
        JsonNode kept = output("{\"n\":\"{% $states.input.n %}\",\"list\":\"{% [1, null] %}\"}", "{\"n\":null}");

        // then
        assertThat(kept.toString()).isEqualTo("{\"n\":null,\"list\":[1,null]}");
    }

    @Test
    void undefinedResult_shouldFailWithQueryEvaluationError_namingTheExpressionAndField() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass",
                  "Output":{"v":"{% $states.input.absent %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(done.cause()).isEqualTo("An error occurred while executing the state 'S' (entered at the event id"
                    + " #2). The JSONata expression '$states.input.absent' specified for the field 'Output/v' returned"
                    + " nothing (undefined).");
            assertThat(harness.types(arn)).contains(HistoryEventType.EvaluationFailed);
        }
    }

    @Test
    void evaluationErrors_shouldRaiseQueryEvaluationError_thatRetryAndCatchCanHandle() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Arguments":{"n":"{% $number($states.input.text) %}"},
                    "Retry":[{"ErrorEquals":["States.QueryEvaluationError"],"MaxAttempts":2}],
                    "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"Recover",
                      "Output":{"error":"{% $states.errorOutput.Error %}","was":"{% $states.input.text %}"}}],
                    "End":true},
                  "Recover":{"Type":"Pass","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            RecordingTask task = RecordingTask.echo();
            harness.resources.register("arn:aws:states:::lambda:invoke", task);

            // when
            String arn = harness.start(definition, "{\"text\":\"abc\"}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"error\":\"States.QueryEvaluationError\",\"was\":\"abc\"}"));
            assertThat(task.calls()).isZero();
            assertThat(harness.events(arn, HistoryEventType.EvaluationFailed)).hasSize(3);
        }
    }

    @Test
    void stepFunctionsFunctions_shouldBeAvailable() {
        // given / when
        JsonNode result = output("""
                {"partition":"{% $partition([1,2,3,4,5], 2) %}","range":"{% $range(0, 10, 5) %}",
                 "hash":"{% $hash('input data', 'SHA-1') %}","parsed":"{% $parse('{\\"a\\":[1]}') %}",
                 "uuid":"{% $uuid() %}","random":"{% $random(7) = $random(7) %}"}""", "{}");

        // then
        assertThat(result.get("partition")).isEqualTo(json("[[1,2],[3,4],[5]]"));
        assertThat(result.get("range")).isEqualTo(json("[0,5,10]"));
        assertThat(result.get("hash").textValue()).isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
        assertThat(result.get("parsed")).isEqualTo(json("{\"a\":[1]}"));
        assertThat(result.get("uuid").textValue()).hasSize(36);
        assertThat(result.get("random").booleanValue()).isTrue();
    }

    @Test
    void eval_shouldBeUnavailable_asInStepFunctions() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass",
                  "Output":"{% $eval('1 + 1') %}","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(done.cause()).contains("$eval is not supported");
        }
    }

    @Test
    void context_shouldExposeExecutionAndStateFields() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Output":{
                  "id":"{% $states.context.Execution.Id %}","input":"{% $states.context.Execution.Input %}",
                  "machine":"{% $states.context.StateMachine.Id %}","state":"{% $states.context.State.Name %}",
                  "start":"{% $states.context.Execution.StartTime %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{\"k\":1}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("""
                    {"id":"%s","input":{"k":1},"machine":"%s","state":"S","start":"2024-05-01T10:00:00.000Z"}"""
                    .formatted(arn, done.stateMachineArn())));
        }
    }

    @Test
    void mixedMachine_shouldRunJsonataStatesInsideAJsonPathMachine() {
        // given
        String definition = """
                {"StartAt":"Path","States":{
                  "Path":{"Type":"Pass","Parameters":{"v.$":"$.a"},"Next":"Nata"},
                  "Nata":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.v * 10 %}","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"a\":4}");

            // then
            assertThat(done.output()).isEqualTo("40");
        }
    }

    @Test
    void waitAndMap_shouldAcceptJsonataExpressions_forSecondsItemsAndMaxConcurrency() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"W","States":{
                  "W":{"Type":"Wait","Seconds":"{% $states.input.delay %}","Next":"M"},
                  "M":{"Type":"Map","Items":"{% $states.input.list %}","MaxConcurrency":"{% 1 %}",
                    "ItemSelector":{"v":"{% $states.context.Map.Item.Value %}","i":"{% $states.context.Map.Item.Index %}"},
                    "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Output":"{% $states.input.v + $states.input.i %}",
                      "End":true}}},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"delay\":90,\"list\":[10,20,30]}");

            // then
            assertThat(done.output()).isEqualTo("[10,21,32]");
            assertThat(done.stopDate()).isEqualTo(AslHarness.START.plusSeconds(90));
        }
    }
}
