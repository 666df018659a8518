package dev.reelsmith.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.reelsmith.infra.TemplateMaps.list;
import static dev.reelsmith.infra.TemplateMaps.map;
import static dev.reelsmith.infra.TemplateMaps.properties;
import static dev.reelsmith.infra.TemplateMaps.resource;
import static org.assertj.core.api.Assertions.assertThat;

class StorageStackTest {
    private static Template storage;

    @BeforeAll
    static void synthesize() {
        storage = TestApps.template(TestApps.defaults().storage());
    }

    @Test
    void storage_shouldCreateThreePrivateVersionedBuckets_whenDeployed() {
        // given
        Map<String, Map<String, Object>> buckets = storage.findResources("AWS::S3::Bucket");

        // when / then
        assertThat(buckets).hasSize(3);
        for (Map<String, Object> bucket : buckets.values()) {
            Map<String, Object> props = map(bucket, "Properties");
            assertThat(map(props, "PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                    "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
            assertThat(map(props, "VersioningConfiguration")).containsEntry("Status", "Enabled");
            assertThat(bucket).containsEntry("DeletionPolicy", "Retain");
        }
    }

    @Test
    void storage_shouldEncryptInboxAndArtifactsWithTheRotatedDataKey_whenDeployed() {
        // given
        String keyId = resource(storage, "AWS::KMS::Key", "DataKey").getKey();

        // when
        Map<String, Object> inbox = properties(storage, "AWS::S3::Bucket", "BucketsInbox");
        Map<String, Object> artifacts = properties(storage, "AWS::S3::Bucket", "BucketsArtifacts");
        Map<String, Object> logs = properties(storage, "AWS::S3::Bucket", "BucketsAccessLogs");

        // then
        for (Map<String, Object> bucket : List.of(inbox, artifacts)) {
            Map<String, Object> rule = map(list(map(bucket, "BucketEncryption"),
                    "ServerSideEncryptionConfiguration").get(0));
            assertThat(rule).containsEntry("BucketKeyEnabled", true);
            assertThat(map(rule, "ServerSideEncryptionByDefault"))
                    .containsEntry("SSEAlgorithm", "aws:kms")
                    .containsEntry("KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(keyId, "Arn")));
        }
        // server access logs can only be delivered to SSE-S3 buckets
        Map<String, Object> logsRule = map(list(map(logs, "BucketEncryption"), "ServerSideEncryptionConfiguration")
                .get(0));
        assertThat(map(logsRule, "ServerSideEncryptionByDefault")).isEqualTo(Map.of("SSEAlgorithm", "AES256"));
        storage.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        storage.hasResourceProperties("AWS::DynamoDB::Table", Map.of("SSESpecification", Map.of(
                "SSEEnabled", true, "SSEType", "KMS",
                "KMSMasterKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
    }

    @Test
    void storage_shouldDenyRequestsWithoutTls_whenAnyBucketIsCalled() {
        // given
        Map<String, Map<String, Object>> policies = storage.findResources("AWS::S3::BucketPolicy");

        // when / then
        assertThat(policies).hasSize(3);
        for (Map<String, Object> policy : policies.values()) {
            List<Object> statements = list(map(map(policy, "Properties"), "PolicyDocument"), "Statement");
            assertThat(statements).anySatisfy(statement -> {
                assertThat(map(statement)).containsEntry("Effect", "Deny").containsEntry("Action", "s3:*")
                        .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
            });
        }
    }

    @Test
    void storage_shouldLogInboxAndArtifactsAccess_whenDeployed() {
        // given
        String logsBucket = resource(storage, "AWS::S3::Bucket", "BucketsAccessLogs").getKey();

        // when
        Map<String, Object> inbox = properties(storage, "AWS::S3::Bucket", "BucketsInbox");
        Map<String, Object> artifacts = properties(storage, "AWS::S3::Bucket", "BucketsArtifacts");

        // then
        assertThat(map(inbox, "LoggingConfiguration")).isEqualTo(Map.of(
                "DestinationBucketName", Map.of("Ref", logsBucket), "LogFilePrefix", "inbox/"));
        assertThat(map(artifacts, "LoggingConfiguration")).isEqualTo(Map.of(
                "DestinationBucketName", Map.of("Ref", logsBucket), "LogFilePrefix", "artifacts/"));
    }

    @Test
    void storage_shouldExpireRunsAfterRetentionAndCacheLater_whenLifecycleRulesApply() {
        // given
        Map<String, Object> artifacts = properties(storage, "AWS::S3::Bucket", "BucketsArtifacts");

        // when
        List<Object> rules = list(map(artifacts, "LifecycleConfiguration"), "Rules");

        // then
        assertThat(rules).anySatisfy(rule -> assertThat(map(rule)).containsEntry("Prefix", "runs/")
                .containsEntry("ExpirationInDays", 30));
        assertThat(rules).anySatisfy(rule -> assertThat(map(rule)).containsEntry("Prefix", "cache/")
                .containsEntry("ExpirationInDays", 180));
        assertThat(rules).anySatisfy(rule -> assertThat(map(rule))
                .containsEntry("AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)));
    }

    @Test
    void storage_shouldSendInboxEventsToEventBridge_withoutACustomResource() {
        // given
        Map<String, Object> inbox = properties(storage, "AWS::S3::Bucket", "BucketsInbox");

        // when
        Map<String, Object> notifications = map(inbox, "NotificationConfiguration");

        // then
        assertThat(notifications).isEqualTo(Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)));
        storage.resourceCountIs("Custom::S3BucketNotifications", 0);
        storage.resourceCountIs("AWS::Lambda::Function", 0);
    }

    @Test
    void storage_shouldCreateTheContractTable_whenDeployed() {
        // given / when
        Map<String, Object> table = properties(storage, "AWS::DynamoDB::Table", "SessionsTable");

        // then
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        assertThat(list(table, "GlobalSecondaryIndexes")).containsExactly(Map.of(
                "IndexName", "byOwner",
                "KeySchema", List.of(Map.of("AttributeName", "gsi1pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "gsi1sk", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL")));
    }

    @Test
    void storage_shouldOutputBucketNamesAndTheUploadCommand_whenDeployed() {
        // given
        String inbox = resource(storage, "AWS::S3::Bucket", "BucketsInbox").getKey();

        // when / then
        storage.hasOutput("InboxBucketName", Map.of("Value", Map.of("Ref", inbox)));
        storage.hasOutput("ArtifactsBucketName", Match.objectLike(Map.of()));
        storage.hasOutput("UploadCommand", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "aws s3 cp brief.json s3://", Map.of("Ref", inbox), "/briefs/")))));
    }

    @Test
    void storage_shouldDeleteEverything_whenDestroyDataIsSet() {
        // given
        Template destroyable = TestApps.template(TestApps.everythingConfigured().storage());

        // when
        Map<String, Map<String, Object>> buckets = destroyable.findResources("AWS::S3::Bucket");

        // then
        assertThat(buckets.values()).allSatisfy(bucket -> assertThat(bucket).containsEntry("DeletionPolicy", "Delete"));
        destroyable.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", false))));
        destroyable.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete"));
        destroyable.resourceCountIs("Custom::S3AutoDeleteObjects", 3);
        assertThat(list(map(properties(destroyable, "AWS::S3::Bucket", "BucketsArtifacts"),
                "LifecycleConfiguration"), "Rules")).anySatisfy(rule -> assertThat(map(rule))
                .containsEntry("Prefix", "runs/").containsEntry("ExpirationInDays", 7));
    }
}
