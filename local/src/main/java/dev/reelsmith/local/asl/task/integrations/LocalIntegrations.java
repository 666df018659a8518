package dev.reelsmith.local.asl.task.integrations;

import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.task.ResourceArn;
import dev.reelsmith.local.asl.task.ResourceArn.Pattern;
import dev.reelsmith.local.asl.task.TaskResource;
import dev.reelsmith.local.asl.task.TaskResources;
import dev.reelsmith.local.lambda.LambdaFunctions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Task resources of the local cloud, resolved from a state's {@code Resource} the way Step Functions routes it:
 *
 * <ul>
 *   <li>Lambda function ARNs and {@code arn:aws:states:::lambda:invoke[.waitForTaskToken]}: the in-process
 *   {@link LambdaFunctions};</li>
 *   <li>{@code arn:aws:states:::dynamodb:putItem|getItem|updateItem|deleteItem}: DynamoDB Local;</li>
 *   <li>{@code arn:aws:states:::sqs:sendMessage[.waitForTaskToken]}: the SQS emulator;</li>
 *   <li>{@code arn:aws:states:::events:putEvents[.waitForTaskToken]}: the EventBridge emulator;</li>
 *   <li>{@code arn:aws:states:::states:startExecution[.sync|.sync:2|.waitForTaskToken]}: the engine itself.</li>
 * </ul>
 *
 * <p>Only the integration patterns AWS offers for each API resolve (there is no {@code dynamodb:putItem.sync});
 * anything else is left to other resolvers, and to the engine's "no task resource" failure. Results and errors have
 * the shapes and names Step Functions gives them; see each resource's documentation.
 *
 * <pre>{@code
 * LocalIntegrations.builder().lambda(functions).dynamoDb(dynamoDb).sqs(sqs).eventBridge(events).stepFunctions(engine)
 *         .build().registerInto(engine.taskResources());
 * }</pre>
 */
public final class LocalIntegrations {
    private static final Set<Pattern> REQUEST_RESPONSE = EnumSet.of(Pattern.REQUEST_RESPONSE);
    private static final Set<Pattern> CALLBACK = EnumSet.of(Pattern.REQUEST_RESPONSE, Pattern.WAIT_FOR_TASK_TOKEN);

    private final LambdaTasks lambda;
    private final DynamoDbTasks dynamoDb;
    private final SqsTasks sqs;
    private final EventBridgeTasks eventBridge;
    private final StepFunctionsTasks stepFunctions;

    private LocalIntegrations(Builder builder) {
        this.lambda = builder.lambda == null ? null : new LambdaTasks(builder.lambda);
        this.dynamoDb = builder.dynamoDb == null ? null : new DynamoDbTasks(builder.dynamoDb);
        this.sqs = builder.sqs == null ? null : new SqsTasks(builder.sqs);
        this.eventBridge = builder.eventBridge == null ? null : new EventBridgeTasks(builder.eventBridge);
        this.stepFunctions = builder.stepFunctions == null ? null : new StepFunctionsTasks(builder.stepFunctions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Chooses the services to offer; a service that is not set resolves nothing. */
    public static final class Builder {
        private LambdaFunctions lambda;
        private DynamoDbClient dynamoDb;
        private SqsClient sqs;
        private EventBridgeClient eventBridge;
        private AslEngine stepFunctions;

        private Builder() {
        }

        public Builder lambda(LambdaFunctions value) {
            this.lambda = value;
            return this;
        }

        public Builder dynamoDb(DynamoDbClient value) {
            this.dynamoDb = value;
            return this;
        }

        public Builder sqs(SqsClient value) {
            this.sqs = value;
            return this;
        }

        public Builder eventBridge(EventBridgeClient value) {
            this.eventBridge = value;
            return this;
        }

        /** The engine {@code states:startExecution} starts child executions in. */
        public Builder stepFunctions(AslEngine value) {
            this.stepFunctions = value;
            return this;
        }

        public LocalIntegrations build() {
            return new LocalIntegrations(this);
        }
    }

    /** Adds these resources to {@code resources} as a resolver (exact ARN registrations there still win). */
    public TaskResources registerInto(TaskResources resources) {
        return resources.resolver(this::resolve);
    }

    /** The resource that runs {@code arn}, if it is one of these integrations with a pattern AWS offers for it. */
    public Optional<TaskResource> resolve(ResourceArn arn) {
        if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
            return lambda == null ? Optional.empty() : Optional.of(lambda.function());
        }
        if (arn.kind() != ResourceArn.Kind.SERVICE_INTEGRATION) {
            return Optional.empty();
        }
        Pattern pattern = arn.pattern();
        switch (arn.service() + ":" + arn.action()) {
            case "lambda:invoke":
                return lambda != null && CALLBACK.contains(pattern) ? Optional.of(lambda.invoke()) : Optional.empty();
            case "dynamodb:putItem", "dynamodb:getItem", "dynamodb:updateItem", "dynamodb:deleteItem":
                return dynamoDb != null && REQUEST_RESPONSE.contains(pattern) ? dynamoDb.action(arn.action())
                        : Optional.empty();
            case "sqs:sendMessage":
                return sqs != null && CALLBACK.contains(pattern) ? Optional.of(sqs.sendMessage()) : Optional.empty();
            case "events:putEvents":
                return eventBridge != null && CALLBACK.contains(pattern) ? Optional.of(eventBridge.putEvents())
                        : Optional.empty();
            case "states:startExecution":
                return Optional.ofNullable(stepFunctions).map(StepFunctionsTasks::startExecution);
            default:
                return Optional.empty();
        }
    }
}
