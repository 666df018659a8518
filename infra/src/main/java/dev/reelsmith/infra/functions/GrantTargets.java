package dev.reelsmith.infra.functions;

import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resources {@link FunctionGrants} grants access to, as one stack sees them.
 *
 * @param inbox          the inbox bucket
 * @param artifacts      the artifacts bucket
 * @param table          the single table
 * @param eventBus       the bus pipeline events go to
 * @param deadLetters    the dead-letter queue
 * @param vendorSecrets  the vendor secrets, imported by name
 * @param bedrockModelId the Bedrock text model, when one is configured
 * @param stateMachine   the pipeline state machine
 * @param longRender     the MediaConvert role and job template, in the stack that has them
 */
public record GrantTargets(IBucket inbox, IBucket artifacts, ITable table, IEventBus eventBus, IQueue deadLetters,
                           List<ISecret> vendorSecrets, Optional<String> bedrockModelId, IStateMachine stateMachine,
                           Optional<LongRenderTarget> longRender) {
    public GrantTargets {
        Objects.requireNonNull(inbox, "inbox must not be null");
        Objects.requireNonNull(artifacts, "artifacts must not be null");
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(eventBus, "eventBus must not be null");
        Objects.requireNonNull(deadLetters, "deadLetters must not be null");
        vendorSecrets = List.copyOf(Objects.requireNonNull(vendorSecrets, "vendorSecrets must not be null"));
        Objects.requireNonNull(bedrockModelId, "bedrockModelId must not be null");
        Objects.requireNonNull(stateMachine, "stateMachine must not be null");
        Objects.requireNonNull(longRender, "longRender must not be null");
    }

    /**
     * What submitting a MediaConvert job needs: the role MediaConvert assumes and the job template.
     *
     * @param role           passed to MediaConvert with each job
     * @param jobTemplateArn the long-render job template
     * @param jobTemplateName its name, which jobs reference
     */
    public record LongRenderTarget(IRole role, String jobTemplateArn, String jobTemplateName) {
        public LongRenderTarget {
            Objects.requireNonNull(role, "role must not be null");
            Objects.requireNonNull(jobTemplateArn, "jobTemplateArn must not be null");
            Objects.requireNonNull(jobTemplateName, "jobTemplateName must not be null");
        }
    }
}
