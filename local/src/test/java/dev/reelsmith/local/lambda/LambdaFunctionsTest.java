package dev.reelsmith.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.steps.PipelineFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaFunctionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "210987654321";

    private final LambdaFunctions lambda = new LambdaFunctions(REGION, ACCOUNT);

    @AfterEach
    void close() {
        lambda.close();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode json(InvocationResult result) throws IOException {
        return MAPPER.readTree(result.payload());
    }

    @Test
    void invoke_shouldRunStreamHandler_withTheContextTheRuntimeGives() throws Exception {
        // given
        lambda.register(new LambdaFunction("echo", LambdaTestHandlers.Echo.class.getName(), 1024, 30));

        // when
        InvocationResult result = lambda.invoke("echo", bytes("{\"song\":\"a.mp3\"}"));

        // then
        JsonNode answer = json(result);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.functionError()).isEmpty();
        assertThat(result.executedVersion()).isEqualTo("$LATEST");
        assertThat(answer.get("event").get("song").textValue()).isEqualTo("a.mp3");
        assertThat(answer.get("requestId").textValue()).isEqualTo(result.requestId());
        assertThat(answer.get("functionName").textValue()).isEqualTo("echo");
        assertThat(answer.get("functionVersion").textValue()).isEqualTo("$LATEST");
        assertThat(answer.get("invokedFunctionArn").textValue())
                .isEqualTo("arn:aws:lambda:eu-west-1:210987654321:function:echo");
        assertThat(answer.get("memoryLimitInMB").intValue()).isEqualTo(1024);
        assertThat(answer.get("remainingTimeInMillis").intValue()).isBetween(1, 30_000);
        assertThat(answer.get("logGroupName").textValue()).isEqualTo("/aws/lambda/echo");
        assertThat(answer.get("logStreamName").textValue()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
    }

    @Test
    void invoke_shouldFindTheFunction_byNameFullArnPartialArnAndQualifier() throws Exception {
        // given
        lambda.register(LambdaFunction.of("echo", LambdaTestHandlers.Echo.class.getName()));

        // when
        List<String> invoked = new ArrayList<>();
        for (String name : List.of("echo", "arn:aws:lambda:eu-west-1:210987654321:function:echo",
                "210987654321:function:echo", "echo:live")) {
            invoked.add(json(lambda.invoke(name, bytes("{}"))).get("invokedFunctionArn").textValue());
        }

        // then
        assertThat(invoked).containsExactly("arn:aws:lambda:eu-west-1:210987654321:function:echo",
                "arn:aws:lambda:eu-west-1:210987654321:function:echo",
                "arn:aws:lambda:eu-west-1:210987654321:function:echo",
                "arn:aws:lambda:eu-west-1:210987654321:function:echo:live");
        assertThat(lambda.function("arn:aws:lambda:eu-west-1:210987654321:function:echo:$LATEST")).isPresent();
    }

    @Test
    void invoke_shouldFailWithResourceNotFound_forUnknownFunctionsOrAnotherAccount() {
        // given
        lambda.register(LambdaFunction.of("echo", LambdaTestHandlers.Echo.class.getName()));

        // when / then
        assertThatThrownBy(() -> lambda.invoke("missing", bytes("{}")))
                .isInstanceOfSatisfying(LambdaServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e).hasMessage("Function not found: arn:aws:lambda:eu-west-1:210987654321:function:missing");
                });
        assertThatThrownBy(() -> lambda.invoke("arn:aws:lambda:eu-west-1:123456789012:function:echo", bytes("{}")))
                .isInstanceOfSatisfying(LambdaServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThatThrownBy(() -> lambda.invoke("echo:v1", "v2", InvocationType.REQUEST_RESPONSE, bytes("{}")))
                .isInstanceOfSatisfying(LambdaServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException"));
        assertThatThrownBy(() -> lambda.invoke("echo", bytes("{not json")))
                .isInstanceOfSatisfying(LambdaServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidRequestContentException"));
    }

    @Test
    void registerIfPresent_shouldLeaveOutMissingClasses_andNameThemWhenInvoked() {
        // given
        lambda.registerIfPresent(LambdaFunction.of("ghost", "dev.reelsmith.steps.ghost.GhostHandler"));
        lambda.registerIfPresent(LambdaFunction.of("echo", LambdaTestHandlers.Echo.class.getName()));

        // when / then
        assertThat(lambda.functions()).extracting(LambdaFunction::name).containsExactly("echo");
        assertThat(lambda.missingHandlers()).containsEntry("ghost", "dev.reelsmith.steps.ghost.GhostHandler");
        assertThatThrownBy(() -> lambda.invoke("ghost", bytes("{}")))
                .isInstanceOfSatisfying(LambdaServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.getMessage()).contains("dev.reelsmith.steps.ghost.GhostHandler");
                });
    }

    @Test
    void registerPipelineFunctions_shouldRegisterEveryPipelineFunction_asReelsmithIdWithItsSizing() {
        // when
        lambda.registerPipelineFunctions();

        // then
        Set<String> accounted = new HashSet<>(lambda.missingHandlers().keySet());
        for (LambdaFunction function : lambda.functions()) {
            accounted.add(function.name());
        }
        assertThat(accounted).hasSize(PipelineFunction.values().length);
        for (PipelineFunction pipeline : PipelineFunction.values()) {
            String name = "reelsmith-" + pipeline.id();
            lambda.function(name).ifPresentOrElse(function -> {
                assertThat(function.handlerClass()).isEqualTo(pipeline.handlerClass());
                assertThat(function.memoryMb()).isEqualTo(pipeline.memoryMb());
                assertThat(function.timeoutSeconds()).isEqualTo(pipeline.timeoutSeconds());
            }, () -> assertThat(lambda.missingHandlers()).containsEntry(name, pipeline.handlerClass()));
        }
        assertThat(lambda.pipelinePlaceholders()).containsEntry("${ComposeFunctionArn}",
                "arn:aws:lambda:eu-west-1:210987654321:function:reelsmith-compose");
    }

    @Test
    void invoke_shouldConstructTheHandlerOnce_evenForConcurrentFirstInvocations() throws Exception {
        // given
        lambda.register(LambdaFunction.of("counted", LambdaTestHandlers.Counted.class.getName()));
        int before = LambdaTestHandlers.Counted.INSTANCES.get();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> lambda.invoke("counted", bytes("{}")).payloadText());
        }

        // when
        Set<String> instances = new HashSet<>();
        try {
            for (Future<String> call : callers.invokeAll(calls)) {
                instances.add(call.get());
            }
        } finally {
            callers.shutdownNow();
        }

        // then
        assertThat(LambdaTestHandlers.Counted.INSTANCES.get() - before).isEqualTo(1);
        assertThat(instances).hasSize(1);
    }

    @Test
    void invoke_shouldReadAndWritePojos_forRequestHandlerBoundThroughASuperclass() throws Exception {
        // given
        lambda.register(LambdaFunction.of("checkout", LambdaTestHandlers.Checkout.class.getName()));

        // when
        InvocationResult result = lambda.invoke("checkout", bytes("{\"item\":\"keyframe\",\"quantity\":4}"));

        // then
        assertThat(json(result)).isEqualTo(MAPPER.readTree("{\"summary\":\"4 x keyframe\",\"total\":12}"));
    }

    @Test
    void invoke_shouldReadAwsEventsWithTheLambdaEventSerializers_forScheduledEvent() throws Exception {
        // given
        lambda.register(LambdaFunction.of("schedule", LambdaTestHandlers.Schedule.class.getName()));
        String event = """
                {"version":"0","id":"89d1a02d-5ec7-412e-82f5-13505f849b41","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"210987654321","time":"2024-05-01T10:00:00Z","region":"eu-west-1",
                 "resources":["arn:aws:events:eu-west-1:210987654321:rule/nightly"],"detail":{"run":"nightly"}}""";

        // when
        InvocationResult result = lambda.invoke("schedule", bytes(event));

        // then
        JsonNode answer = json(result);
        assertThat(result.functionError()).isEmpty();
        assertThat(answer.get("detailType").textValue()).isEqualTo("Scheduled Event");
        assertThat(answer.get("source").textValue()).isEqualTo("aws.events");
        assertThat(answer.get("time").textValue()).startsWith("2024-05-01T10:00:00");
        assertThat(answer.get("resources").get(0).textValue())
                .isEqualTo("arn:aws:events:eu-west-1:210987654321:rule/nightly");
        assertThat(answer.get("detail").get("run").textValue()).isEqualTo("nightly");
    }

    @Test
    void invoke_shouldAnswerNull_whenRequestHandlerReturnsVoid() throws Exception {
        // given
        lambda.register(LambdaFunction.of("silent", LambdaTestHandlers.Silent.class.getName()));

        // when
        InvocationResult result = lambda.invoke("silent", bytes("{\"a\":1}"));

        // then
        assertThat(result.payloadText()).isEqualTo("null");
    }

    @Test
    void invoke_shouldReturnTheRuntimesErrorDocument_whenTheHandlerThrows() throws Exception {
        // given
        lambda.register(LambdaFunction.of("refusing", LambdaTestHandlers.Refusing.class.getName()));

        // when
        InvocationResult result = lambda.invoke("refusing", bytes("{}"));

        // then
        JsonNode document = json(result);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.functionError()).contains("Unhandled");
        assertThat(document.get("errorType").textValue())
                .isEqualTo("dev.reelsmith.local.lambda.LambdaTestHandlers$PromptRefusedException");
        assertThat(document.get("errorMessage").textValue()).isEqualTo("prompt refused by the content filter");
        assertThat(document.get("stackTrace")).isNotEmpty();
        assertThat(document.get("stackTrace").get(0).textValue())
                .startsWith("dev.reelsmith.local.lambda.LambdaTestHandlers$Refusing.handleRequest(");
        assertThat(document.get("stackTrace").toString()).doesNotContain("LambdaFunctions", "java.util.concurrent");
    }

    @Test
    void invoke_shouldReportTheRuntimesFaults_forMissingClassesAndClassesThatAreNoHandlers() throws Exception {
        // given
        lambda.register(LambdaFunction.of("typo", "dev.reelsmith.steps.Typo"));
        lambda.register(LambdaFunction.of("plain", LambdaTestHandlers.NotAHandler.class.getName()));

        // when
        InvocationResult typo = lambda.invoke("typo", bytes("{}"));
        InvocationResult plain = lambda.invoke("plain", bytes("{}"));

        // then
        assertThat(json(typo)).isEqualTo(MAPPER.readTree(
                "{\"errorMessage\":\"Class not found: dev.reelsmith.steps.Typo\","
                        + "\"errorType\":\"java.lang.ClassNotFoundException\"}"));
        assertThat(json(plain).get("errorMessage").textValue()).isEqualTo(
                "Class does not implement an appropriate handler interface: "
                        + LambdaTestHandlers.NotAHandler.class.getName());
        assertThat(plain.functionError()).contains("Unhandled");
    }

    @Test
    void invoke_shouldEndWithSandboxTimedout_andStartAFreshHandler_whenTheFunctionTimeoutPasses() throws Exception {
        // given
        lambda.register(new LambdaFunction("sleeper", LambdaTestHandlers.Sleeper.class.getName(), 128, 1));
        int before = LambdaTestHandlers.Sleeper.INSTANCES.get();

        // when
        InvocationResult first = lambda.invoke("sleeper", bytes("{}"));
        InvocationResult second = lambda.invoke("sleeper", bytes("{}"));

        // then
        assertThat(first.functionError()).contains("Unhandled");
        assertThat(json(first).get("errorType").textValue()).isEqualTo("Sandbox.Timedout");
        assertThat(json(first).get("errorMessage").textValue())
                .isEqualTo("RequestId: " + first.requestId() + " Error: Task timed out after 1.00 seconds");
        assertThat(second.functionError()).contains("Unhandled");
        assertThat(LambdaTestHandlers.Sleeper.INSTANCES.get() - before).isEqualTo(2);
    }

    @Test
    void invoke_shouldAnswer202AndRunLater_forEventInvocations_and204WithoutRunning_forDryRun() throws Exception {
        // given
        lambda.register(LambdaFunction.of("counted-async", LambdaTestHandlers.Counted.class.getName()));
        int before = LambdaTestHandlers.Counted.INSTANCES.get();

        // when
        InvocationResult dryRun = lambda.invoke("counted-async", null, InvocationType.DRY_RUN, bytes("{}"));
        int afterDryRun = LambdaTestHandlers.Counted.INSTANCES.get();
        InvocationResult event = lambda.invoke("counted-async", null, InvocationType.EVENT, bytes("{}"));

        // then
        assertThat(dryRun.statusCode()).isEqualTo(204);
        assertThat(afterDryRun).isEqualTo(before);
        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(event.payload()).isEmpty();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (LambdaTestHandlers.Counted.INSTANCES.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(LambdaTestHandlers.Counted.INSTANCES.get()).isEqualTo(before + 1);
    }
}
