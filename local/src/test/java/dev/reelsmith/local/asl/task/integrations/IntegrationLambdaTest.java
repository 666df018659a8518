package dev.reelsmith.local.asl.task.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.HistoryEvent;
import dev.reelsmith.local.asl.HistoryEventType;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.lambda.LambdaFunction;
import dev.reelsmith.local.lambda.LambdaFunctions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Lambda from a state machine, as the Step Functions Developer Guide describes it ("Invoke Lambda with Step Functions"). */
class IntegrationLambdaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    private static final AtomicInteger MACHINES = new AtomicInteger();

    @TempDir
    static Path data;

    private static LocalCloud cloud;

    @BeforeAll
    static void startCloud() {
        LambdaFunctions lambdas = new LambdaFunctions("us-east-1", "123456789012")
                .register(LambdaFunction.of("greeter", IntegrationTestHandlers.Greeter.class.getName()))
                .register(LambdaFunction.of("plain-text", IntegrationTestHandlers.PlainText.class.getName()))
                .register(LambdaFunction.of("rejecting", IntegrationTestHandlers.Rejecting.class.getName()))
                .register(LambdaFunction.of("review-gate", IntegrationTestHandlers.ReviewGate.class.getName()))
                .register(LambdaFunction.of("nightly", IntegrationTestHandlers.Nightly.class.getName()));
        cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data).lambdas(lambdas).start();
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    private static String arn(String function) {
        return cloud.lambdas().functionArn(function);
    }

    private static String machine(String definition) {
        return cloud.engine().createStateMachine("Lambda" + MACHINES.incrementAndGet(), definition, ROLE).arn();
    }

    private static ExecutionDescription run(String definition, String input) throws Exception {
        String execution = cloud.engine().startExecution(machine(definition), null, input).executionArn();
        return cloud.engine().awaitCompletion(execution, Duration.ofSeconds(20));
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static String invoke(String functionArn, String payload) {
        return """
                {"QueryLanguage":"JSONata","StartAt":"Invoke","States":{"Invoke":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke",
                  "Arguments":{"FunctionName":"%s","Payload":%s},"End":true}}}""".formatted(functionArn, payload);
    }

    @Test
    void lambdaInvoke_shouldReturnInvokesResponse_withTheParsedPayloadAndTheSdkMetadata() throws Exception {
        // given
        String definition = invoke(arn("greeter"), "{\"name\":\"{% $states.input.name %}\"}");

        // when
        ExecutionDescription done = run(definition, "{\"name\":\"Ada\"}");

        // then
        JsonNode result = json(done.output());
        List<String> fields = new ArrayList<>();
        result.fieldNames().forEachRemaining(fields::add);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(fields).containsExactly("ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata",
                "StatusCode");
        assertThat(result.get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
        assertThat(result.get("Payload")).isEqualTo(json("{\"greeting\":\"Hello, Ada\"}"));
        assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
        JsonNode http = result.get("SdkHttpMetadata");
        assertThat(http.get("HttpStatusCode").intValue()).isEqualTo(200);
        assertThat(http.get("HttpHeaders").get("X-Amz-Executed-Version").textValue()).isEqualTo("$LATEST");
        assertThat(http.get("HttpHeaders").get("Content-Type").textValue()).isEqualTo("application/json");
        assertThat(http.get("HttpHeaders").get("Content-Length").textValue())
                .isEqualTo(Integer.toString("{\"greeting\":\"Hello, Ada\"}".length()));
        assertThat(http.get("AllHttpHeaders").get("x-amzn-RequestId").get(0).textValue())
                .isEqualTo(result.get("SdkResponseMetadata").get("RequestId").textValue());
    }

    @Test
    void lambdaInvoke_shouldSendAStringHoldingJsonAsThatJson_andKeepAnAnswerThatIsNotJsonAsAString() throws Exception {
        // given
        String jsonString = invoke(arn("greeter"), "\"{\\\"name\\\":\\\"Bo\\\"}\"");
        String plainText = invoke(arn("plain-text"), "{}");

        // when
        ExecutionDescription greeted = run(jsonString, "{}");
        ExecutionDescription queued = run(plainText, "{}");

        // then
        assertThat(json(greeted.output()).get("Payload")).isEqualTo(json("{\"greeting\":\"Hello, Bo\"}"));
        assertThat(json(queued.output()).get("Payload").textValue()).isEqualTo("queued for review");
    }

    @Test
    void lambdaInvoke_shouldReadAwsEventTypes_forRequestHandlersOfScheduledEvent() throws Exception {
        // given
        String event = """
                {"version":"0","id":"9b7a2c9e-7d5c-4c4e-8f0a-1f2e3d4c5b6a","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2024-05-01T02:00:00Z","region":"us-east-1",
                 "resources":[],"detail":{}}""";

        // when
        ExecutionDescription done = run(invoke(arn("nightly"), event), "{}");

        // then
        assertThat(json(done.output()).get("Payload").textValue()).isEqualTo("Scheduled Event from aws.events at 2024");
    }

    @Test
    void functionArn_shouldPassTheStateInputAsTheEvent_andReturnTheFunctionsOutputItself() throws Exception {
        // given
        String definition = """
                {"StartAt":"Greet","States":{"Greet":{"Type":"Task","Resource":"%s","End":true}}}"""
                .formatted(arn("greeter"));

        // when
        ExecutionDescription done = run(definition, "{\"name\":\"Cy\"}");

        // then
        assertThat(json(done.output())).isEqualTo(json("{\"greeting\":\"Hello, Cy\"}"));
        assertThat(cloud.engine().getExecutionHistory(done.executionArn())).extracting(HistoryEvent::type)
                .contains(HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionSucceeded);
    }

    @Test
    void handlerException_shouldFailTheTaskWithTheClassName_catchableByIt_withTheErrorDocumentAsCause()
            throws Exception {
        // given
        String error = IntegrationTestHandlers.ShotRejectedException.class.getName();
        String viaInvoke = """
                {"QueryLanguage":"JSONata","StartAt":"Check","States":{
                  "Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Arguments":{"FunctionName":"%s","Payload":{}},
                    "Catch":[{"ErrorEquals":["%s"],"Next":"Rejected"}],"End":true},
                  "Rejected":{"Type":"Pass","End":true}}}""".formatted(arn("rejecting"), error);
        String viaArn = """
                {"StartAt":"Check","States":{
                  "Check":{"Type":"Task","Resource":"%s","Catch":[{"ErrorEquals":["%s"],"Next":"Rejected"}],"End":true},
                  "Rejected":{"Type":"Pass","End":true}}}""".formatted(arn("rejecting"), error);

        // when
        ExecutionDescription invoked = run(viaInvoke, "{}");
        ExecutionDescription called = run(viaArn, "{}");

        // then
        for (ExecutionDescription done : List.of(invoked, called)) {
            JsonNode output = json(done.output());
            JsonNode cause = json(output.get("Cause").textValue());
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(output.get("Error").textValue()).isEqualTo(
                    "dev.reelsmith.local.asl.task.integrations.IntegrationTestHandlers$ShotRejectedException");
            assertThat(cause.get("errorType").textValue()).isEqualTo(output.get("Error").textValue());
            assertThat(cause.get("errorMessage").textValue()).isEqualTo("shot 3 shows a logo");
            assertThat(cause.get("stackTrace").get(0).textValue()).startsWith(
                    "dev.reelsmith.local.asl.task.integrations.IntegrationTestHandlers$Rejecting.handleRequest(");
        }
    }

    @Test
    void lambdaInvoke_shouldFailWithLambdaResourceNotFoundException_forAFunctionThatDoesNotExist() throws Exception {
        // given
        String definition = invoke(arn("nobody"), "{}");

        // when
        ExecutionDescription done = run(definition, "{}");

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(done.cause()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nobody"
                + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ");
    }

    @Test
    void waitForTaskToken_shouldWaitForSendTaskSuccess_andRefuseLaterOrUnknownCallbacksAsAwsDoes() throws Exception {
        // given
        IntegrationTestHandlers.ReviewGate.TOKENS.clear();
        String definition = """
                {"StartAt":"Review","States":{"Review":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters":{"FunctionName":"%s","Payload":{"token.$":"$$.Task.Token","shots.$":"$.shots"}},
                  "End":true}}}""".formatted(arn("review-gate"));
        SfnClient sfn = cloud.stepFunctions();
        String execution = sfn.startExecution(s -> s.stateMachineArn(machine(definition)).input("{\"shots\":4}"))
                .executionArn();
        String token = IntegrationTestHandlers.ReviewGate.TOKENS.poll(20, TimeUnit.SECONDS);

        // when
        sfn.sendTaskSuccess(s -> s.taskToken(token).output("{\"approved\":true}"));
        ExecutionDescription done = cloud.engine().awaitCompletion(execution, Duration.ofSeconds(20));

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output())).isEqualTo(json("{\"approved\":true}"));
        HistoryEvent submitted = cloud.engine().getExecutionHistory(execution).stream()
                .filter(event -> event.type() == HistoryEventType.TaskSubmitted).findFirst().orElseThrow();
        assertThat(json(submitted.details().get("output").textValue()).get("Payload"))
                .isEqualTo(json("{\"reviewOpened\":true}"));
        String unknown = "A".repeat(128);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(s -> s.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class)
                .hasMessageContaining("Provided task does not exist anymore");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(s -> s.taskToken(unknown).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskFailure(s -> s.taskToken("not-a-token").error("Rejected")))
                .isInstanceOf(InvalidTokenException.class);
    }
}
