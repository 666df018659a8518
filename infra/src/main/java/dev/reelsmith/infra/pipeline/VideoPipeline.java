package dev.reelsmith.infra.pipeline;

import dev.reelsmith.infra.checks.Suppressions;
import dev.reelsmith.infra.config.LogRetention;
import dev.reelsmith.infra.functions.PipelineLambda;
import dev.reelsmith.infra.storage.DataBuckets;
import dev.reelsmith.steps.PipelineFunction;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The video pipeline: a Standard state machine deployed from the repository's ASL file with every placeholder
 * substituted (each function's ARN - the alias ARN for SnapStart functions -, the table, the dead-letter queue,
 * the event bus and the artifacts bucket), logging ALL events with execution data and tracing with X-Ray. Its
 * role gets invoke on the functions the definition names and, for each other service integration its Task
 * states use, the matching {@code grant*}; an integration it does not know fails synthesis rather than a run.
 */
public final class VideoPipeline extends Construct {
    /** Substitution names besides the functions' ARNs. */
    public static final String TABLE_NAME = "TableName";
    public static final String DEAD_LETTER_QUEUE_URL = "DeadLetterQueueUrl";
    public static final String EVENT_BUS_NAME = "EventBusName";
    public static final String ARTIFACTS_BUCKET = "ArtifactsBucket";

    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private static final String DYNAMODB = "arn:aws:states:::dynamodb:";
    private static final String SDK_DYNAMODB = "arn:aws:states:::aws-sdk:dynamodb:";
    private static final String SQS_SEND = "arn:aws:states:::sqs:sendMessage";
    private static final String EVENTS_PUT = "arn:aws:states:::events:putEvents";
    private static final String SDK_S3 = "arn:aws:states:::aws-sdk:s3:";

    private final StateMachine stateMachine;
    private final LogGroup logGroup;
    private final Map<String, String> substitutions;

    /**
     * @param lambdas the deployed functions, at least every one the definition calls
     */
    public VideoPipeline(Construct scope, String id, DefinitionTemplate definition,
                         Map<PipelineFunction, PipelineLambda> lambdas, ITable table, IQueue deadLetters,
                         IEventBus eventBus, IBucket artifacts, int logRetentionDays, RemovalPolicy logRemoval) {
        super(scope, id);
        substitutions = new LinkedHashMap<>();
        Set<String> used = definition.placeholders();
        for (PipelineFunction function : PipelineFunction.inDefinition()) {
            String name = placeholderName(function);
            PipelineLambda lambda = lambdas.get(function);
            if (lambda == null) {
                throw new IllegalStateException("the pipeline stack has no function for " + function);
            }
            substitutions.put(name, lambda.invokeArn());
        }
        substitutions.put(TABLE_NAME, table.getTableName());
        substitutions.put(DEAD_LETTER_QUEUE_URL, deadLetters.getQueueUrl());
        substitutions.put(EVENT_BUS_NAME, eventBus.getEventBusName());
        substitutions.put(ARTIFACTS_BUCKET, artifacts.getBucketName());
        definition.requireSubstituted(substitutions);

        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(LogRetention.of(logRetentionDays))
                .removalPolicy(logRemoval)
                .build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(definition.text()))
                .definitionSubstitutions(substitutions)
                .logs(LogOptions.builder()
                        .destination(logGroup)
                        .level(LogLevel.ALL)
                        .includeExecutionData(true)
                        .build())
                .tracingEnabled(true)
                .build();

        for (PipelineFunction function : PipelineFunction.inDefinition()) {
            if (used.contains(placeholderName(function))) {
                lambdas.get(function).grantInvoke(stateMachine);
            }
        }
        grantIntegrations(definition, table, deadLetters, eventBus, artifacts);
        Suppressions.grantWildcards(stateMachine);

        NagSuppressions.addResourceSuppressions(stateMachine, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Step Functions log delivery (logs:CreateLogDelivery, PutResourcePolicy, ...) and X-Ray "
                        + "(xray:PutTraceSegments, ...) support no resource-level permissions, so CDK grants them "
                        + "on '*'.")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /** What a Task state's service integration needs from the state machine's role. */
    public enum Integration {
        /** Lambda invoke: granted per function the definition names. */
        LAMBDA,
        /** DynamoDB reads of the table. */
        TABLE_READ,
        /** DynamoDB writes (and reads) of the table. */
        TABLE_WRITE,
        /** SQS SendMessage to the dead-letter queue. */
        DEAD_LETTERS,
        /** EventBridge PutEvents to the pipeline's bus. */
        EVENTS,
        /** S3 reads under runs/ (SDK integration or Distributed Map). */
        ARTIFACTS_READ,
        /** S3 writes under runs/. */
        ARTIFACTS_WRITE
    }

    /**
     * The integration a Task {@code Resource} is, e.g. {@code arn:aws:states:::dynamodb:updateItem} is
     * {@link Integration#TABLE_WRITE}.
     *
     * @throws IllegalStateException for an integration the pipeline stack grants nothing for
     */
    public static Integration integrationOf(String resource) {
        if (resource.startsWith(LAMBDA_INVOKE) || resource.matches("\\$\\{[A-Za-z]+FunctionArn}")) {
            return Integration.LAMBDA;
        }
        if (resource.startsWith(DYNAMODB) || resource.startsWith(SDK_DYNAMODB)) {
            String action = resource.substring(resource.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
            boolean read = action.startsWith("get") || action.startsWith("query") || action.startsWith("scan")
                    || action.startsWith("batchget");
            return read ? Integration.TABLE_READ : Integration.TABLE_WRITE;
        }
        if (resource.startsWith(SQS_SEND)) {
            return Integration.DEAD_LETTERS;
        }
        if (resource.startsWith(EVENTS_PUT)) {
            return Integration.EVENTS;
        }
        if (resource.startsWith(SDK_S3)) {
            String action = resource.substring(SDK_S3.length()).toLowerCase(Locale.ROOT);
            boolean read = action.startsWith("get") || action.startsWith("head") || action.startsWith("list");
            return read ? Integration.ARTIFACTS_READ : Integration.ARTIFACTS_WRITE;
        }
        throw new IllegalStateException("the definition calls " + resource + ", an integration the pipeline stack "
                + "grants nothing for; add its grant to VideoPipeline");
    }

    private void grantIntegrations(DefinitionTemplate definition, ITable table, IQueue deadLetters,
                                   IEventBus eventBus, IBucket artifacts) {
        Set<Integration> integrations = EnumSet.noneOf(Integration.class);
        if (definition.usesDistributedMapS3()) {
            integrations.add(Integration.ARTIFACTS_READ);
            integrations.add(Integration.ARTIFACTS_WRITE);
        }
        for (String resource : definition.taskResources()) {
            try {
                integrations.add(integrationOf(resource));
            } catch (IllegalStateException unknown) {
                throw new IllegalStateException(definition.source() + ": " + unknown.getMessage(), unknown);
            }
        }
        if (integrations.contains(Integration.TABLE_WRITE)) {
            table.grantReadWriteData(stateMachine);
        } else if (integrations.contains(Integration.TABLE_READ)) {
            table.grantReadData(stateMachine);
        }
        if (integrations.contains(Integration.DEAD_LETTERS)) {
            deadLetters.grantSendMessages(stateMachine);
        }
        if (integrations.contains(Integration.EVENTS)) {
            eventBus.grantPutEventsTo(stateMachine);
        }
        if (integrations.contains(Integration.ARTIFACTS_READ)) {
            artifacts.grantRead(stateMachine, DataBuckets.RUNS_PREFIX + "*");
        }
        if (integrations.contains(Integration.ARTIFACTS_WRITE)) {
            artifacts.grantPut(stateMachine, DataBuckets.RUNS_PREFIX + "*");
        }
    }

    /** {@code ${AdmitFunctionArn}} → {@code AdmitFunctionArn}. */
    static String placeholderName(PipelineFunction function) {
        String placeholder = function.placeholder().orElseThrow();
        return placeholder.substring(2, placeholder.length() - 1);
    }

    /** The state machine. */
    public StateMachine stateMachine() {
        return stateMachine;
    }

    /** Where executions log. */
    public LogGroup logGroup() {
        return logGroup;
    }

    /** Every substitution applied to the definition, by placeholder name. */
    public Map<String, String> substitutions() {
        return Map.copyOf(substitutions);
    }
}
