package dev.reelsmith.local.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.local.asl.definition.InvalidDefinitionException;
import dev.reelsmith.local.asl.definition.MapState;
import dev.reelsmith.local.asl.definition.QueryLanguage;
import dev.reelsmith.local.asl.definition.StateMachineDefinition;
import dev.reelsmith.local.asl.definition.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class AslDefinitionValidationTest {

    private static List<String> problems(String definition) {
        try {
            StateMachineDefinition.parse(definition);
        } catch (InvalidDefinitionException e) {
            return e.problems();
        }
        throw new AssertionError("definition was accepted: " + definition);
    }

    @Test
    void parse_shouldDefaultToJsonPathAndApplyDefaults_whenFieldsAreOmitted() {
        // given
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}}}""";

        // when
        StateMachineDefinition parsed = StateMachineDefinition.parse(definition);

        // then
        TaskState task = (TaskState) parsed.workflow().state("T");
        assertThat(parsed.queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
        assertThat(task.common().inputPath()).isEqualTo("$");
        assertThat(task.resultPath()).isEqualTo("$");
        assertThat(task.timeoutSeconds()).isNull();
        assertThat(task.retry().get(0).intervalSeconds()).isEqualTo(1);
        assertThat(task.retry().get(0).maxAttempts()).isEqualTo(3);
        assertThat(task.retry().get(0).backoffRate()).isEqualTo(2.0);
    }

    @Test
    void parse_shouldReportMissingTargets_whenNextDefaultOrStartAtNameNoState() {
        // given
        String definition = """
                {"StartAt":"Nowhere","States":{"A":{"Type":"Pass","End":true}}}""";
        String dangling = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"Gone"}],"Default":"Lost"},
                  "A":{"Type":"Pass","Next":"Missing"}}}""";

        // when
        List<String> startAt = problems(definition);
        List<String> targets = problems(dangling);

        // then
        assertThat(startAt).anyMatch(p -> p.startsWith("MISSING_TRANSITION_TARGET") && p.contains("Nowhere"));
        assertThat(targets).anyMatch(p -> p.contains("Gone") && p.endsWith("/States/C/Choices[0]/Next"))
                .anyMatch(p -> p.contains("Lost") && p.endsWith("/States/C/Default"))
                .anyMatch(p -> p.contains("Missing") && p.endsWith("/States/A/Next"));
    }

    @Test
    void parse_shouldRejectStates_whenNextAndEndAreBothMissingOrBothPresent() {
        // given
        String neither = """
                {"StartAt":"A","States":{"A":{"Type":"Pass"},"B":{"Type":"Succeed"}}}""";
        String both = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}""";

        // when / then
        assertThat(problems(neither)).anyMatch(p -> p.contains("must have Next or End"));
        assertThat(problems(both)).anyMatch(p -> p.contains("both Next and End"));
    }

    @Test
    void parse_shouldRejectJsonPathFields_whenStateUsesJsonata() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.a","Parameters":{"x":1},
                  "ResultSelector":{"y":1},"ResultPath":"$.r","OutputPath":"$","End":true}}}""";

        // when
        List<String> problems = problems(definition);

        // then
        assertThat(problems).hasSize(5).allMatch(p -> p.contains("not supported in JSONata states"));
    }

    @Test
    void parse_shouldRejectJsonataFields_whenStateUsesJsonPath() {
        // given
        String definition = """
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Arguments":{"x":1},"Output":{"y":2},"End":true}}}""";

        // when
        List<String> problems = problems(definition);

        // then
        assertThat(problems).hasSize(2).allMatch(p -> p.contains("only supported in JSONata states"));
    }

    @Test
    void parse_shouldAllowAssign_inBothQueryLanguages() {
        // given
        String jsonPath = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x.$":"$.a","y":1},"End":true}}}""";
        String jsonata = """
                {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass",
                  "Assign":{"x":"{% $states.input.a %}"},"End":true}}}""";

        // when
        StateMachineDefinition first = StateMachineDefinition.parse(jsonPath);
        StateMachineDefinition second = StateMachineDefinition.parse(jsonata);

        // then
        assertThat(first.workflow().state("A").common().assignedNames()).containsExactly("x", "y");
        assertThat(second.workflow().state("A").common().assignedNames()).containsExactly("x");
    }

    @Test
    void parse_shouldAllowJsonataStates_whenTopLevelIsJsonPath_butNotTheReverse() {
        // given
        String jsonPathTop = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONata",
                  "Output":"{% $states.input %}","End":true}}}""";
        String jsonataTop = """
                {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath",
                  "End":true}}}""";

        // when
        StateMachineDefinition accepted = StateMachineDefinition.parse(jsonPathTop);

        // then
        assertThat(accepted.workflow().state("A").common().queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
        assertThat(problems(jsonataTop)).anyMatch(p -> p.contains("cannot use JSONPath"));
    }

    @Test
    void parse_shouldRequireStatesAllAloneAndLast_inRetryAndCatch() {
        // given
        String notAlone = """
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Retry":[{"ErrorEquals":["States.ALL","Custom"]}],"End":true}}}""";
        String notLast = """
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"B"},{"ErrorEquals":["X"],"Next":"B"}],"End":true},
                  "B":{"Type":"Succeed"}}}""";

        // when / then
        assertThat(problems(notAlone)).anyMatch(p -> p.contains("States.ALL must appear alone"));
        assertThat(problems(notLast)).anyMatch(p -> p.contains("must be the last one"));
    }

    @Test
    void parse_shouldRejectRetrierFields_whenOutOfRange() {
        // given
        String definition = """
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Retry":[{"ErrorEquals":["X"],"IntervalSeconds":0,"MaxAttempts":-1,"BackoffRate":0.5,
                  "MaxDelaySeconds":0,"JitterStrategy":"HALF"}],"End":true}}}""";

        // when
        List<String> problems = problems(definition);

        // then
        assertThat(problems).hasSize(5);
    }

    @Test
    void parse_shouldReportUnreachableStatesAndMissingTerminalState() {
        // given
        String unreachable = """
                {"StartAt":"A","States":{"A":{"Type":"Succeed"},"Orphan":{"Type":"Pass","End":true}}}""";
        String loop = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""";

        // when / then
        assertThat(problems(unreachable)).anyMatch(p -> p.startsWith("UNREACHABLE_STATE") && p.contains("Orphan"));
        assertThat(problems(loop)).anyMatch(p -> p.startsWith("MISSING_END_STATE"));
    }

    @Test
    void parse_shouldRejectDuplicateStateNames_acrossBranches() {
        // given
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Same","States":{"Same":{"Type":"Succeed"}}},
                  {"StartAt":"Same","States":{"Same":{"Type":"Succeed"}}}]}}}""";

        // when / then
        assertThat(problems(definition)).anyMatch(p -> p.startsWith("DUPLICATE_STATE_NAME"));
    }

    @Test
    void parse_shouldReportBadExpressions_whenJsonataIntrinsicsOrPathsDoNotParse() {
        // given
        String definition = """
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Parameters":{"a.$":"States.Nope(1)","b.$":"$..[","c.$":"States.Format('x'"},
                    "Next":"B"},
                  "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.( %}","End":true}}}""";

        // when
        List<String> problems = problems(definition);

        // then
        assertThat(problems).anyMatch(p -> p.contains("unknown intrinsic function 'States.Nope'"))
                .anyMatch(p -> p.contains("'b.$'"))
                .anyMatch(p -> p.contains("States.Format('x'"))
                .anyMatch(p -> p.contains("JSONata expression") && p.endsWith("/States/B/Output"));
    }

    @Test
    void parse_shouldRejectReferencePathViolations_inResultPath() {
        // given
        String definition = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.items[*]","End":true}}}""";

        // when / then
        assertThat(problems(definition)).anyMatch(p -> p.contains("ResultPath must be a reference path"));
    }

    @Test
    void parse_shouldRejectDistributedMapFeatures_asUnsupported() {
        // given
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"I","States":{"I":{"Type":"Succeed"}}}}}}""";

        // when / then
        assertThat(problems(definition)).anyMatch(p -> p.startsWith("UNSUPPORTED_FEATURE") && p.contains("ItemReader"))
                .anyMatch(p -> p.startsWith("UNSUPPORTED_FEATURE") && p.contains("DISTRIBUTED"));
    }

    @Test
    void parse_shouldAcceptLegacyIteratorAndParameters_forMap() {
        // given
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","Parameters":{"v.$":"$$.Map.Item.Value"},
                  "Iterator":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}}}""";

        // when
        MapState map = (MapState) StateMachineDefinition.parse(definition).workflow().state("M");

        // then
        assertThat(map.itemSelector()).isNotNull();
        assertThat(map.processor().startAt()).isEqualTo("I");
    }

    @Test
    void parse_shouldRejectInnerScopeAssignments_ofVariablesAssignedInAnEnclosingScope() {
        // given
        String definition = """
                {"StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"total":0},"Next":"M"},
                  "M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Add","States":{
                    "Add":{"Type":"Pass","Assign":{"total":1,"local":2},"End":true}}}}}}""";

        // when
        List<String> problems = problems(definition);

        // then
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("'total'").endsWith("/States/M/ItemProcessor/States/Add/Assign/total");
    }

    @Test
    void parse_shouldRejectTimeouts_whenHeartbeatIsNotBelowTimeout() {
        // given
        String definition = """
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "TimeoutSeconds":10,"HeartbeatSeconds":10,"End":true}}}""";

        // when / then
        assertThat(problems(definition)).anyMatch(p -> p.contains("HeartbeatSeconds must be smaller"));
    }

    @Test
    void parse_shouldRequireExactlyOneWaitField() {
        // given
        String definition = """
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Timestamp":"2024-01-01T00:00:00Z","End":true}}}""";
        String badTimestamp = """
                {"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2024-01-01 00:00:00","End":true}}}""";

        // when / then
        assertThat(problems(definition)).anyMatch(p -> p.contains("exactly one of Seconds"));
        assertThat(problems(badTimestamp)).anyMatch(p -> p.contains("RFC 3339"));
    }

    @Test
    void parse_shouldReportUnknownFields_byName() {
        // given
        String definition = """
                {"StartAt":"A","Sates":{},"States":{"A":{"Type":"Pass","Nxt":"B","End":true}}}""";

        // when
        List<String> problems = problems(definition);

        // then
        assertThat(problems).anyMatch(p -> p.contains("'Sates'")).anyMatch(p -> p.contains("'Nxt'"));
    }

    @Test
    void createStateMachine_shouldThrowInvalidDefinition_withEveryProblem() {
        // given
        try (AslHarness harness = new AslHarness()) {
            // when / then
            assertThatThrownBy(() -> harness.machine("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Nope\"}}}"))
                    .isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("Type must be one of");
        }
    }
}
