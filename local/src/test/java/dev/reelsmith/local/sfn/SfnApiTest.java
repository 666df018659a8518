package dev.reelsmith.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import dev.reelsmith.local.cloud.awsjson.AwsJsonServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

class SfnApiTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    private static final String PASS = """
            {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Result":{"greeting":"hello"},"ResultPath":"$.out","End":true}}}""";
    private static final String CALLBACK = """
            {"StartAt":"Review","States":{"Review":{"Type":"Task",
              "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"https://sqs.local/reviews","MessageBody":{"token.$":"$$.Task.Token"}},
              "End":true}}}""";
    private static final String FLAKY = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":"prepared","ResultPath":"$.prepared","Next":"Render"},
              "Render":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                        "Parameters":{"FunctionName":"render","Payload.$":"$"},"End":true}}}""";

    private static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();
    private static final AtomicInteger RENDER_FAILURES_LEFT = new AtomicInteger();
    private static AslEngine engine;
    private static AwsJsonServer server;
    private static SfnClient sfn;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void startApi() {
        TaskResources resources = new TaskResources()
                .register("arn:aws:states:::sqs:sendMessage", invocation -> {
                    TOKENS.add(invocation.input().at("/MessageBody/token").textValue());
                    return AwsJson.object().put("MessageId", "m-1");
                })
                .register("arn:aws:states:::lambda:invoke", invocation -> {
                    if (RENDER_FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new AslTaskFailure("RenderFailed", "the renderer crashed");
                    }
                    return AwsJson.object().set("Payload", invocation.input().get("Payload"));
                });
        engine = AslEngine.builder().taskResources(resources).build();
        server = AwsJsonServer.start(0, new StepFunctionsApi(engine));
        sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopApi() {
        sfn.close();
        server.close();
        engine.close();
    }

    private static String machine(String definition) {
        return sfn.createStateMachine(create -> create.name("Machine" + NAMES.incrementAndGet())
                .definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private static DescribeExecutionResponse awaitClosed(String executionArn) {
        eventually(() -> sfn.describeExecution(d -> d.executionArn(executionArn)).status() != ExecutionStatus.RUNNING);
        return sfn.describeExecution(d -> d.executionArn(executionArn));
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void createStateMachine_shouldBeDescribedAndListed_withTheDefinitionAsGiven() {
        // given
        Instant before = Instant.now().minusSeconds(1);

        // when
        CreateStateMachineResponse created = sfn.createStateMachine(create -> create.name("Describe-Me")
                .definition(PASS).roleArn(ROLE));
        DescribeStateMachineResponse described = sfn.describeStateMachine(d -> d.stateMachineArn(
                created.stateMachineArn()));
        List<StateMachineListItem> listed = sfn.listStateMachinesPaginator(l -> l.maxResults(1)).stateMachines()
                .stream().toList();

        // then
        assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Describe-Me");
        assertThat(created.creationDate()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.typeAsString()).isEqualTo("STANDARD");
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(listed).extracting(StateMachineListItem::stateMachineArn).contains(created.stateMachineArn());
    }

    @Test
    void createStateMachine_shouldFailWithInvalidDefinition_whenTransitionTargetIsMissing() {
        // given
        String broken = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""";

        // when / then
        assertThatThrownBy(() -> sfn.createStateMachine(create -> create.name("Broken").definition(broken)
                .roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET");
    }

    @Test
    void deleteStateMachine_shouldMakeItUnknown() {
        // given
        String arn = machine(PASS);

        // when
        sfn.deleteStateMachine(d -> d.stateMachineArn(arn));

        // then
        assertThatThrownBy(() -> sfn.describeStateMachine(d -> d.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void startExecution_shouldRunToSuccess_andDescribeTheOutputAndDates() {
        // given
        String arn = machine(PASS);

        // when
        StartExecutionResponse started = sfn.startExecution(s -> s.stateMachineArn(arn).name("run-1")
                .input("{\"song\":\"a.mp3\"}"));
        DescribeExecutionResponse done = awaitClosed(started.executionArn());

        // then
        assertThat(started.executionArn()).isEqualTo(arn.replace(":stateMachine:", ":execution:") + ":run-1");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.name()).isEqualTo("run-1");
        assertThat(done.input()).isEqualTo("{\"song\":\"a.mp3\"}");
        assertThat(AwsJsonTree.parse(done.output())).isEqualTo(AwsJsonTree.parse(
                "{\"song\":\"a.mp3\",\"out\":{\"greeting\":\"hello\"}}"));
        assertThat(done.startDate()).isEqualTo(started.startDate());
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
        assertThat(done.redriveCount()).isZero();
    }

    @Test
    void startExecution_shouldFailWithExecutionAlreadyExists_whenNameOfClosedExecutionIsReused() {
        // given
        String arn = machine(PASS);
        String first = sfn.startExecution(s -> s.stateMachineArn(arn).name("once").input("{}")).executionArn();
        awaitClosed(first);

        // when / then
        assertThatThrownBy(() -> sfn.startExecution(s -> s.stateMachineArn(arn).name("once").input("{}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("Execution Already Exists");
    }

    @Test
    void startExecution_shouldFailWithStateMachineDoesNotExist_whenArnIsUnknown() {
        // when / then
        assertThatThrownBy(() -> sfn.startExecution(s -> s.stateMachineArn(
                "arn:aws:states:us-east-1:123456789012:stateMachine:Nobody")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.startExecution(s -> s.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void listExecutions_shouldFilterByStatus_andPageWithNextToken() {
        // given
        String arn = machine(CALLBACK);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(sfn.startExecution(s -> s.stateMachineArn(arn).input("{}")).executionArn());
        }
        sfn.stopExecution(s -> s.executionArn(started.get(0)).error("Cancelled").cause("by the test"));

        // when
        ListExecutionsResponse firstPage = sfn.listExecutions(l -> l.stateMachineArn(arn).maxResults(2));
        ListExecutionsResponse secondPage = sfn.listExecutions(l -> l.stateMachineArn(arn).maxResults(2)
                .nextToken(firstPage.nextToken()));
        List<ExecutionListItem> aborted = sfn.listExecutions(l -> l.stateMachineArn(arn)
                .statusFilter(ExecutionStatus.ABORTED)).executions();

        // then
        assertThat(firstPage.executions()).hasSize(2);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(secondPage.executions()).hasSize(1);
        assertThat(secondPage.nextToken()).isNull();
        List<String> all = new ArrayList<>();
        firstPage.executions().forEach(e -> all.add(e.executionArn()));
        secondPage.executions().forEach(e -> all.add(e.executionArn()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(started);
        assertThat(aborted).extracting(ExecutionListItem::executionArn).containsExactly(started.get(0));
        assertThat(aborted.get(0).stopDate()).isNotNull();
        started.subList(1, 3).forEach(e -> sfn.stopExecution(s -> s.executionArn(e)));
    }

    @Test
    void getExecutionHistory_shouldReturnAwsEventTypesInPages_forwardAndReversed() {
        // given
        String arn = machine(PASS);
        String execution = sfn.startExecution(s -> s.stateMachineArn(arn).input("{\"n\":1}")).executionArn();
        awaitClosed(execution);

        // when
        GetExecutionHistoryResponse first = sfn.getExecutionHistory(h -> h.executionArn(execution).maxResults(2));
        GetExecutionHistoryResponse rest = sfn.getExecutionHistory(h -> h.executionArn(execution).maxResults(2)
                .nextToken(first.nextToken()));
        List<HistoryEvent> reversed = sfn.getExecutionHistory(h -> h.executionArn(execution).reverseOrder(true))
                .events();
        List<HistoryEvent> withoutData = sfn.getExecutionHistory(h -> h.executionArn(execution)
                .includeExecutionData(false)).events();

        // then
        List<HistoryEvent> forward = new ArrayList<>(first.events());
        forward.addAll(rest.events());
        assertThat(forward).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(forward).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(forward.get(1).stateEnteredEventDetails().name()).isEqualTo("Greet");
        assertThat(forward.get(0).executionStartedEventDetails().input()).isEqualTo("{\"n\":1}");
        assertThat(forward.get(0).timestamp()).isBeforeOrEqualTo(forward.get(3).timestamp());
        assertThat(reversed).extracting(HistoryEvent::id).containsExactly(4L, 3L, 2L, 1L);
        assertThat(withoutData.get(0).executionStartedEventDetails().input()).isNull();
        assertThat(withoutData.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
    }

    @Test
    void getExecutionHistory_shouldFailWithInvalidToken_whenTokenBelongsToAnotherListing() {
        // given
        String arn = machine(PASS);
        String one = sfn.startExecution(s -> s.stateMachineArn(arn).input("{}")).executionArn();
        String two = sfn.startExecution(s -> s.stateMachineArn(arn).input("{}")).executionArn();
        awaitClosed(one);
        awaitClosed(two);
        String token = sfn.getExecutionHistory(h -> h.executionArn(one).maxResults(1)).nextToken();

        // when / then
        assertThatThrownBy(() -> sfn.getExecutionHistory(h -> h.executionArn(two).nextToken(token)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void stopExecution_shouldAbortIt_withTheGivenErrorAndCause() {
        // given
        String arn = machine(CALLBACK);
        String execution = sfn.startExecution(s -> s.stateMachineArn(arn).input("{}")).executionArn();

        // when
        Instant stopDate = sfn.stopExecution(s -> s.executionArn(execution).error("Cancelled").cause("user"))
                .stopDate();
        DescribeExecutionResponse described = sfn.describeExecution(d -> d.executionArn(execution));

        // then
        assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(described.error()).isEqualTo("Cancelled");
        assertThat(described.cause()).isEqualTo("user");
        assertThat(described.stopDate()).isEqualTo(stopDate);
    }

    @Test
    void sendTaskSuccess_shouldCompleteTheWaitingTask_withTheCallbackOutput() throws Exception {
        // given
        TOKENS.clear();
        String arn = machine(CALLBACK);
        String execution = sfn.startExecution(s -> s.stateMachineArn(arn).input("{}")).executionArn();
        String token = TOKENS.poll(10, TimeUnit.SECONDS);
        eventually(() -> sfn.getExecutionHistory(h -> h.executionArn(execution)).events().stream()
                .anyMatch(e -> e.type() == HistoryEventType.TASK_SUBMITTED));

        // when
        sfn.sendTaskSuccess(s -> s.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse done = awaitClosed(execution);

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(h -> h.taskToken(token)))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void sendTaskFailure_shouldFailTheExecution_withTheCallbackErrorAndCause() throws Exception {
        // given
        TOKENS.clear();
        String arn = machine(CALLBACK);
        String execution = sfn.startExecution(s -> s.stateMachineArn(arn).input("{}")).executionArn();
        String token = TOKENS.poll(10, TimeUnit.SECONDS);

        // when
        sfn.sendTaskFailure(s -> s.taskToken(token).error("Rejected").cause("not on brand"));
        DescribeExecutionResponse done = awaitClosed(execution);

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Rejected");
        assertThat(done.cause()).isEqualTo("not on brand");
    }

    @Test
    void sendTaskHeartbeat_shouldFailWithInvalidToken_whenTokenWasNeverIssued() {
        // when / then
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(h -> h.taskToken("not-a-token")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void redriveExecution_shouldRunTheFailedStateAgain_withoutRepeatingCompletedOnes() {
        // given
        RENDER_FAILURES_LEFT.set(1);
        String arn = machine(FLAKY);
        String execution = sfn.startExecution(s -> s.stateMachineArn(arn).input("{\"song\":\"b.mp3\"}"))
                .executionArn();
        DescribeExecutionResponse failed = awaitClosed(execution);

        // when
        Instant redriveDate = sfn.redriveExecution(r -> r.executionArn(execution)).redriveDate();
        DescribeExecutionResponse done = awaitClosed(execution);

        // then
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("RenderFailed");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.redriveCount()).isEqualTo(1);
        assertThat(done.redriveDate()).isEqualTo(redriveDate);
        List<HistoryEvent> events = sfn.getExecutionHistory(h -> h.executionArn(execution)).events();
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).hasSize(1);
        assertThat(events).extracting(HistoryEvent::type).contains(HistoryEventType.EXECUTION_REDRIVEN);
    }

    @Test
    void describeExecution_shouldFailWithExecutionDoesNotExist_whenArnIsUnknown() {
        // when / then
        assertThatThrownBy(() -> sfn.describeExecution(d -> d.executionArn(
                "arn:aws:states:us-east-1:123456789012:execution:Nobody:nothing")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void api_shouldAnswerInTheAwsJsonErrorShape_whenOperationIsUnknown() throws Exception {
        // given
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions.CreateActivity")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\"}")).build();

        // when
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = AwsJsonTree.parse(response.body());
        assertThat(body.get("__type").textValue()).endsWith("#UnknownOperationException");
        assertThat(body.get("message").textValue()).contains("CreateActivity");
    }

    @Test
    void api_shouldSendTimestampsAsEpochSecondsWithFraction() throws Exception {
        // given
        String arn = machine(PASS);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions.DescribeStateMachine")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stateMachineArn\":\"" + arn + "\"}")).build();

        // when
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        // then
        JsonNode creationDate = AwsJsonTree.parse(response.body()).get("creationDate");
        assertThat(creationDate.isNumber()).isTrue();
        assertThat(creationDate.decimalValue().doubleValue())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60.0));
    }

    /** JSON comparisons independent of key order. */
    static final class AwsJsonTree {
        static JsonNode parse(String json) {
            try {
                return AwsJson.mapper().readTree(json);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
