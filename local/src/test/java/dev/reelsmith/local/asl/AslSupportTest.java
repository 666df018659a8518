package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.LambdaErrors;
import dev.reelsmith.local.asl.task.ResourceArn;
import dev.reelsmith.local.asl.time.ManualEngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces the lead wires: resource ARNs, the Lambda error rule, and the manual clock. */
class AslSupportTest {

    /** A handler exception nested in a class, as handlers often declare them. */
    static final class ShotRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShotRejectedException(String message) {
            super(message);
        }
    }

    @Test
    void resourceArn_shouldSplitIntegrationsAndPatterns_asTaskEventsShowThem() {
        // given / when
        ResourceArn invoke = ResourceArn.parse("arn:aws:states:::lambda:invoke");
        ResourceArn callback = ResourceArn.parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken");
        ResourceArn sync = ResourceArn.parse("arn:aws:states:::states:startExecution.sync:2");
        ResourceArn sdk = ResourceArn.parse("arn:aws:states:::aws-sdk:dynamodb:putItem");
        ResourceArn function = ResourceArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:Analyze:live");

        // then
        assertThat(invoke.resourceType()).isEqualTo("lambda");
        assertThat(invoke.resource()).isEqualTo("invoke");
        assertThat(callback.pattern()).isEqualTo(ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN);
        assertThat(callback.baseArn()).isEqualTo("arn:aws:states:::sqs:sendMessage");
        assertThat(callback.resource()).isEqualTo("sendMessage.waitForTaskToken");
        assertThat(sync.pattern()).isEqualTo(ResourceArn.Pattern.RUN_JOB_V2);
        assertThat(sync.resource()).isEqualTo("startExecution.sync:2");
        assertThat(sdk.resourceType()).isEqualTo("aws-sdk:dynamodb");
        assertThat(sdk.resource()).isEqualTo("putItem");
        assertThat(function.kind()).isEqualTo(ResourceArn.Kind.LAMBDA_FUNCTION);
        assertThat(function.action()).isEqualTo("Analyze:live");
        assertThat(function.region()).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> ResourceArn.parse("lambda:invoke")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lambdaErrors_shouldNameTheErrorByTheBinaryClassName_withTheRuntimesErrorDocumentAsCause() {
        // given
        ShotRejectedException thrown = new ShotRejectedException("prompt refused by the content filter");

        // when
        AslTaskFailure failure = LambdaErrors.fromHandlerException(thrown);
        JsonNode cause = json(failure.cause());

        // then
        assertThat(failure.error()).isEqualTo("dev.reelsmith.local.asl.AslSupportTest$ShotRejectedException");
        assertThat(cause.get("errorMessage").textValue()).isEqualTo("prompt refused by the content filter");
        assertThat(cause.get("errorType").textValue()).isEqualTo(failure.error());
        assertThat(cause.get("stackTrace").get(0).textValue()).startsWith("dev.reelsmith.local.asl.AslSupportTest.");
        // the Java runtime (LambdaErrorConverter.fromThrowable) falls back to the class name when there is no message
        assertThat(json(LambdaErrors.errorDocument(new IllegalStateException())).get("errorMessage").textValue())
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void manualClock_shouldRunTimersInDueOrder_onlyWhenTimeReachesThem() {
        // given
        ManualEngineClock clock = new ManualEngineClock(Instant.parse("2024-01-01T00:00:00Z")).autoAdvance(false);
        List<String> fired = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(10), () -> fired.add("10s"));
        clock.schedule(Duration.ofSeconds(5), () -> fired.add("5s"));
        clock.schedule(Duration.ofSeconds(20), () -> fired.add("20s")).cancel();

        // when
        clock.advance(Duration.ofSeconds(7));
        List<String> afterSeven = List.copyOf(fired);
        clock.advance(Duration.ofSeconds(30));

        // then
        assertThat(afterSeven).containsExactly("5s");
        assertThat(fired).containsExactly("5s", "10s");
        assertThat(clock.now()).isEqualTo(Instant.parse("2024-01-01T00:00:37Z"));
        assertThat(clock.pendingTimers()).isZero();
    }

    @Test
    void manualClock_shouldJumpToTheNextTimer_whenTheEngineIsIdle() {
        // given
        ManualEngineClock clock = new ManualEngineClock(Instant.parse("2024-01-01T00:00:00Z"));
        List<Instant> fired = new ArrayList<>();
        clock.schedule(Duration.ofDays(3), () -> fired.add(clock.now()));

        // when
        clock.engineIdle();

        // then
        assertThat(fired).containsExactly(Instant.parse("2024-01-04T00:00:00Z"));
    }
}
