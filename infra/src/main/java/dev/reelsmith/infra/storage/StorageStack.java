package dev.reelsmith.infra.storage;

import dev.reelsmith.infra.config.InfraConfig;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * What outlives every deployment of the code: the data key, the buckets and the table. Kept in its own stack so
 * the pipeline and API stacks can be replaced or destroyed without touching users' uploads, paid-for artifacts
 * and session history; its resources are retained on delete unless {@code destroyData} is set.
 *
 * <p>One customer-managed key encrypts the inbox, the artifacts and the table: it is where KMS pays for itself
 * (customer content and task tokens, an audit trail of every use in CloudTrail, access revocable in one key
 * policy, data shredded by scheduling the key's deletion) at about 1 USD a month, with S3 Bucket Keys keeping the
 * request charges negligible. Queues, logs and the alarm topic use service-managed encryption instead.
 */
public final class StorageStack extends Stack {
    private final Key dataKey;
    private final DataBuckets buckets;
    private final SessionTable sessions;

    public StorageStack(Construct scope, String id, StackProps props, InfraConfig config) {
        super(scope, id, props);
        dataKey = Key.Builder.create(this, "DataKey")
                .description("Reelsmith: encrypts the inbox and artifacts buckets and the session table")
                .enableKeyRotation(true)
                .removalPolicy(config.destroyData() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        buckets = new DataBuckets(this, "Buckets", config, dataKey);
        sessions = new SessionTable(this, "Sessions", config, dataKey);

        CfnOutput.Builder.create(this, "InboxBucketName")
                .description("Upload briefs/<name>.json and songs/<name>.<ext> here")
                .value(buckets.inbox().getBucketName())
                .build();
        CfnOutput.Builder.create(this, "ArtifactsBucketName")
                .description("Runs write runs/<runId>/...; the final video is runs/<runId>/final/video.mp4")
                .value(buckets.artifacts().getBucketName())
                .build();
        CfnOutput.Builder.create(this, "TableName")
                .value(sessions.table().getTableName())
                .build();
        CfnOutput.Builder.create(this, "UploadCommand")
                .description("Starts a run from a brief")
                .value("aws s3 cp brief.json s3://" + buckets.inbox().getBucketName() + "/" + DataBuckets.BRIEFS_PREFIX)
                .build();
        CfnOutput.Builder.create(this, "UploadSongCommand")
                .description("Starts a music video run (an optional sidecar songs/<name>.json goes first)")
                .value("aws s3 cp song.mp3 s3://" + buckets.inbox().getBucketName() + "/" + DataBuckets.SONGS_PREFIX)
                .build();
    }

    /** The customer-managed key of the buckets and the table. */
    public IKey dataKey() {
        return dataKey;
    }

    /** Where users upload. */
    public IBucket inbox() {
        return buckets.inbox();
    }

    /** Where runs write. */
    public IBucket artifacts() {
        return buckets.artifacts();
    }

    /** The single table. */
    public ITable table() {
        return sessions.table();
    }
}
