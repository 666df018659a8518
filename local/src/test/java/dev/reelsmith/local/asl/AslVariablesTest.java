package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.local.asl.task.AslTaskFailure;
import org.junit.jupiter.api.Test;

/** Workflow variables: when Assign takes effect, and what Map iterations and Parallel branches can see. */
class AslVariablesTest {

    @Test
    void assign_shouldMakeValuesAvailableToLaterStates_inBothQueryLanguages() {
        // given
        String definition = """
                {"StartAt":"Store","States":{
                  "Store":{"Type":"Pass","Assign":{"customerName.$":"$.name","count":42},"Next":"UsePath"},
                  "UsePath":{"Type":"Pass","Parameters":{"static":"Hello","name.$":"$customerName","not-evaluated":"$customerName",
                    "count.$":"$count"},"Next":"UseJsonata"},
                  "UseJsonata":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"greeting":"{% 'Hi ' & $customerName %}",
                    "previous":"{% $states.input %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{\"name\":\"María\"}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("""
                    {"greeting":"Hi María","previous":{"static":"Hello","name":"María","not-evaluated":"$customerName","count":42}}"""));
            HistoryEvent exited = harness.events(arn, HistoryEventType.PassStateExited).get(0);
            assertThat(exited.details().get("assignedVariables")).isEqualTo(json("{\"customerName\":\"\\\"María\\\"\",\"count\":\"42\"}"));
        }
    }

    @Test
    void assign_shouldEvaluateAllExpressionsWithTheValuesFromStateEntry() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"x":1},"Next":"Swap"},
                  "Swap":{"Type":"Pass","Assign":{"x":"{% $x + 1 %}","y":"{% $x %}"},"Output":{"xSeenByOutput":"{% $x %}"},
                    "Next":"Read"},
                  "Read":{"Type":"Pass","Output":{"x":"{% $x %}","y":"{% $y %}","before":"{% $states.input %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"x\":2,\"y\":1,\"before\":{\"xSeenByOutput\":1}}"));
        }
    }

    @Test
    void assign_shouldSeeTheTaskResult_inBothQueryLanguages() {
        // given
        String jsonPath = """
                {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "ResultSelector":{"ignored":true},"Assign":{"answer.$":"$.answer"},"Next":"Read"},
                  "Read":{"Type":"Pass","Parameters":{"answer.$":"$answer"},"End":true}}}""";
        String jsonata = """
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{"Call":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","Assign":{"answer":"{% $states.result.answer %}"},"Next":"Read"},
                  "Read":{"Type":"Pass","Output":{"answer":"{% $answer %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::lambda:invoke", new RecordingTask(invocation -> json("{\"answer\":42}")));

            // when
            ExecutionDescription fromPath = harness.run(jsonPath, "{}");
            ExecutionDescription fromJsonata = harness.run(jsonata, "{}");

            // then
            assertThat(fromPath.output()).isEqualTo("{\"answer\":42}");
            assertThat(fromJsonata.output()).isEqualTo("{\"answer\":42}");
        }
    }

    @Test
    void mapIterations_shouldReadOuterVariables_butTheirOwnAssignmentsShouldNotLeakOut() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"rate":10,"items":[1,2,3]},"Next":"Each"},
                  "Each":{"Type":"Map","Items":"{% $items %}","MaxConcurrency":1,"ItemProcessor":{"StartAt":"Scale","States":{
                    "Scale":{"Type":"Pass","Assign":{"scaled":"{% $states.input * $rate %}"},"Next":"Report"},
                    "Report":{"Type":"Pass","Output":"{% $scaled %}","End":true}}},"Next":"After"},
                  "After":{"Type":"Pass","Output":{"results":"{% $states.input %}","innerVisible":"{% $exists($scaled) %}",
                    "rate":"{% $rate %}"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"results\":[10,20,30],\"innerVisible\":false,\"rate\":10}"));
            assertThat(harness.engine.snapshot(arn).root().variables()).containsOnlyKeys("rate", "items");
        }
    }

    @Test
    void parallelBranches_shouldEachHaveTheirOwnScope() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"base":100},"Next":"Both"},
                  "Both":{"Type":"Parallel","Branches":[
                    {"StartAt":"A1","States":{"A1":{"Type":"Pass","Assign":{"mine":"{% $base + 1 %}"},"Next":"A2"},
                      "A2":{"Type":"Pass","Output":"{% $mine %}","End":true}}},
                    {"StartAt":"B1","States":{"B1":{"Type":"Pass","Assign":{"mine":"{% $base + 2 %}"},"Next":"B2"},
                      "B2":{"Type":"Pass","Output":"{% $mine %}","End":true}}}],"Next":"After"},
                  "After":{"Type":"Pass","Output":{"branches":"{% $states.input %}","leaked":"{% $exists($mine) %}"},
                    "End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"branches\":[101,102],\"leaked\":false}"));
        }
    }

    @Test
    void catch_shouldApplyTheCatchersAssign_notTheStates() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"outcome":"success"},
                    "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"outcome":"{% 'failed: ' & $states.errorOutput.Error %}"},
                      "Next":"Read"}],"Next":"Read"},
                  "Read":{"Type":"Pass","Output":"{% $outcome %}","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::lambda:invoke", new RecordingTask(invocation -> {
                throw new AslTaskFailure("Vendor.Down", "503");
            }));

            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.output()).isEqualTo("\"failed: Vendor.Down\"");
        }
    }

    @Test
    void choice_shouldApplyTheMatchedRulesAssign_orTheStatesAssignForTheDefault() {
        // given
        String definition = """
                {"StartAt":"CheckInputState","States":{
                  "CheckInputState":{"Type":"Choice","Choices":[
                    {"Variable":"$.input_value","IsPresent":false,"Assign":{"status":"UNKNOWN"},"Next":"FinalState"},
                    {"Variable":"$.input_value","NumericEquals":42,"Assign":{"status":"CORRECT"},"Next":"FinalState"}],
                    "Assign":{"status":"INCORRECT","guess.$":"$.input_value"},"Default":"FinalState"},
                  "FinalState":{"Type":"Pass","Parameters":{"result.$":"$status"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription missing = harness.run(definition, "{}");
            ExecutionDescription correct = harness.run(definition, "{\"input_value\":42}");
            ExecutionDescription wrong = harness.run(definition, "{\"input_value\":7}");

            // then
            assertThat(missing.output()).isEqualTo("{\"result\":\"UNKNOWN\"}");
            assertThat(correct.output()).isEqualTo("{\"result\":\"CORRECT\"}");
            assertThat(wrong.output()).isEqualTo("{\"result\":\"INCORRECT\"}");
        }
    }

    @Test
    void variables_shouldBeReadableInPathsAndIntrinsics_ofJsonPathStates() {
        // given
        String definition = """
                {"StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"config":{"bucket":"media","limits":[3,5]}},"Next":"Use"},
                  "Use":{"Type":"Pass","InputPath":"$config","Parameters":{"key.$":"States.Format('{}/{}', $.bucket, $config.limits[1])"},
                    "End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{}");

            // then
            assertThat(done.output()).isEqualTo("{\"key\":\"media/5\"}");
        }
    }
}
