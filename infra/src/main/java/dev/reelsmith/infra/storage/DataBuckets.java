package dev.reelsmith.infra.storage;

import dev.reelsmith.infra.config.InfraConfig;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;

/**
 * The three buckets: the <b>inbox</b> users upload briefs and songs to (versioned, every "Object Created" sent to
 * EventBridge), the <b>artifacts</b> bucket runs write to ({@code runs/} expires with the retention period, the
 * paid-for generation {@code cache/} lives longer), and the <b>access logs</b> bucket both log to. All are
 * private, TLS-only and versioned; inbox and artifacts are encrypted with the data key through S3 Bucket Keys.
 */
public final class DataBuckets extends Construct {
    /** Inbox key prefix of briefs ({@code briefs/<name>.json}). */
    public static final String BRIEFS_PREFIX = "briefs/";
    /** Inbox key prefix of songs and their sidecars ({@code songs/<name>.<ext>}, {@code songs/<name>.json}). */
    public static final String SONGS_PREFIX = "songs/";
    /** Artifacts key prefix of everything a run writes ({@code runs/<runId>/...}). */
    public static final String RUNS_PREFIX = "runs/";
    /** Artifacts key prefix of the content-addressed generation cache ({@code cache/<sha256>.<ext>}). */
    public static final String CACHE_PREFIX = "cache/";

    private final Bucket accessLogs;
    private final Bucket inbox;
    private final Bucket artifacts;

    public DataBuckets(Construct scope, String id, InfraConfig config, IKey dataKey) {
        super(scope, id);
        RemovalPolicy removal = config.destroyData() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

        // Server access logs can only be delivered to a bucket encrypted with SSE-S3, so this one is.
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(config.logRetentionDays()))
                        .noncurrentVersionExpiration(Duration.days(1))
                        .build()))
                .removalPolicy(removal)
                .autoDeleteObjects(config.destroyData())
                .build();

        inbox = Bucket.Builder.create(this, "Inbox")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(dataKey)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("inbox/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-replaced-uploads")
                                .noncurrentVersionExpiration(Duration.days(config.retentionDays()))
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build(),
                        LifecycleRule.builder()
                                .id("remove-expired-delete-markers")
                                .expiredObjectDeleteMarker(true)
                                .build()))
                .removalPolicy(removal)
                .autoDeleteObjects(config.destroyData())
                .build();
        // The native CloudFormation switch rather than Bucket#eventBridgeEnabled, which goes through the
        // BucketNotifications custom resource (a Lambda function of its own) to set the same flag.
        ((CfnBucket) inbox.getNode().getDefaultChild()).setNotificationConfiguration(
                CfnBucket.NotificationConfigurationProperty.builder()
                        .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                                .eventBridgeEnabled(true)
                                .build())
                        .build());

        artifacts = Bucket.Builder.create(this, "Artifacts")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(dataKey)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("artifacts/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-runs")
                                .prefix(RUNS_PREFIX)
                                .expiration(Duration.days(config.retentionDays()))
                                .build(),
                        LifecycleRule.builder()
                                .id("expire-cache")
                                .prefix(CACHE_PREFIX)
                                .expiration(Duration.days(config.cacheRetentionDays()))
                                .build(),
                        // runs overwrite and delete working objects (temp keys before publishing); old
                        // versions are a one-day safety net, not an archive
                        LifecycleRule.builder()
                                .id("expire-old-versions")
                                .noncurrentVersionExpiration(Duration.days(1))
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build(),
                        LifecycleRule.builder()
                                .id("remove-expired-delete-markers")
                                .expiredObjectDeleteMarker(true)
                                .build()))
                .removalPolicy(removal)
                .autoDeleteObjects(config.destroyData())
                .build();
    }

    /** Where users upload {@code briefs/} and {@code songs/}. */
    public IBucket inbox() {
        return inbox;
    }

    /** Where runs write {@code runs/<runId>/} and the generation {@code cache/}. */
    public IBucket artifacts() {
        return artifacts;
    }

    /** The server access log bucket of the other two. */
    public IBucket accessLogs() {
        return accessLogs;
    }
}
