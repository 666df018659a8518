package dev.reelsmith.infra.pipeline;

import dev.reelsmith.infra.config.InfraConfig;
import dev.reelsmith.infra.functions.FunctionEnvironment;
import dev.reelsmith.infra.functions.FunctionGrants;
import dev.reelsmith.infra.functions.GrantTargets;
import dev.reelsmith.infra.functions.LambdaSettings;
import dev.reelsmith.infra.functions.PipelineLambda;
import dev.reelsmith.infra.observability.Observability;
import dev.reelsmith.infra.storage.StorageStack;
import dev.reelsmith.steps.PipelineFunction;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code and the workflow, replaced on every release: a Lambda function per {@link PipelineFunction} (except
 * the API's) from the one functions jar, the FFmpeg layer, the video pipeline state machine from
 * {@code statemachines/video-pipeline.asl.json}, the inbox and failed-execution rules, the dead-letter queue, the
 * event bus (the default one unless configured), MediaConvert for long renders, and the alarms and dashboard.
 */
public final class PipelineStack extends Stack {
    private final Queue deadLetters;
    private final IEventBus eventBus;
    private final Map<PipelineFunction, PipelineLambda> lambdas = new EnumMap<>(PipelineFunction.class);
    private final VideoPipeline pipeline;
    private final InboxTrigger trigger;
    private final FailureTrigger failureTrigger;
    private final LongRender longRender;
    private final Observability observability;
    private final List<ISecret> vendorSecrets = new ArrayList<>();

    public PipelineStack(Construct scope, String id, StackProps props, InfraConfig config, StorageStack storage) {
        super(scope, id, props);
        RemovalPolicy logRemoval = config.destroyData() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Code code = Code.fromAsset(config.buildOutputs().requireFunctionsJar().toString());
        Architecture ffmpegArchitecture = "arm64".equals(config.ffmpegArchitecture()) ? Architecture.ARM_64
                : Architecture.X86_64;
        LayerVersion ffmpeg = LayerVersion.Builder.create(this, "FfmpegLayer")
                .description("FFmpeg 7.1 and ffprobe (bytedeco GPL build) in /opt/bin, " + config.ffmpegArchitecture())
                .code(Code.fromAsset(config.buildOutputs().requireFfmpegLayerZip(config.ffmpegArchitecture())
                        .toString()))
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(ffmpegArchitecture))
                .license("GPL-2.0-or-later")
                .build();
        DefinitionTemplate definition = DefinitionTemplate.read(config.buildOutputs().requireStateMachineDefinition());

        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        eventBus = config.usesDefaultEventBus()
                ? EventBus.fromEventBusName(this, "EventBus", "default")
                : EventBus.Builder.create(this, "EventBus").eventBusName(config.eventBusName()).build();
        for (String name : config.vendorSecretNames()) {
            vendorSecrets.add(Secret.fromSecretNameV2(this, "VendorSecret" + (vendorSecrets.size() + 1), name));
        }
        longRender = new LongRender(this, "LongRender", config.stackPrefix(), storage.artifacts());

        Map<String, String> environment = FunctionEnvironment.common(config, storage.table().getTableName(),
                storage.artifacts().getBucketName(), storage.inbox().getBucketName(), deadLetters.getQueueUrl(),
                eventBus.getEventBusName());
        LambdaSettings settings = new LambdaSettings(code, Optional.of(ffmpeg), ffmpegArchitecture, environment,
                config.logRetentionDays(), logRemoval, deadLetters, config.reservedConcurrency());
        for (PipelineFunction function : PipelineFunction.values()) {
            if (function == PipelineFunction.INBOX || function == PipelineFunction.API) {
                continue;
            }
            Map<String, String> extra = function == PipelineFunction.COMPOSE
                    ? Map.of(FunctionEnvironment.MEDIACONVERT_ROLE_ARN, longRender.role().getRoleArn(),
                    FunctionEnvironment.MEDIACONVERT_TEMPLATE, longRender.target().jobTemplateName())
                    : Map.of();
            lambdas.put(function, new PipelineLambda(this, function, settings, extra));
        }
        pipeline = new VideoPipeline(this, "VideoPipeline", definition, lambdas, storage.table(), deadLetters,
                eventBus, storage.artifacts(), config.logRetentionDays(), logRemoval);
        // INBOX starts executions, so it is built once the state machine's ARN exists
        lambdas.put(PipelineFunction.INBOX, new PipelineLambda(this, PipelineFunction.INBOX, settings,
                Map.of(FunctionEnvironment.STATE_MACHINE_ARN, pipeline.stateMachine().getStateMachineArn())));

        GrantTargets targets = new GrantTargets(storage.inbox(), storage.artifacts(), storage.table(), eventBus,
                deadLetters, vendorSecrets, config.bedrockModelId(), pipeline.stateMachine(),
                Optional.of(longRender.target()));
        lambdas.values().forEach(lambda -> FunctionGrants.apply(lambda, targets));
        trigger = new InboxTrigger(this, "InboxTrigger", storage.inbox(),
                lambdas.get(PipelineFunction.INBOX).invocable(), deadLetters);
        failureTrigger = new FailureTrigger(this, "FailureTrigger", pipeline.stateMachine(),
                lambdas.get(PipelineFunction.RECORD_FAILURE).invocable(), deadLetters);
        observability = new Observability(this, "Observability", config.stackPrefix(), pipeline.stateMachine(),
                deadLetters, List.copyOf(lambdas.values()), config.alarmEmail());

        CfnOutput.Builder.create(this, "StateMachineArn").value(pipeline.stateMachine().getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "DeadLetterQueueUrl").value(deadLetters.getQueueUrl()).build();
        CfnOutput.Builder.create(this, "EventBusName").value(eventBus.getEventBusName()).build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(observability.alarmTopic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "DashboardName").value(observability.dashboard().getDashboardName()).build();
        CfnOutput.Builder.create(this, "ExecutionLogsCommand")
                .description("Follows every state machine event (JSON, with inputs and outputs)")
                .value("aws logs tail --follow " + pipeline.logGroup().getLogGroupName())
                .build();
        CfnOutput.Builder.create(this, "WatchCommand")
                .description("Lists the latest runs")
                .value("aws stepfunctions list-executions --max-items 10 --state-machine-arn "
                        + pipeline.stateMachine().getStateMachineArn())
                .build();
    }

    /** The pipeline state machine. */
    public IStateMachine stateMachine() {
        return pipeline.stateMachine();
    }

    /** The state machine construct (definition substitutions, log group). */
    public VideoPipeline videoPipeline() {
        return pipeline;
    }

    /** The dead-letter queue. */
    public IQueue deadLetters() {
        return deadLetters;
    }

    /** The bus pipeline events go to. */
    public IEventBus eventBus() {
        return eventBus;
    }

    /** The functions of this stack (every entry but the API). */
    public Map<PipelineFunction, PipelineLambda> lambdas() {
        return Map.copyOf(lambdas);
    }

    /** The vendor secrets, imported by name. */
    public List<ISecret> vendorSecrets() {
        return List.copyOf(vendorSecrets);
    }

    /** The inbox rule. */
    public InboxTrigger trigger() {
        return trigger;
    }

    /** The failed-execution rule. */
    public FailureTrigger failureTrigger() {
        return failureTrigger;
    }

    /** MediaConvert role and template. */
    public LongRender longRender() {
        return longRender;
    }

    /** Alarms, topic and dashboard. */
    public Observability observability() {
        return observability;
    }
}
