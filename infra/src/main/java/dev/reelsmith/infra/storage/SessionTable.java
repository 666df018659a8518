package dev.reelsmith.infra.storage;

import dev.reelsmith.infra.config.InfraConfig;
import dev.reelsmith.store.TableSchema;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * The single DynamoDB table (sessions, assets, costs, events, budget ledger, upload claims, songs, vendor
 * breakers and slots, cache entries) in the layout {@link TableSchema} defines for the local cloud too:
 * {@code pk}/{@code sk}, on-demand, TTL on {@code expiresAt}, the {@code byOwner} index, point-in-time recovery,
 * encrypted with the data key.
 */
public final class SessionTable extends Construct {
    private final Table table;

    public SessionTable(Construct scope, String id, InfraConfig config, IKey dataKey) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
                .partitionKey(Attribute.builder().name(TableSchema.PK).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(TableSchema.SK).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(TableSchema.EXPIRES_AT)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(dataKey)
                .deletionProtection(!config.destroyData())
                .removalPolicy(config.destroyData() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(TableSchema.BY_OWNER_INDEX)
                .partitionKey(Attribute.builder().name(TableSchema.GSI1_PK).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(TableSchema.GSI1_SK).type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
    }

    /** The table. */
    public ITable table() {
        return table;
    }
}
