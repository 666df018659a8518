package dev.reelsmith.store;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The single DynamoDB table every Reelsmith item lives in: partition key {@code pk}, sort key {@code sk}, on-demand
 * billing, the {@code byOwner} index ({@code gsi1pk} = {@code OWNER#<owner>}, {@code gsi1sk} =
 * {@code <createdAt>#<sessionId>}, all attributes projected) and expiry through the {@code expiresAt} TTL attribute
 * (epoch seconds).
 *
 * <p>Deployed tables come from CDK; {@link #createIfMissing} is for the local cloud and for tests, which create the
 * same table in DynamoDB Local.
 */
public final class TableSchema {
    /** Partition key attribute, e.g. {@code SESSION#<id>}. */
    public static final String PK = "pk";
    /** Sort key attribute, e.g. {@code META}. */
    public static final String SK = "sk";
    /** The index that lists sessions by owner and time. */
    public static final String BY_OWNER_INDEX = "byOwner";
    /** Partition key of {@link #BY_OWNER_INDEX}: {@code OWNER#<owner>}. */
    public static final String GSI1_PK = "gsi1pk";
    /** Sort key of {@link #BY_OWNER_INDEX}: {@code <createdAt ISO-8601>#<sessionId>}. */
    public static final String GSI1_SK = "gsi1sk";
    /** TTL attribute: epoch seconds after which DynamoDB may delete the item. */
    public static final String EXPIRES_AT = "expiresAt";

    private TableSchema() {
    }

    /** The CreateTable request for a table of this layout named {@code tableName}. */
    public static CreateTableRequest definition(String tableName) {
        requireTableName(tableName);
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(PK), stringAttribute(SK), stringAttribute(GSI1_PK),
                        stringAttribute(GSI1_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(BY_OWNER_INDEX)
                        .keySchema(key(GSI1_PK, KeyType.HASH), key(GSI1_SK, KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL))
                        .build())
                .build();
    }

    /**
     * Creates the table unless it exists, waits until it is active and makes sure TTL is enabled on
     * {@link #EXPIRES_AT}. Safe to call from several processes at once and on every start.
     *
     * @return true when this call created the table
     */
    public static boolean createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        Objects.requireNonNull(dynamoDb, "dynamoDb must not be null");
        requireTableName(tableName);
        boolean created = false;
        if (!exists(dynamoDb, tableName)) {
            try {
                dynamoDb.createTable(definition(tableName));
                created = true;
            } catch (ResourceInUseException alreadyBeingCreated) {
                // another process won the race; its table has the same layout
            }
        }
        // the SDK waiter polls DescribeTable; this is set-up code, never a request path
        dynamoDb.waiter().waitUntilTableExists(describe -> describe.tableName(tableName));
        enableTtl(dynamoDb, tableName);
        return created;
    }

    private static boolean exists(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.describeTable(describe -> describe.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void enableTtl(DynamoDbClient dynamoDb, String tableName) {
        TimeToLiveStatus status = dynamoDb.describeTimeToLive(describe -> describe.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        try {
            dynamoDb.updateTimeToLive(update -> update.tableName(tableName)
                    .timeToLiveSpecification(ttl -> ttl.attributeName(EXPIRES_AT).enabled(true)));
        } catch (DynamoDbException e) {
            // a concurrent caller enabling TTL first makes DynamoDB reject the repeat ("already enabled")
            TimeToLiveStatus now = dynamoDb.describeTimeToLive(describe -> describe.tableName(tableName))
                    .timeToLiveDescription().timeToLiveStatus();
            if (now != TimeToLiveStatus.ENABLED && now != TimeToLiveStatus.ENABLING) {
                throw e;
            }
        }
    }

    private static void requireTableName(String tableName) {
        if (tableName == null || !tableName.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("tableName must be 3-255 characters of A-Z, a-z, 0-9, '_', '-' "
                    + "and '.', was " + tableName);
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
