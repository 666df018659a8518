package dev.reelsmith.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Terminal states: Fail with literal, path, intrinsic and JSONata error and cause; Succeed with output processing. */
class AslFailSucceedTest {

    @Test
    void fail_shouldEndTheExecution_withTheLiteralErrorAndCause() {
        // given
        String definition = """
                {"StartAt":"Stop","States":{"Stop":{"Type":"Fail","Error":"ErrorA","Cause":"Kaiju attack"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("ErrorA");
            assertThat(done.cause()).isEqualTo("Kaiju attack");
            assertThat(harness.types(arn)).containsExactly(HistoryEventType.ExecutionStarted,
                    HistoryEventType.FailStateEntered, HistoryEventType.ExecutionFailed);
        }
    }

    @Test
    void fail_shouldReadErrorAndCauseFromPathsAndIntrinsics() {
        // given
        String definition = """
                {"StartAt":"Stop","States":{"Stop":{"Type":"Fail","ErrorPath":"$.code",
                  "CausePath":"States.Format('Shot {} failed: {}', $.shot, $.reason)"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition,
                    "{\"code\":\"Shot.ContentFiltered\",\"shot\":4,\"reason\":\"prompt refused\"}");

            // then
            assertThat(done.error()).isEqualTo("Shot.ContentFiltered");
            assertThat(done.cause()).isEqualTo("Shot 4 failed: prompt refused");
        }
    }

    @Test
    void fail_shouldEvaluateJsonataErrorAndCause() {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"budget":5},"Next":"Stop"},
                  "Stop":{"Type":"Fail","Error":"Budget.Exceeded",
                    "Cause":"{% 'estimated ' & $string($states.input.estimate) & ' over budget ' & $string($budget) %}"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"estimate\":7.5}");

            // then
            assertThat(done.error()).isEqualTo("Budget.Exceeded");
            assertThat(done.cause()).isEqualTo("estimated 7.5 over budget 5");
        }
    }

    @Test
    void succeed_shouldApplyInputPathAndOutputPath() {
        // given
        String definition = """
                {"StartAt":"Done","States":{"Done":{"Type":"Succeed","InputPath":"$.run","OutputPath":"$.video"}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"run\":{\"video\":\"s3://out/final.mp4\",\"tmp\":1}}");

            // then
            assertThat(done.output()).isEqualTo("\"s3://out/final.mp4\"");
        }
    }
}
