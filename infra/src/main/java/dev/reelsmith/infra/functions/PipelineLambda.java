package dev.reelsmith.infra.functions;

import dev.reelsmith.infra.config.LogRetention;
import dev.reelsmith.steps.PipelineFunction;
import dev.reelsmith.infra.checks.Suppressions;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Lambda function for one {@link PipelineFunction} entry, sized from that entry: java21 on arm64 (x86_64 or
 * arm64 per configuration when it needs the FFmpeg layer), JSON logs to its own log group with the configured
 * retention, X-Ray active tracing, its own role with nothing attached until a {@code grant*} adds it, and - for
 * latency-sensitive functions - SnapStart on a published version behind the {@code live} alias, which is then
 * what callers invoke ({@link #invocable()}).
 */
public final class PipelineLambda extends Construct {
    /** Alias name of SnapStart functions' published version. */
    public static final String LIVE_ALIAS = "live";
    /** SnapStart does not support more ephemeral storage than this. */
    static final int SNAPSTART_MAX_EPHEMERAL_MB = 512;

    private final PipelineFunction definition;
    private final Role role;
    private final LogGroup logGroup;
    private final Function function;
    private final Optional<Alias> alias;

    public PipelineLambda(Construct scope, PipelineFunction definition, LambdaSettings settings,
                          Map<String, String> extraEnvironment) {
        super(scope, pascalCase(definition.id()));
        this.definition = definition;
        boolean snapStart = definition.latencySensitive();
        if (snapStart && definition.ephemeralStorageMb() > SNAPSTART_MAX_EPHEMERAL_MB) {
            throw new IllegalStateException(definition + " is latency-sensitive (SnapStart) but asks for "
                    + definition.ephemeralStorageMb() + " MB of ephemeral storage; SnapStart allows at most "
                    + SNAPSTART_MAX_EPHEMERAL_MB);
        }
        if (definition.needsFfmpeg() && settings.ffmpegLayer().isEmpty()) {
            throw new IllegalStateException(definition + " needs FFmpeg but this stack has no FFmpeg layer");
        }

        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(LogRetention.of(settings.logRetentionDays()))
                .removalPolicy(settings.logRemoval())
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Reelsmith " + definition.id() + ": grants only, no managed policies")
                .build();
        // instead of AWSLambdaBasicExecutionRole (logs on every log group): writing to its own group only
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.putAll(extraEnvironment);
        if (definition.needsFfmpeg()) {
            environment.put("REELSMITH_FFMPEG_DIR", "/opt/bin");
        } else {
            // C1 only: JSON, HTTP and SDK calls for seconds, where C2's compile time never pays back. The FFmpeg
            // functions keep C2: audio analysis and overlay rendering are long loops in Java.
            environment.put("JAVA_TOOL_OPTIONS", FunctionEnvironment.QUICK_START_JVM_OPTIONS);
        }

        Function.Builder builder = Function.Builder.create(this, "Function")
                .description("Reelsmith " + definition.id() + " (" + definition.handlerClass() + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(definition.needsFfmpeg() ? settings.ffmpegArchitecture() : Architecture.ARM_64)
                .handler(definition.handlerClass())
                .code(settings.code())
                .memorySize(definition.memoryMb())
                .timeout(Duration.seconds(definition.timeoutSeconds()))
                .ephemeralStorageSize(Size.mebibytes(definition.ephemeralStorageMb()))
                .environment(environment)
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.WARN)
                .tracing(Tracing.ACTIVE);
        if (definition.needsFfmpeg()) {
            builder.layers(List.of(settings.ffmpegLayer().get()));
        }
        Integer reserved = settings.reservedConcurrency().get(definition.id());
        if (reserved != null) {
            builder.reservedConcurrentExecutions(reserved);
        }
        if (snapStart) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (isEventTarget(definition)) {
            // EventBridge invokes it asynchronously: what still fails after Lambda's two retries is kept
            builder.deadLetterQueue(settings.asyncFailures());
        }
        function = builder.build();
        alias = snapStart ? Optional.of(Alias.Builder.create(this, "Live")
                .aliasName(LIVE_ALIAS)
                .version(function.getCurrentVersion())
                .build()) : Optional.empty();

        Suppressions.javaRuntime(function);
        if (snapStart) {
            // CDK warns that SnapStart needs a published version whenever it is on; the alias publishes one
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the live alias publishes the current version");
        }
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no "
                        + "resource-level permissions, so CDK grants them on '*'.")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /** The entry this function was built from. */
    public PipelineFunction definition() {
        return definition;
    }

    /** The function itself (its unqualified ARN is {@code $LATEST}). */
    public Function function() {
        return function;
    }

    /** What callers invoke: the {@code live} alias for SnapStart functions, otherwise the function. */
    public IFunction invocable() {
        return alias.<IFunction>map(a -> a).orElse(function);
    }

    /** The ARN callers invoke (the alias ARN for SnapStart functions). */
    public String invokeArn() {
        return invocable().getFunctionArn();
    }

    /** The SnapStart alias, when the function is latency-sensitive. */
    public Optional<Alias> alias() {
        return alias;
    }

    /** Lets {@code caller} invoke {@link #invocable()} and nothing else of this function. */
    public void grantInvoke(IGrantable caller) {
        if (alias.isPresent()) {
            alias.get().grantInvoke(caller);
        } else {
            function.grantInvokeLatestVersion(caller);
        }
    }

    /** The execution role (what {@code grant*} calls grant to). */
    public IRole role() {
        return role;
    }

    /** Where the function logs. */
    public ILogGroup logGroup() {
        return logGroup;
    }

    /** The functions EventBridge rules invoke (asynchronously) rather than the state machine or API Gateway. */
    public static boolean isEventTarget(PipelineFunction function) {
        return function == PipelineFunction.INBOX || function == PipelineFunction.RECORD_FAILURE;
    }

    static String pascalCase(String kebab) {
        StringBuilder name = new StringBuilder();
        for (String part : kebab.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
