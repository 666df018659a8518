package dev.reelsmith.infra.functions;

import dev.reelsmith.infra.checks.Suppressions;
import dev.reelsmith.infra.storage.DataBuckets;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.s3.IBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grants a {@link PipelineLambda} exactly the {@link Access} entries its function has, each through the owning
 * resource's {@code grant*} method (bucket grants are scoped to the key prefixes the function works under).
 * Services without an L2 grant method (Bedrock, MediaConvert) go through {@link Grant#addToPrincipal} with the
 * exact resource ARNs.
 */
public final class FunctionGrants {
    /** Cross-region inference profile ids start with a geography, e.g. {@code us.anthropic.claude-...}. */
    private static final Pattern INFERENCE_PROFILE = Pattern.compile("(us|us-gov|eu|apac|jp|au|ca|global)\\.(.+)");

    private FunctionGrants() {
    }

    /** Grants {@code lambda} every access its definition lists. */
    public static void apply(PipelineLambda lambda, GrantTargets targets) {
        IGrantable grantee = lambda.role();
        Suppressions.grantWildcards(lambda.role());
        for (Access access : Access.of(lambda.definition())) {
            switch (access) {
                case TABLE -> targets.table().grantReadWriteData(grantee);
                case INBOX_READ -> readUnder(targets.inbox(), grantee, DataBuckets.BRIEFS_PREFIX,
                        DataBuckets.SONGS_PREFIX);
                case INBOX_UPLOAD -> {
                    targets.inbox().grantPut(grantee, DataBuckets.BRIEFS_PREFIX + "*");
                    targets.inbox().grantPut(grantee, DataBuckets.SONGS_PREFIX + "*");
                }
                case RUNS_READ -> readUnder(targets.artifacts(), grantee, DataBuckets.RUNS_PREFIX);
                case RUNS_WRITE -> {
                    targets.artifacts().grantPut(grantee, DataBuckets.RUNS_PREFIX + "*");
                    targets.artifacts().grantDelete(grantee, DataBuckets.RUNS_PREFIX + "*");
                }
                case CACHE_READ -> readUnder(targets.artifacts(), grantee, DataBuckets.CACHE_PREFIX);
                case CACHE_WRITE -> targets.artifacts().grantPut(grantee, DataBuckets.CACHE_PREFIX + "*");
                case EVENTS -> targets.eventBus().grantPutEventsTo(grantee);
                case DEAD_LETTERS -> targets.deadLetters().grantSendMessages(grantee);
                case VENDOR_SECRETS -> targets.vendorSecrets().forEach(secret -> secret.grantRead(grantee));
                case TEXT_MODEL -> targets.bedrockModelId().ifPresent(model -> grantBedrock(lambda, model));
                case START_RUN -> targets.stateMachine().grantStartExecution(grantee);
                case READ_RUN_HISTORY -> targets.stateMachine().grantExecution(grantee, "states:DescribeExecution",
                        "states:GetExecutionHistory");
                case FOLLOW_RUN -> {
                    targets.stateMachine().grantExecution(grantee, "states:DescribeExecution",
                            "states:GetExecutionHistory", "states:StopExecution");
                    targets.stateMachine().grantRedriveExecution(grantee);
                }
                case TASK_RESPONSE -> targets.stateMachine().grantTaskResponse(grantee);
                case LONG_RENDER -> grantLongRender(lambda, targets.longRender().orElseThrow(() ->
                        new IllegalStateException(lambda.definition() + " needs LONG_RENDER but its stack has no "
                                + "MediaConvert job template")));
            }
        }
    }

    private static void readUnder(IBucket bucket, IGrantable grantee, String... prefixes) {
        for (String prefix : prefixes) {
            bucket.grantRead(grantee, prefix + "*");
        }
    }

    private static void grantBedrock(PipelineLambda lambda, String modelId) {
        Stack stack = Stack.of(lambda);
        List<String> resources = new ArrayList<>();
        Matcher profile = INFERENCE_PROFILE.matcher(modelId);
        if (profile.matches()) {
            // a cross-region profile routes to the model in any region of its geography
            resources.add(stack.formatArn(ArnComponents.builder().service("bedrock").resource("inference-profile")
                    .resourceName(modelId).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()));
            resources.add(stack.formatArn(ArnComponents.builder().service("bedrock").region("*").account("")
                    .resource("foundation-model").resourceName(profile.group(2))
                    .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()));
            NagSuppressions.addResourceSuppressions(lambda.role(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("Bedrock cross-region inference profile " + modelId + " invokes the foundation model "
                            + "in whichever region of its geography has capacity; the region is the only wildcard.")
                    .appliesTo(List.of(
                            "Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/" + profile.group(2)))
                    .build()), true);
        } else {
            resources.add(stack.formatArn(ArnComponents.builder().service("bedrock").account("")
                    .resource("foundation-model").resourceName(modelId).arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                    .build()));
        }
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(lambda.role())
                .actions(List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"))
                .resourceArns(resources)
                .build());
    }

    private static void grantLongRender(PipelineLambda lambda, GrantTargets.LongRenderTarget longRender) {
        Stack stack = Stack.of(lambda);
        String defaultQueue = stack.formatArn(ArnComponents.builder().service("mediaconvert").resource("queues")
                .resourceName("Default").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        String jobs = stack.formatArn(ArnComponents.builder().service("mediaconvert").resource("jobs")
                .resourceName("*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(lambda.role())
                .actions(List.of("mediaconvert:CreateJob"))
                .resourceArns(List.of(defaultQueue, longRender.jobTemplateArn()))
                .build());
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(lambda.role())
                .actions(List.of("mediaconvert:GetJob", "mediaconvert:CancelJob"))
                .resourceArns(List.of(jobs))
                .build());
        longRender.role().grantPassRole(lambda.role());
        NagSuppressions.addResourceSuppressions(lambda.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("MediaConvert job ids are generated by CreateJob, so GetJob/CancelJob can only be scoped to "
                        + "this account's and region's jobs/*.")
                .appliesTo(List.of("Resource::arn:<AWS::Partition>:mediaconvert:<AWS::Region>:<AWS::AccountId>:jobs/*"))
                .build()), true);
    }
}
