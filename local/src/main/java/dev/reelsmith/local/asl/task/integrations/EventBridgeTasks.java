package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@code arn:aws:states:::events:putEvents} (and {@code .waitForTaskToken}): {@code Entries} as PutEvents takes them,
 * with an object {@code Detail} sent as its JSON text and the state machine and execution ARNs added to each entry's
 * {@code Resources}, as Step Functions does. The result is PutEvents' response ({@code Entries} with the event ids,
 * {@code FailedEntryCount}) with the SDK metadata; a response with failed entries fails the task with
 * {@code EventBridge.FailedEntry}, service errors are named {@code EventBridge.<Exception>} (or
 * {@code EventBridge.AmazonEventBridgeException}).
 */
final class EventBridgeTasks {
    private static final Set<String> PUT_EVENTS = Set.of("Entries");

    private final EventBridgeClient eventBridge;

    EventBridgeTasks(EventBridgeClient eventBridge) {
        this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
    }

    TaskResource putEvents() {
        return this::putEvents;
    }

    private JsonNode putEvents(TaskInvocation invocation) {
        ObjectNode parameters = ServiceCalls.parameters(invocation, PUT_EVENTS).deepCopy();
        JsonNode entries = parameters.get("Entries");
        if (entries != null && entries.isArray()) {
            String stateMachine = invocation.context().path("StateMachine").path("Id").asText(null);
            for (JsonNode entry : entries) {
                if (entry.isObject()) {
                    JsonNode existing = entry.get("Resources");
                    ArrayNode resources = existing != null && existing.isArray() ? (ArrayNode) existing
                            : ((ObjectNode) entry).putArray("Resources");
                    if (stateMachine != null) {
                        resources.add(stateMachine);
                    }
                    resources.add(invocation.executionArn());
                }
            }
        }
        PutEventsRequest.Builder request = ServiceCalls.request(PutEventsRequest.builder(), parameters);
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(request.build());
        } catch (EventBridgeException e) {
            throw ServiceCalls.serviceFailure("EventBridge", "AmazonEventBridge", EventBridgeException.class,
                    "AmazonEventBridgeException", e);
        } catch (SdkClientException e) {
            throw ServiceCalls.clientFailure("EventBridge", e);
        }
        ObjectNode result = ServiceCalls.result(response);
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            ObjectNode cause = SdkJson.toJson(response);
            throw new AslTaskFailure("EventBridge.FailedEntry", ServiceCalls.sorted(cause).toString());
        }
        return result;
    }
}
