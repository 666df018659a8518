package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.local.cloud.awsjson.AwsJsonServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

class CloudSqsTest {
    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private SqsEmulator emulator;
    private AwsJsonServer server;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        startWith(null);
    }

    private void startWith(Path stateFile) {
        emulator = new SqsEmulator(clock, "us-east-1", "123456789012", stateFile);
        server = AwsJsonServer.start(0, emulator);
        emulator.endpoint(server.endpoint().toString());
        sqs = SqsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sqs.close();
        server.close();
    }

    @Test
    void sendMessage_shouldBeReceivedOnce_withBodyAttributesAndChecksumsTheSdkVerifies() {
        // given
        String url = sqs.createQueue(create -> create.queueName("reelsmith-dlq")).queueUrl();

        // when
        SendMessageResponse sent = sqs.sendMessage(send -> send.queueUrl(url).messageBody("{\"runId\":\"r1\"}")
                .messageAttributes(Map.of("stage", MessageAttributeValue.builder().dataType("String")
                        .stringValue("Compose").build())));
        List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(url).maxNumberOfMessages(10)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        List<Message> again = sqs.receiveMessage(receive -> receive.queueUrl(url)).messages();

        // then
        assertThat(url).isEqualTo(server.endpoint() + "/123456789012/reelsmith-dlq");
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(sent.messageId());
            assertThat(message.body()).isEqualTo("{\"runId\":\"r1\"}");
            assertThat(message.messageAttributes().get("stage").stringValue()).isEqualTo("Compose");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        });
        assertThat(again).isEmpty();
    }

    @Test
    void receiveMessage_shouldReturnTheMessageAgain_whenVisibilityTimeoutEndsWithoutDelete() {
        // given
        String url = sqs.createQueue(create -> create.queueName("retry")).queueUrl();
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("job"));
        sqs.receiveMessage(receive -> receive.queueUrl(url).visibilityTimeout(30));

        // when
        clock.advance(Duration.ofSeconds(31));
        List<Message> redelivered = sqs.receiveMessage(receive -> receive.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        sqs.deleteMessage(delete -> delete.queueUrl(url).receiptHandle(redelivered.get(0).receiptHandle()));
        clock.advance(Duration.ofSeconds(60));

        // then
        assertThat(redelivered).singleElement().satisfies(message -> assertThat(message.attributes())
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"));
        assertThat(sqs.receiveMessage(receive -> receive.queueUrl(url)).messages()).isEmpty();
        assertThat(emulator.messages("retry")).isEmpty();
    }

    @Test
    void receiveMessage_shouldWaitForAMessage_whenLongPolling() throws Exception {
        // given
        String url = sqs.createQueue(create -> create.queueName("long-poll")).queueUrl();
        CompletableFuture<List<Message>> polling = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(receive -> receive.queueUrl(url).waitTimeSeconds(10)).messages());
        Thread.sleep(300);

        // when
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("late"));

        // then
        assertThat(polling.get(5, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("late");
    }

    @Test
    void receiveMessage_shouldMoveTheMessageToTheDeadLetterQueue_afterMaxReceiveCount() {
        // given
        String dlq = sqs.createQueue(create -> create.queueName("work-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(get -> get.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(create -> create.queueName("work").attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"1\",\"deadLetterTargetArn\":\"" + dlqArn
                        + "\"}"))).queueUrl();
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("poison"));
        sqs.receiveMessage(receive -> receive.queueUrl(url).visibilityTimeout(1));
        clock.advance(Duration.ofSeconds(2));

        // when
        List<Message> fromWork = sqs.receiveMessage(receive -> receive.queueUrl(url)).messages();
        List<Message> fromDlq = sqs.receiveMessage(receive -> receive.queueUrl(dlq)).messages();

        // then
        assertThat(dlqArn).isEqualTo("arn:aws:sqs:us-east-1:123456789012:work-dlq");
        assertThat(fromWork).isEmpty();
        assertThat(fromDlq).extracting(Message::body).containsExactly("poison");
    }

    @Test
    void getQueueUrl_shouldFailWithQueueDoesNotExist_whenQueueIsUnknown() {
        // when / then
        assertThatThrownBy(() -> sqs.getQueueUrl(get -> get.queueName("missing")))
                .isInstanceOf(QueueDoesNotExistException.class)
                .hasMessageContaining("The specified queue does not exist");
    }

    @Test
    void createQueue_shouldFailWithQueueNameExists_whenAttributesDiffer() {
        // given
        sqs.createQueue(create -> create.queueName("configured")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60")));

        // when / then
        assertThat(sqs.createQueue(create -> create.queueName("configured")).queueUrl()).endsWith("/configured");
        assertThatThrownBy(() -> sqs.createQueue(create -> create.queueName("configured")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10"))))
                .isInstanceOf(QueueNameExistsException.class);
    }

    @Test
    void getQueueAttributes_shouldCountVisibleAndInFlightMessages() {
        // given
        String url = sqs.createQueue(create -> create.queueName("counted")).queueUrl();
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("a"));
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("b"));
        sqs.receiveMessage(receive -> receive.queueUrl(url).maxNumberOfMessages(1));

        // when
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();

        // then
        assertThat(attributes).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "1")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
    }

    @Test
    void emulator_shouldKeepQueuesAndMessages_whenRestartedWithTheSameStateFile() {
        // given
        stop();
        Path state = data.resolve("sqs").resolve("queues.json");
        startWith(state);
        String url = sqs.createQueue(create -> create.queueName("durable")).queueUrl();
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("survives"));
        stop();

        // when
        startWith(state);
        List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(
                sqs.getQueueUrl(get -> get.queueName("durable")).queueUrl())).messages();

        // then
        assertThat(received).extracting(Message::body).containsExactly("survives");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
