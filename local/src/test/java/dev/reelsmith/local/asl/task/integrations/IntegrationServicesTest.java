package dev.reelsmith.local.asl.task.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.cloud.EventBridgeEmulator;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.cloud.SqsEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The optimised integrations against the local emulators, written from the Step Functions Developer Guide's pages
 * on DynamoDB, Amazon SQS, EventBridge and nested executions: the request reaches the service, the result has the
 * API's response members plus the SDK metadata, and errors carry the names Retry and Catch use in AWS.
 */
class IntegrationServicesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    private static final String TABLE = "sessions";
    private static final AtomicInteger MACHINES = new AtomicInteger();

    @TempDir
    static Path data;

    private static LocalCloud cloud;
    private static String queueUrl;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data).start();
        cloud.dynamoDb().createTable(create -> create.tableName(TABLE)
                .attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        queueUrl = cloud.sqs().createQueue(create -> create.queueName("dead-letters")).queueUrl();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    private static String machine(String definition) {
        return cloud.engine().createStateMachine("Services" + MACHINES.incrementAndGet(), definition, ROLE).arn();
    }

    private static ExecutionDescription run(String definition, String input) throws Exception {
        String execution = cloud.engine().startExecution(machine(definition), null, input).executionArn();
        return cloud.engine().awaitCompletion(execution, Duration.ofSeconds(20));
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ------------------------------------------------------------------ DynamoDB

    @Test
    void dynamoDb_shouldPutGetUpdateAndDeleteTheItem_returningEachApisResponse() throws Exception {
        // given
        String key = "\"Key\":{\"pk\":{\"S.$\":\"$.session\"},\"sk\":{\"S\":\"META\"}}";
        String definition = """
                {"StartAt":"Put","States":{
                  "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","ResultPath":"$.put",
                    "Parameters":{"TableName":"%1$s","Item":{"pk":{"S.$":"$.session"},"sk":{"S":"META"},
                      "status":{"S":"RUNNING"},"shots":{"N":"4"}}},"Next":"Get"},
                  "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","ResultPath":"$.get",
                    "Parameters":{"TableName":"%1$s",%2$s},"Next":"Update"},
                  "Update":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","ResultPath":"$.update",
                    "Parameters":{"TableName":"%1$s",%2$s,"UpdateExpression":"SET #s = :s",
                      "ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":s":{"S":"DONE"}},
                      "ReturnValues":"ALL_NEW"},"Next":"Delete"},
                  "Delete":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:deleteItem","ResultPath":"$.delete",
                    "Parameters":{"TableName":"%1$s",%2$s,"ReturnValues":"ALL_OLD"},"End":true}}}"""
                .formatted(TABLE, key);

        // when
        ExecutionDescription done = run(definition, "{\"session\":\"SESSION#s1\"}");

        // then
        JsonNode output = json(done.output());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(fields(output.get("put"))).containsExactly("SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(output.get("put").get("SdkHttpMetadata").get("HttpStatusCode").intValue()).isEqualTo(200);
        assertThat(output.get("put").get("SdkHttpMetadata").get("HttpHeaders").get("Content-Type").textValue())
                .isEqualTo("application/x-amz-json-1.0");
        assertThat(output.get("get").get("Item")).isEqualTo(json(
                "{\"pk\":{\"S\":\"SESSION#s1\"},\"sk\":{\"S\":\"META\"},\"status\":{\"S\":\"RUNNING\"},\"shots\":{\"N\":\"4\"}}"));
        assertThat(fields(output.get("get"))).containsExactly("Item", "SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(output.get("update").get("Attributes").get("status")).isEqualTo(json("{\"S\":\"DONE\"}"));
        assertThat(output.get("delete").get("Attributes").get("status")).isEqualTo(json("{\"S\":\"DONE\"}"));
        assertThat(cloud.dynamoDb().getItem(get -> get.tableName(TABLE).key(Map.of(
                "pk", AttributeValue.fromS("SESSION#s1"), "sk", AttributeValue.fromS("META")))).hasItem()).isFalse();
    }

    @Test
    void dynamoDb_shouldFailWithConditionalCheckFailedException_catchableByThatName_whenTheConditionFails()
            throws Exception {
        // given
        cloud.dynamoDb().putItem(put -> put.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("UPLOAD#a.mp3"),
                "sk", AttributeValue.fromS("CLAIM"))));
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Claim","States":{
                  "Claim":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                    "Arguments":{"TableName":"%s","Item":{"pk":{"S":"UPLOAD#a.mp3"},"sk":{"S":"CLAIM"}},
                      "ConditionExpression":"attribute_not_exists(pk)"},
                    "Catch":[{"ErrorEquals":["DynamoDB.ConditionalCheckFailedException"],"Next":"AlreadyClaimed"}],
                    "End":true},
                  "AlreadyClaimed":{"Type":"Pass","End":true}}}""".formatted(TABLE);

        // when
        ExecutionDescription done = run(definition, "{}");

        // then
        JsonNode output = json(done.output());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(output.get("Error").textValue()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
        assertThat(output.get("Cause").textValue()).startsWith("The conditional request failed (Service: "
                + "AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: ")
                .endsWith("; Proxy: null)");
    }

    @Test
    void dynamoDb_shouldNameErrors_byTheModelledExceptionOrAmazonDynamoDBException() throws Exception {
        // given
        String missingTable = """
                {"StartAt":"Get","States":{"Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",
                  "Parameters":{"TableName":"no-such-table","Key":{"pk":{"S":"x"},"sk":{"S":"y"}}},"End":true}}}""";
        String missingKey = """
                {"StartAt":"Put","States":{"Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                  "Parameters":{"TableName":"%s","Item":{"pk":{"S":"x"}}},"End":true}}}""".formatted(TABLE);

        // when
        ExecutionDescription noTable = run(missingTable, "{}");
        ExecutionDescription invalid = run(missingKey, "{}");

        // then
        assertThat(noTable.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
        assertThat(invalid.error()).isEqualTo("DynamoDB.AmazonDynamoDBException");
        assertThat(invalid.cause()).contains("(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: "
                + "ValidationException; Request ID: ");
    }

    // ------------------------------------------------------------------ SQS

    @Test
    void sqs_shouldSendAnObjectBodyAsItsJsonText_andReturnTheMd5AndMessageId() throws Exception {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"DeadLetter","States":{"DeadLetter":{"Type":"Task",
                  "Resource":"arn:aws:states:::sqs:sendMessage",
                  "Arguments":{"QueueUrl":"QUEUE_URL","MessageBody":{"runId":"{% $states.input.runId %}","step":"Compose"},
                    "MessageAttributes":{"kind":{"DataType":"String","StringValue":"failure"}}},
                  "End":true}}}""".replace("QUEUE_URL", queueUrl);

        // when
        ExecutionDescription done = run(definition, "{\"runId\":\"r1\"}");

        // then
        JsonNode result = json(done.output());
        List<SqsEmulator.Message> messages = cloud.sqsEmulator().messages("dead-letters");
        SqsEmulator.Message sent = messages.get(messages.size() - 1);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sent.body()).isEqualTo("{\"runId\":\"r1\",\"step\":\"Compose\"}");
        assertThat(sent.messageAttributes()).containsKey("kind");
        assertThat(result.get("MessageId").textValue()).isEqualTo(sent.messageId());
        assertThat(result.get("MD5OfMessageBody").textValue()).isEqualTo(md5(sent.body()));
        assertThat(fields(result)).containsExactly("MD5OfMessageAttributes", "MD5OfMessageBody", "MessageId",
                "SdkHttpMetadata", "SdkResponseMetadata");
    }

    @Test
    void sqs_shouldFailWithQueueDoesNotExistException_forAMissingQueue() throws Exception {
        // given
        String definition = """
                {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                  "Parameters":{"QueueUrl":"%s","MessageBody":"hello"},"End":true}}}"""
                .formatted(queueUrl.replace("dead-letters", "no-such-queue"));

        // when
        ExecutionDescription done = run(definition, "{}");

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("SQS.QueueDoesNotExistException");
        assertThat(done.cause()).contains("(Service: AmazonSQS; Status Code: 400;");
    }

    // ------------------------------------------------------------------ EventBridge

    @Test
    void eventBridge_shouldPutTheEventWithDetailAsJsonText_addingTheStateMachineAndExecutionToResources()
            throws Exception {
        // given
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Announce","States":{"Announce":{"Type":"Task",
                  "Resource":"arn:aws:states:::events:putEvents",
                  "Arguments":{"Entries":[{"Source":"reelsmith.pipeline","DetailType":"VideoReady",
                    "EventBusName":"default","Detail":{"runId":"{% $states.input.runId %}"}}]},
                  "End":true}}}""";

        // when
        String machine = machine(definition);
        String execution = cloud.engine().startExecution(machine, null, "{\"runId\":\"r2\"}").executionArn();
        ExecutionDescription done = cloud.engine().awaitCompletion(execution, Duration.ofSeconds(20));

        // then
        JsonNode result = json(done.output());
        List<EventBridgeEmulator.Event> events = cloud.eventBridgeEmulator().events();
        EventBridgeEmulator.Event event = events.get(events.size() - 1);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(event.detailType()).isEqualTo("VideoReady");
        assertThat(event.detail()).isEqualTo(json("{\"runId\":\"r2\"}"));
        assertThat(event.envelope().get("resources")).isEqualTo(MAPPER.createArrayNode().add(machine).add(execution));
        assertThat(result.get("Entries")).isEqualTo(MAPPER.createArrayNode().add(
                MAPPER.createObjectNode().put("EventId", event.id())));
        assertThat(result.get("FailedEntryCount").intValue()).isZero();
        assertThat(fields(result)).containsExactly("Entries", "FailedEntryCount", "SdkHttpMetadata",
                "SdkResponseMetadata");
    }

    @Test
    void eventBridge_shouldFailWithFailedEntry_whenAnEntryIsRejected() throws Exception {
        // given
        String definition = """
                {"StartAt":"Announce","States":{"Announce":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
                  "Parameters":{"Entries":[{"Source":"aws.s3","DetailType":"Object Created","Detail":{}}]},
                  "End":true}}}""";

        // when
        ExecutionDescription done = run(definition, "{}");

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("EventBridge.FailedEntry");
        assertThat(json(done.cause()).get("FailedEntryCount").intValue()).isEqualTo(1);
        assertThat(json(done.cause()).get("Entries").get(0).get("ErrorCode").textValue())
                .isEqualTo("NotAuthorizedForSourceException");
    }

    // ------------------------------------------------------------------ Step Functions

    private static final String CHILD = """
            {"QueryLanguage":"JSONata","StartAt":"Double","States":{"Double":{"Type":"Pass",
              "Output":{"doubled":"{% $states.input.shots * 2 %}"},"End":true}}}""";

    private static String startChild(String resource, String childArn, String name) {
        return """
                {"QueryLanguage":"JSONata","StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"RESOURCE",
                  "Arguments":{"StateMachineArn":"CHILD_ARN","Name":"NAME","Input":{"shots":"{% $states.input.shots %}",
                    "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID":"{% $states.context.Execution.Id %}"}},
                  "End":true}}}""".replace("RESOURCE", resource).replace("CHILD_ARN", childArn).replace("NAME", name);
    }

    @Test
    void startExecution_shouldStartTheChildWithTheParentsId_andReturnItsArnAndStartDate() throws Exception {
        // given
        String child = machine(CHILD);
        String parent = machine(startChild("arn:aws:states:::states:startExecution", child, "plain-child"));

        // when
        String execution = cloud.engine().startExecution(parent, null, "{\"shots\":3}").executionArn();
        ExecutionDescription done = cloud.engine().awaitCompletion(execution, Duration.ofSeconds(20));

        // then
        JsonNode result = json(done.output());
        String childExecution = result.get("ExecutionArn").textValue();
        ExecutionDescription childDone = cloud.engine().awaitCompletion(childExecution, Duration.ofSeconds(20));
        assertThat(fields(result)).containsExactly("ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata",
                "StartDate");
        assertThat(childExecution).endsWith(":plain-child");
        assertThat(result.get("StartDate").longValue()).isEqualTo(childDone.startDate().toEpochMilli());
        assertThat(json(childDone.input())).isEqualTo(json(
                "{\"shots\":3,\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID\":\"" + execution + "\"}"));
        assertThat(json(childDone.output())).isEqualTo(json("{\"doubled\":6}"));
    }

    @Test
    void startExecutionSync_shouldWaitForTheChild_returningItsOutputAsJsonForSync2AndAsTextForSync()
            throws Exception {
        // given
        String child = machine(CHILD);
        String sync2 = startChild("arn:aws:states:::states:startExecution.sync:2", child, "sync2-child");
        String sync = startChild("arn:aws:states:::states:startExecution.sync", child, "sync-child");

        // when
        ExecutionDescription parsed = run(sync2, "{\"shots\":4}");
        ExecutionDescription text = run(sync, "{\"shots\":5}");

        // then
        JsonNode parsedResult = json(parsed.output());
        JsonNode textResult = json(text.output());
        assertThat(parsedResult.get("Status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(parsedResult.get("Output")).isEqualTo(json("{\"doubled\":8}"));
        assertThat(parsedResult.get("Input").get("shots").intValue()).isEqualTo(4);
        assertThat(parsedResult.get("ExecutionArn").textValue()).endsWith(":sync2-child");
        assertThat(fields(parsedResult)).containsExactly("ExecutionArn", "Input", "InputDetails", "Name", "Output",
                "OutputDetails", "StartDate", "StateMachineArn", "Status", "StopDate");
        assertThat(textResult.get("Output").textValue()).isEqualTo("{\"doubled\":10}");
        assertThat(textResult.get("Input").isTextual()).isTrue();
    }

    @Test
    void startExecutionSync_shouldFailWithTaskFailed_whenTheChildFails() throws Exception {
        // given
        String child = machine("""
                {"StartAt":"Vendor","States":{"Vendor":{"Type":"Fail","Error":"ClipFailed","Cause":"vendor down"}}}""");
        String parent = startChild("arn:aws:states:::states:startExecution.sync:2", child, "failing-child");

        // when
        ExecutionDescription done = run(parent, "{\"shots\":1}");

        // then
        JsonNode cause = json(done.cause());
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.TaskFailed");
        assertThat(cause.get("Status").textValue()).isEqualTo("FAILED");
        assertThat(cause.get("Error").textValue()).isEqualTo("ClipFailed");
        assertThat(cause.get("Cause").textValue()).isEqualTo("vendor down");
    }

    @Test
    void startExecution_shouldFailWithStateMachineDoesNotExistException_forAnUnknownMachine() throws Exception {
        // given
        String parent = startChild("arn:aws:states:::states:startExecution",
                "arn:aws:states:us-east-1:123456789012:stateMachine:Nowhere", "lost-child");

        // when
        ExecutionDescription done = run(parent, "{\"shots\":1}");

        // then
        assertThat(done.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
        assertThat(done.cause()).contains("(Service: AWSStepFunctions; Status Code: 400; Error Code: "
                + "StateMachineDoesNotExist; Request ID: ");
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
