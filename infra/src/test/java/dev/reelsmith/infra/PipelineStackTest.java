package dev.reelsmith.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.infra.functions.FunctionEnvironment;
import dev.reelsmith.infra.pipeline.DefinitionTemplate;
import dev.reelsmith.steps.PipelineFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.reelsmith.infra.TemplateMaps.actions;
import static dev.reelsmith.infra.TemplateMaps.allowing;
import static dev.reelsmith.infra.TemplateMaps.list;
import static dev.reelsmith.infra.TemplateMaps.map;
import static dev.reelsmith.infra.TemplateMaps.properties;
import static dev.reelsmith.infra.TemplateMaps.resource;
import static dev.reelsmith.infra.TemplateMaps.resources;
import static dev.reelsmith.infra.TemplateMaps.statements;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Template pipeline;

    @BeforeAll
    static void synthesize() {
        pipeline = TestApps.template(TestApps.defaults().pipeline());
    }

    static String pascal(PipelineFunction function) {
        return java.util.Arrays.stream(function.id().split("-"))
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining());
    }

    private static void collectText(Object value, StringBuilder text) {
        if (value instanceof String literal) {
            text.append(literal);
        } else if (value instanceof List<?> items) {
            items.forEach(item -> collectText(item, text));
        } else if (value instanceof Map<?, ?> object) {
            object.values().forEach(item -> collectText(item, text));
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pipeline_shouldCreateAFunctionPerEntry_sizedAsPipelineFunctionSays() {
        // given
        List<PipelineFunction> functions = java.util.Arrays.stream(PipelineFunction.values())
                .filter(function -> function != PipelineFunction.API).toList();

        // when / then
        pipeline.resourceCountIs("AWS::Lambda::Function", functions.size());
        for (PipelineFunction function : functions) {
            Map<String, Object> props = properties(pipeline, "AWS::Lambda::Function", pascal(function) + "Function");
            assertThat(props).as(function.id())
                    .containsEntry("Runtime", "java21")
                    .containsEntry("Handler", function.handlerClass())
                    .containsEntry("MemorySize", function.memoryMb())
                    .containsEntry("Timeout", function.timeoutSeconds())
                    .containsEntry("EphemeralStorage", Map.of("Size", function.ephemeralStorageMb()))
                    .containsEntry("TracingConfig", Map.of("Mode", "Active"))
                    .containsEntry("Architectures", List.of(function.needsFfmpeg() ? "x86_64" : "arm64"));
            assertThat(map(props, "LoggingConfig")).as(function.id()).containsEntry("LogFormat", "JSON");
            assertThat(props.containsKey("Layers")).as(function.id() + " has the FFmpeg layer")
                    .isEqualTo(function.needsFfmpeg());
            assertThat(props.containsKey("SnapStart")).as(function.id() + " uses SnapStart")
                    .isEqualTo(function.latencySensitive());
            assertThat(props).as(function.id()).doesNotContainKey("ReservedConcurrentExecutions");
        }
    }

    @Test
    void pipeline_shouldAttachTheLayerBuiltForTheFunctionsArchitecture_whenFfmpegIsNeeded() {
        // given
        Map<String, Object> layer = properties(pipeline, "AWS::Lambda::LayerVersion", "FfmpegLayer");

        // when
        Map<String, Object> compose = properties(pipeline, "AWS::Lambda::Function", "ComposeFunction");

        // then
        assertThat(layer).containsEntry("CompatibleArchitectures", List.of("x86_64"))
                .containsEntry("CompatibleRuntimes", List.of("java21"));
        assertThat(list(compose, "Layers")).containsExactly(
                Map.of("Ref", resource(pipeline, "AWS::Lambda::LayerVersion", "FfmpegLayer").getKey()));
        assertThat(map(map(compose, "Environment"), "Variables")).containsEntry("REELSMITH_FFMPEG_DIR", "/opt/bin");
    }

    @Test
    void pipeline_shouldPublishSnapStartFunctionsBehindTheLiveAlias_whenLatencySensitive() {
        // given
        List<PipelineFunction> snapStart = PipelineFunction.inDefinition().stream()
                .filter(PipelineFunction::latencySensitive).toList();

        // when / then
        pipeline.resourceCountIs("AWS::Lambda::Alias", snapStart.size());
        pipeline.resourceCountIs("AWS::Lambda::Version", snapStart.size());
        for (PipelineFunction function : snapStart) {
            assertThat(properties(pipeline, "AWS::Lambda::Alias", pascal(function) + "Live"))
                    .containsEntry("Name", "live");
        }
    }

    @Test
    void pipeline_shouldDeployTheDefinitionUnchangedWithEveryPlaceholderSubstituted() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(TestApps.definition());

        // when
        Map<String, Object> machine = properties(pipeline, "AWS::StepFunctions::StateMachine", "VideoPipeline");
        Map<String, Object> substitutions = map(machine, "DefinitionSubstitutions");

        // then
        assertThat(machine.get("DefinitionString")).isEqualTo(definition.text());
        assertThat(substitutions.keySet()).containsAll(definition.placeholders());
        for (PipelineFunction function : PipelineFunction.inDefinition()) {
            String name = function.placeholder().orElseThrow().replace("${", "").replace("}", "");
            Object expected = function.latencySensitive()
                    ? Map.of("Ref", resource(pipeline, "AWS::Lambda::Alias", pascal(function) + "Live").getKey())
                    : Map.of("Fn::GetAtt", List.of(
                    resource(pipeline, "AWS::Lambda::Function", pascal(function) + "Function").getKey(), "Arn"));
            assertThat(substitutions.get(name)).as(name).isEqualTo(expected);
        }
        assertThat(substitutions).containsEntry("EventBusName", "default")
                .containsEntry("DeadLetterQueueUrl", Map.of("Ref",
                        resource(pipeline, "AWS::SQS::Queue", "DeadLetters").getKey()))
                .containsKeys("TableName", "ArtifactsBucket");
    }

    @Test
    void pipeline_shouldRunAStandardMachineThatLogsAllAndTraces_whenDeployed() {
        // given / when
        Map<String, Object> machine = properties(pipeline, "AWS::StepFunctions::StateMachine", "VideoPipeline");

        // then
        assertThat(machine).containsEntry("StateMachineType", "STANDARD")
                .containsEntry("TracingConfiguration", Map.of("Enabled", true));
        assertThat(map(machine, "LoggingConfiguration")).containsEntry("Level", "ALL")
                .containsEntry("IncludeExecutionData", true);
    }

    @Test
    void pipeline_shouldLetTheMachineInvokeExactlyTheFunctionsItCalls_whenGranting() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(TestApps.definition());
        Set<Object> expected = new HashSet<>();
        for (PipelineFunction function : PipelineFunction.inDefinition()) {
            if (definition.placeholders().contains(function.placeholder().orElseThrow()
                    .replace("${", "").replace("}", ""))) {
                if (function.latencySensitive()) {
                    expected.add(Map.of("Ref", resource(pipeline, "AWS::Lambda::Alias", pascal(function) + "Live")
                            .getKey()));
                } else {
                    Map<String, Object> arn = Map.of("Fn::GetAtt", List.of(resource(pipeline,
                            "AWS::Lambda::Function", pascal(function) + "Function").getKey(), "Arn"));
                    expected.add(arn);
                    expected.add(Map.of("Fn::Join", List.of("", List.of(arn, ":$LATEST"))));
                }
            }
        }

        // when
        List<Map<String, Object>> invoke = allowing(statements(pipeline, "VideoPipelineStateMachineRoleDefaultPolicy"),
                "lambda:InvokeFunction");

        // then: exact ARNs (alias, or function and its $LATEST), never function:*
        Set<Object> granted = new HashSet<>();
        invoke.forEach(statement -> granted.addAll(resources(statement)));
        assertThat(granted).isEqualTo(expected);
    }

    @Test
    void pipeline_shouldStartRunsFromUploadsUnderBriefsAndSongs_whenObjectsAreCreated() {
        // given
        Map<String, Object> rule = properties(pipeline, "AWS::Events::Rule", "InboxTriggerObjectCreated");

        // when
        Map<String, Object> pattern = map(rule, "EventPattern");
        Map<String, Object> target = map(list(rule, "Targets").get(0));

        // then
        assertThat(pattern).containsEntry("source", List.of("aws.s3")).containsEntry("detail-type",
                List.of("Object Created"));
        assertThat(map(map(pattern, "detail"), "object")).isEqualTo(Map.of("key", List.of(
                Map.of("prefix", Map.of("equals-ignore-case", "briefs/")),
                Map.of("prefix", Map.of("equals-ignore-case", "songs/")))));
        assertThat(json(map(map(pattern, "detail"), "bucket"))).contains("BucketsInbox");
        assertThat(target.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of(
                resource(pipeline, "AWS::Lambda::Function", "InboxFunction").getKey(), "Arn")));
        assertThat(map(target, "DeadLetterConfig")).containsEntry("Arn", Map.of("Fn::GetAtt", List.of(
                resource(pipeline, "AWS::SQS::Queue", "DeadLetters").getKey(), "Arn")));
        assertThat(map(target, "RetryPolicy")).containsEntry("MaximumRetryAttempts", 8);
    }

    @Test
    void pipeline_shouldRecordRuns_whenExecutionsFailTimeOutOrAreStopped() {
        // given
        Map<String, Object> rule = properties(pipeline, "AWS::Events::Rule", "FailureTriggerExecutionFailed");

        // when
        Map<String, Object> pattern = map(rule, "EventPattern");

        // then
        assertThat(pattern).containsEntry("source", List.of("aws.states"))
                .containsEntry("detail-type", List.of("Step Functions Execution Status Change"));
        assertThat(map(pattern, "detail")).containsEntry("status", List.of("FAILED", "TIMED_OUT", "ABORTED"))
                .containsEntry("stateMachineArn", List.of(Map.of("Ref",
                        resource(pipeline, "AWS::StepFunctions::StateMachine", "VideoPipeline").getKey())));
        assertThat(map(list(rule, "Targets").get(0)).get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of(
                resource(pipeline, "AWS::Lambda::Function", "RecordFailureFunction").getKey(), "Arn")));
        assertThat(allowing(statements(pipeline, "RecordFailureRoleDefaultPolicy"), "states:GetExecutionHistory"))
                .hasSize(1);
    }

    @Test
    void pipeline_shouldKeepDeadLettersEncryptedAndTlsOnly_whenQueued() {
        // given
        Map<String, Object> queue = properties(pipeline, "AWS::SQS::Queue", "DeadLetters");

        // when
        List<Map<String, Object>> policy = list(map(properties(pipeline, "AWS::SQS::QueuePolicy", "DeadLetters"),
                "PolicyDocument"), "Statement").stream().map(TemplateMaps::map).toList();

        // then
        assertThat(queue).containsEntry("SqsManagedSseEnabled", true).containsEntry("MessageRetentionPeriod", 1209600);
        assertThat(policy).anySatisfy(statement -> assertThat(statement).containsEntry("Effect", "Deny")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        // both rules may deliver what they cannot hand to their function
        assertThat(allowing(policy, "sqs:SendMessage")).hasSize(2);
    }

    @Test
    void pipeline_shouldAlarmOnEveryWayARunCanGoWrong_whenDeployed() {
        // given
        Map<String, Map<String, Object>> alarms = pipeline.findResources("AWS::CloudWatch::Alarm");
        String topic = resource(pipeline, "AWS::SNS::Topic", "ObservabilityAlarmTopic").getKey();

        // when
        Set<String> metrics = alarms.values().stream().map(alarm -> (String) map(alarm, "Properties")
                .get("MetricName")).collect(Collectors.toSet());

        // then
        assertThat(metrics).containsExactlyInAnyOrder("ExecutionsFailed", "ExecutionThrottled", "ExecutionsAborted",
                "ExecutionsTimedOut", "ApproximateNumberOfMessagesVisible");
        for (Map<String, Object> alarm : alarms.values()) {
            assertThat(map(alarm, "Properties")).containsEntry("AlarmActions", List.of(Map.of("Ref", topic)))
                    .containsEntry("Threshold", 1).containsEntry("TreatMissingData", "notBreaching");
        }
        pipeline.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void pipeline_shouldChartRunsSpendAndVendorErrors_whenDashboardIsDeployed() {
        // given
        Map<String, Object> dashboard = properties(pipeline, "AWS::CloudWatch::Dashboard", "ObservabilityDashboard");

        // when: the body is a Fn::Join of literal JSON text and references
        StringBuilder body = new StringBuilder();
        collectText(dashboard.get("DashboardBody"), body);

        // then
        assertThat(body.toString()).contains("ExecutionsStarted", "ExecutionTime",
                "SUM(SEARCH('Namespace=\\\"Reelsmith\\\" MetricName=\\\"CostUsd\\\"'",
                "MetricName=\\\"VendorErrors\\\"", "ApproximateNumberOfMessagesVisible");
    }

    @Test
    void pipeline_shouldGrantWithoutManagedPoliciesOrOpenResources_whenFunctionsAreGranted() {
        // given
        Map<String, Map<String, Object>> roles = pipeline.findResources("AWS::IAM::Role");
        Map<String, Map<String, Object>> policies = pipeline.findResources("AWS::IAM::Policy");

        // when
        List<Map<String, Object>> all = policies.values().stream()
                .flatMap(policy -> list(map(map(policy, "Properties"), "PolicyDocument"), "Statement").stream())
                .map(TemplateMaps::map).toList();

        // then
        assertThat(roles.values()).allSatisfy(role -> assertThat(map(role, "Properties"))
                .doesNotContainKey("ManagedPolicyArns"));
        for (Map<String, Object> statement : all) {
            if (resources(statement).contains("*")) {
                // X-Ray and Step Functions' log delivery have no resource-level permissions
                assertThat(actions(statement)).allSatisfy(action -> assertThat(action)
                        .matches("xray:.*|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery"
                                + "|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups)"));
            }
            assertThat(actions(statement)).noneMatch(action -> action.endsWith(":*"));
        }
    }

    @Test
    void pipeline_shouldLetComposeSubmitLongRenders_onlyWithItsTemplateAndRole() {
        // given
        String template = resource(pipeline, "AWS::MediaConvert::JobTemplate", "LongRenderJobTemplate").getKey();
        String role = resource(pipeline, "AWS::IAM::Role", "LongRenderRole").getKey();

        // when
        List<Map<String, Object>> compose = statements(pipeline, "ComposeRoleDefaultPolicy");

        // then
        assertThat(allowing(compose, "mediaconvert:CreateJob")).singleElement().satisfies(statement ->
                assertThat(resources(statement)).contains(Map.of("Fn::GetAtt", List.of(template, "Arn"))));
        assertThat(allowing(compose, "iam:PassRole")).singleElement().satisfies(statement ->
                assertThat(resources(statement)).containsExactly(Map.of("Fn::GetAtt", List.of(role, "Arn"))));
        Map<String, Object> settings = map(properties(pipeline, "AWS::MediaConvert::JobTemplate",
                "LongRenderJobTemplate"), "SettingsJson");
        assertThat(json(settings)).contains("\"Codec\":\"H_264\"", "\"Container\":\"MP4\"",
                "\"MoovPlacement\":\"PROGRESSIVE_DOWNLOAD\"", "\"Codec\":\"AAC\"", "\"TargetLkfs\":-16");
        assertThat(map(map(properties(pipeline, "AWS::Lambda::Function", "ComposeFunction"), "Environment"),
                "Variables")).containsKeys(FunctionEnvironment.MEDIACONVERT_ROLE_ARN,
                FunctionEnvironment.MEDIACONVERT_TEMPLATE);
        for (PipelineFunction other : PipelineFunction.values()) {
            if (other != PipelineFunction.COMPOSE && other != PipelineFunction.API) {
                assertThat(allowing(statements(pipeline, pascal(other) + "RoleDefaultPolicy"), "iam:PassRole"))
                        .as(other.id()).isEmpty();
            }
        }
    }

    @Test
    void pipeline_shouldReadVendorSecretsByName_onlyWhereVendorsAreCalled() {
        // given
        List<Map<String, Object>> writeScript = statements(pipeline, "WriteScriptRoleDefaultPolicy");
        List<Map<String, Object>> publish = statements(pipeline, "PublishRoleDefaultPolicy");

        // when
        String secrets = json(allowing(writeScript, "secretsmanager:GetSecretValue"));

        // then
        for (String vendor : List.of("runway", "luma", "openai", "replicate", "google")) {
            assertThat(secrets).contains(":secret:reelsmith/" + vendor + "-??????");
        }
        assertThat(allowing(publish, "secretsmanager:GetSecretValue")).isEmpty();
    }

    @Test
    void pipeline_shouldScopeBucketAccessToContractPrefixes_whenGranting() {
        // given
        List<Map<String, Object>> admit = statements(pipeline, "AdmitRoleDefaultPolicy");
        List<Map<String, Object>> keyframe = statements(pipeline, "GenerateKeyframeRoleDefaultPolicy");

        // when
        String admitPuts = json(allowing(admit, "s3:PutObject"));
        String admitReads = json(allowing(admit, "s3:GetObject*"));
        String keyframePuts = json(allowing(keyframe, "s3:PutObject"));

        // then
        assertThat(admitReads).contains("/briefs/*", "/songs/*", "/runs/*").doesNotContain("/cache/*");
        assertThat(admitPuts).contains("BucketsArtifacts", "/runs/*").doesNotContain("BucketsInbox", "/cache/*");
        assertThat(keyframePuts).contains("/runs/*", "/cache/*");
    }

    @Test
    void pipeline_shouldTellEveryFunctionTheContractEnvironment_andTheInboxItsMachine() {
        // given
        List<String> contract = List.of("REELSMITH_TABLE", "REELSMITH_ARTIFACTS_BUCKET", "REELSMITH_INBOX_BUCKET",
                "REELSMITH_DLQ_URL", "REELSMITH_EVENT_BUS", "REELSMITH_PROVIDERS", "REELSMITH_SECRETS_PREFIX",
                "REELSMITH_TEXT_MODEL", "REELSMITH_DEFAULT_BUDGET_USD", "REELSMITH_REVIEW", "REELSMITH_RETENTION_DAYS");
        String machine = resource(pipeline, "AWS::StepFunctions::StateMachine", "VideoPipeline").getKey();

        // when
        Map<String, Object> inbox = map(map(properties(pipeline, "AWS::Lambda::Function", "InboxFunction"),
                "Environment"), "Variables");

        // then
        for (Map<String, Object> function : pipeline.findResources("AWS::Lambda::Function").values()) {
            assertThat(map(map(map(function, "Properties"), "Environment"), "Variables")).containsKeys(
                    contract.toArray(String[]::new));
        }
        assertThat(inbox).containsEntry(FunctionEnvironment.STATE_MACHINE_ARN, Map.of("Ref", machine))
                .containsEntry("REELSMITH_PROVIDERS", "local").containsEntry("REELSMITH_REVIEW", "none");
        assertThat(allowing(statements(pipeline, "InboxRoleDefaultPolicy"), "states:StartExecution"))
                .singleElement().satisfies(statement -> assertThat(resources(statement))
                        .containsExactly(Map.of("Ref", machine)));
    }

    @Test
    void pipeline_shouldApplyOptionalSettings_whenEverythingIsConfigured() {
        // given
        Template configured = TestApps.template(TestApps.everythingConfigured().pipeline());

        // when
        Map<String, Object> compose = properties(configured, "AWS::Lambda::Function", "ComposeFunction");
        String bedrock = json(allowing(statements(configured, "PlanShotsRoleDefaultPolicy"), "bedrock:InvokeModel"));

        // then
        assertThat(compose).containsEntry("Architectures", List.of("arm64"))
                .containsEntry("ReservedConcurrentExecutions", 5);
        assertThat(properties(configured, "AWS::Lambda::LayerVersion", "FfmpegLayer"))
                .containsEntry("CompatibleArchitectures", List.of("arm64"));
        assertThat(properties(configured, "AWS::Events::EventBus", "EventBus")).containsEntry("Name", "reelsmith");
        assertThat(map(properties(configured, "AWS::StepFunctions::StateMachine", "VideoPipeline"),
                "DefinitionSubstitutions").get("EventBusName")).isEqualTo(Map.of("Ref",
                resource(configured, "AWS::Events::EventBus", "EventBus").getKey()));
        assertThat(bedrock).contains(":inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
                ":bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(properties(configured, "AWS::SNS::Subscription", "ObservabilityAlarmTopic"))
                .containsEntry("Protocol", "email").containsEntry("Endpoint", "ops@example.com");
        assertThat(properties(configured, "AWS::Logs::LogGroup", "ComposeLogs")).containsEntry("RetentionInDays", 30);
    }
}
