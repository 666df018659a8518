package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

class CloudLocalCloudTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";
    private static final String PASS = """
            {"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    private static LocalCloud cloud;

    @TempDir
    Path data;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.builder().start();
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    @Test
    void defaultBuilders_shouldReachTheEmulators_throughTheSdkSystemProperties() {
        // given: clients configured the way handlers configure them, with no endpoint, region or credentials
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             SfnClient sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             EventBridgeClient events = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create())
                     .build()) {

            // when
            s3.createBucket(create -> create.bucket("default-builder"));
            s3.putObject(put -> put.bucket("default-builder").key("a.txt"), RequestBody.fromString("stored"));
            dynamoDb.createTable(create -> create.tableName("default-builder")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            String machine = sfn.createStateMachine(create -> create.name("DefaultBuilder").definition(PASS)
                    .roleArn(ROLE)).stateMachineArn();
            String queue = sqs.createQueue(create -> create.queueName("default-builder")).queueUrl();
            sqs.sendMessage(send -> send.queueUrl(queue).messageBody("dead letter"));
            events.putEvents(put -> put.entries(entry -> entry.source("dev.reelsmith.pipeline")
                    .detailType("RunFailed").detail("{\"runId\":\"r1\"}")));

            // then
            assertThat(cloud.s3().getObjectAsBytes(get -> get.bucket("default-builder").key("a.txt"))
                    .asUtf8String()).isEqualTo("stored");
            assertThat(cloud.dynamoDb().listTables().tableNames()).contains("default-builder");
            assertThat(cloud.engine().describeStateMachine(machine).name()).isEqualTo("DefaultBuilder");
            assertThat(cloud.sqsEmulator().messages("default-builder")).extracting(SqsEmulator.Message::body)
                    .containsExactly("dead letter");
            assertThat(cloud.eventBridgeEmulator().events()).extracting(EventBridgeEmulator.Event::detailType)
                    .contains("RunFailed");
        }
    }

    @Test
    void environment_shouldNameEveryEndpointWithTheStandardVariables() {
        // when
        Map<String, String> env = cloud.environment();
        Map<String, String> properties = cloud.systemProperties();

        // then
        LocalCloud.Endpoints endpoints = cloud.endpoints();
        assertThat(env).containsEntry("AWS_ENDPOINT_URL_S3", endpoints.s3().toString())
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString())
                .containsEntry("AWS_ENDPOINT_URL_SFN", endpoints.stepFunctions().toString())
                .containsEntry("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString())
                .containsEntry("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoints.eventBridge().toString())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ACCESS_KEY_ID", "local")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "local");
        assertThat(List.of(endpoints.s3(), endpoints.dynamoDb(), endpoints.stepFunctions(), endpoints.sqs(),
                endpoints.eventBridge())).allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
        properties.forEach((name, value) -> assertThat(System.getProperty(name)).as(name).isEqualTo(value));
    }

    @Test
    void watchInbox_shouldPublishObjectCreatedOnTheDefaultBus_andHandItToTheCallback() throws Exception {
        // given
        BlockingQueue<ObjectNode> created = new LinkedBlockingQueue<>();
        cloud.watchInbox("watched-inbox", Duration.ofMillis(50), created::add, e -> {
        });
        Thread.sleep(200);

        // when
        cloud.s3().putObject(put -> put.bucket("watched-inbox").key("songs/new.mp3"), RequestBody.fromString("x"));
        ObjectNode event = created.poll(10, TimeUnit.SECONDS);

        // then
        assertThat(event).isNotNull();
        assertThat(event.at("/detail/object/key").textValue()).isEqualTo("songs/new.mp3");
        assertThat(cloud.eventBridgeEmulator().events()).anySatisfy(recorded -> {
            assertThat(recorded.eventBusName()).isEqualTo("default");
            assertThat(recorded.source()).isEqualTo("aws.s3");
            assertThat(recorded.id()).isEqualTo(event.get("id").textValue());
        });
    }

    @Test
    void start_shouldBringEverythingBack_whenRestartedOnTheSameDataDirectory() throws Exception {
        // given
        String executionArn;
        try (LocalCloud first = LocalCloud.builder().dataDirectory(data).configureSdk(false).start()) {
            first.s3().createBucket(create -> create.bucket("kept"));
            first.s3().putObject(put -> put.bucket("kept").key("k"), RequestBody.fromString("v"));
            first.dynamoDb().createTable(create -> create.tableName("kept")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            first.dynamoDb().putItem(put -> put.tableName("kept").item(Map.of("pk", AttributeValue.fromS("1"))));
            String machine = first.stepFunctions().createStateMachine(create -> create.name("Kept").definition(PASS)
                    .roleArn(ROLE)).stateMachineArn();
            executionArn = first.stepFunctions().startExecution(start -> start.stateMachineArn(machine)
                    .name("kept-run")).executionArn();
            first.engine().awaitCompletion(executionArn, Duration.ofSeconds(10));
            String queue = first.sqs().createQueue(create -> create.queueName("kept")).queueUrl();
            first.sqs().sendMessage(send -> send.queueUrl(queue).messageBody("kept"));
            first.eventBridge().putEvents(put -> put.entries(entry -> entry.source("dev.reelsmith.pipeline")
                    .detailType("VideoReady").detail("{}")));
        }

        // when
        try (LocalCloud second = LocalCloud.builder().dataDirectory(data).configureSdk(false).start()) {

            // then
            assertThat(second.s3().getObjectAsBytes(get -> get.bucket("kept").key("k")).asUtf8String())
                    .isEqualTo("v");
            assertThat(second.dynamoDb().getItem(get -> get.tableName("kept")
                    .key(Map.of("pk", AttributeValue.fromS("1")))).hasItem()).isTrue();
            assertThat(second.stepFunctions().describeExecution(describe -> describe.executionArn(executionArn))
                    .status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(second.restored()).hasValueSatisfying(restored -> {
                assertThat(restored.stateMachines()).isEqualTo(1);
                assertThat(restored.closedExecutions()).isEqualTo(1);
            });
            assertThat(second.sqsEmulator().messages("kept")).hasSize(1);
            assertThat(second.eventBridgeEmulator().events()).extracting(EventBridgeEmulator.Event::detailType)
                    .containsExactly("VideoReady");
        }
    }
}
