package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * {@code arn:aws:states:::sqs:sendMessage} (and {@code .waitForTaskToken}): {@code QueueUrl}, {@code MessageBody} (a
 * JSON object or array is sent as its compact JSON text, as Step Functions does), {@code MessageAttributes},
 * {@code MessageGroupId}, {@code MessageDeduplicationId}, {@code DelaySeconds}; the result SendMessage's response
 * ({@code MD5OfMessageBody}, {@code MessageId}, ...) with the SDK metadata; service errors named
 * {@code SQS.<Exception>}, or {@code SQS.AmazonSQSException} for errors SQS does not model.
 */
final class SqsTasks {
    private static final Set<String> SEND_MESSAGE = Set.of("DelaySeconds", "MessageAttributes", "MessageBody",
            "MessageDeduplicationId", "MessageGroupId", "QueueUrl");

    private final SqsClient sqs;

    SqsTasks(SqsClient sqs) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
    }

    TaskResource sendMessage() {
        return this::sendMessage;
    }

    private JsonNode sendMessage(TaskInvocation invocation) {
        ObjectNode parameters = ServiceCalls.parameters(invocation, SEND_MESSAGE);
        SendMessageRequest.Builder request = ServiceCalls.request(SendMessageRequest.builder(), parameters);
        try {
            return ServiceCalls.result(sqs.sendMessage(request.build()));
        } catch (SqsException e) {
            throw ServiceCalls.serviceFailure("SQS", "AmazonSQS", SqsException.class, "AmazonSQSException", e);
        } catch (SdkClientException e) {
            throw ServiceCalls.clientFailure("SQS", e);
        }
    }
}
