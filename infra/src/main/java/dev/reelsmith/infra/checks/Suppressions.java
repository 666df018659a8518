package dev.reelsmith.infra.checks;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

import java.util.List;

/**
 * The cdk-nag suppressions that recur on several resources, each with the reason it is acceptable and scoped
 * with {@code appliesTo} to the exact findings it covers (a new wildcard still fails the checks). One-off
 * suppressions sit next to the resource they concern. The infra README lists all of them.
 */
public final class Suppressions {
    /** Action groups CDK's bucket, key and table {@code grant*} methods use. */
    static final List<String> GRANT_ACTION_GROUPS = List.of(
            "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:Abort*",
            "Action::s3:DeleteObject*", "Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*");
    /** Object ARNs under the key prefixes of the pipeline contract. */
    static final String PREFIX_RESOURCES = "/^Resource::<[A-Za-z0-9]+\\.Arn>\\/(runs|cache|briefs|songs)\\/\\*$/";
    /** The table's indexes, which {@code ITable#grant*} includes. */
    static final String TABLE_INDEXES = "/^Resource::<[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/";
    /** Executions of one state machine, which {@code IStateMachine#grantExecution} and redrive use. */
    static final String EXECUTIONS =
            "/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:.+:\\*$/";

    private Suppressions() {
    }

    /**
     * Suppresses, on {@code scope} and its children, the IAM5 findings that CDK's {@code grant*} methods produce
     * for Reelsmith's prefix-scoped bucket grants, key grants, table grants and execution grants.
     */
    public static void grantWildcards(IConstruct scope) {
        NagSuppressions.addResourceSuppressions(scope, List.of(
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("CDK grant* action groups: each wildcard covers the variants of one operation "
                                + "(GetObject/GetObjectVersion/..., GenerateDataKey/GenerateDataKeyWithoutPlaintext), "
                                + "on resources scoped to one bucket prefix, one key or one table.")
                        .appliesTo(List.copyOf(GRANT_ACTION_GROUPS))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Object keys under the prefix the pipeline contract gives this use (runs/<runId>/, "
                                + "cache/<sha256>, briefs/, songs/): run ids, hashes and upload names exist only "
                                + "at run time.")
                        .appliesTo(List.of(RegexAppliesTo.builder().regex(PREFIX_RESOURCES).build()))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Table grants include the table's own indexes (the byOwner GSI lists sessions by "
                                + "owner); no other table is reachable.")
                        .appliesTo(List.of(RegexAppliesTo.builder().regex(TABLE_INDEXES).build()))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Executions of the pipeline state machine only: execution names are run ids, "
                                + "created per upload.")
                        .appliesTo(List.of(RegexAppliesTo.builder().regex(EXECUTIONS).build()))
                        .build()), true);
    }

    /** Suppresses L1 on a java21 function, which is the runtime the project targets. */
    public static void javaRuntime(IConstruct function) {
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("java21 is deliberate: the code is Java 17 bytecode tested on java21, the LTS runtime "
                        + "Powertools 2.x, SnapStart and the FFmpeg layer are verified with; java25 is adopted "
                        + "by changing PipelineLambda once tested.")
                .build()));
    }
}
