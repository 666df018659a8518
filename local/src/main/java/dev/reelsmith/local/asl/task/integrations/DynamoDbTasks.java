package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code arn:aws:states:::dynamodb:putItem|getItem|updateItem|deleteItem}: the request parameters exactly as the
 * DynamoDB API takes them ({@code TableName}, {@code Item}/{@code Key} in attribute-value JSON,
 * {@code ConditionExpression}, {@code UpdateExpression}, {@code ExpressionAttributeNames}/{@code Values},
 * {@code ReturnValues}, ...), the result the API's response ({@code Item}, {@code Attributes}, ...) with the SDK
 * metadata, and service errors named {@code DynamoDB.<Exception>}, e.g.
 * {@code DynamoDB.ConditionalCheckFailedException}, or {@code DynamoDB.AmazonDynamoDBException} for errors DynamoDB
 * does not model (validation errors).
 */
final class DynamoDbTasks {
    private static final Set<String> GET = Set.of("Key", "TableName", "AttributesToGet", "ConsistentRead",
            "ExpressionAttributeNames", "ProjectionExpression", "ReturnConsumedCapacity");
    private static final Set<String> PUT = Set.of("Item", "TableName", "ConditionalOperator", "ConditionExpression",
            "Expected", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnConsumedCapacity",
            "ReturnItemCollectionMetrics", "ReturnValues", "ReturnValuesOnConditionCheckFailure");
    private static final Set<String> DELETE = Set.of("Key", "TableName", "ConditionalOperator",
            "ConditionExpression", "Expected", "ExpressionAttributeNames", "ExpressionAttributeValues",
            "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ReturnValues",
            "ReturnValuesOnConditionCheckFailure");
    private static final Set<String> UPDATE = Set.of("Key", "TableName", "AttributeUpdates", "ConditionalOperator",
            "ConditionExpression", "Expected", "ExpressionAttributeNames", "ExpressionAttributeValues",
            "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ReturnValues",
            "ReturnValuesOnConditionCheckFailure", "UpdateExpression");

    private record Operation(Set<String> parameters, Supplier<? extends SdkPojo> builder,
                             Function<SdkPojo, AwsResponse> call) {
    }

    private final Map<String, Operation> operations;

    DynamoDbTasks(DynamoDbClient dynamoDb) {
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.operations = Map.of(
                "getItem", new Operation(GET, GetItemRequest::builder,
                        request -> dynamoDb.getItem(((GetItemRequest.Builder) request).build())),
                "putItem", new Operation(PUT, PutItemRequest::builder,
                        request -> dynamoDb.putItem(((PutItemRequest.Builder) request).build())),
                "deleteItem", new Operation(DELETE, DeleteItemRequest::builder,
                        request -> dynamoDb.deleteItem(((DeleteItemRequest.Builder) request).build())),
                "updateItem", new Operation(UPDATE, UpdateItemRequest::builder,
                        request -> dynamoDb.updateItem(((UpdateItemRequest.Builder) request).build())));
    }

    /** The resource for {@code action} ({@code putItem}, ...), if it is one Step Functions optimises. */
    Optional<TaskResource> action(String action) {
        Operation operation = operations.get(action);
        return operation == null ? Optional.empty() : Optional.of(invocation -> call(operation, invocation));
    }

    private static JsonNode call(Operation operation, TaskInvocation invocation) {
        ObjectNode parameters = ServiceCalls.parameters(invocation, operation.parameters());
        SdkPojo request = ServiceCalls.request(operation.builder().get(), parameters);
        try {
            return ServiceCalls.result(operation.call().apply(request));
        } catch (DynamoDbException e) {
            throw ServiceCalls.serviceFailure("DynamoDB", "AmazonDynamoDBv2", DynamoDbException.class,
                    "AmazonDynamoDBException", e);
        } catch (SdkClientException e) {
            throw ServiceCalls.clientFailure("DynamoDB", e);
        }
    }
}
