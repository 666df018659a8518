package dev.reelsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@ExtendWith(StoreEmulators.class)
class TableSchemaTest {

    @Test
    void createIfMissing_shouldCreateTheContractTable_whenTableIsMissing() {
        // given
        var dynamoDb = StoreEmulators.dynamoDb();

        // when
        boolean created = TableSchema.createIfMissing(dynamoDb, "schema-created");

        // then
        TableDescription table = dynamoDb.describeTable(d -> d.tableName("schema-created")).table();
        assertThat(created).isTrue();
        assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType)
                .containsExactly(tuple("pk", KeyType.HASH),
                        tuple("sk", KeyType.RANGE));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        GlobalSecondaryIndexDescription byOwner = table.globalSecondaryIndexes().get(0);
        assertThat(byOwner.indexName()).isEqualTo("byOwner");
        assertThat(byOwner.keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly("gsi1pk", "gsi1sk");
        assertThat(byOwner.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(d -> d.tableName("schema-created"))
                .timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void createIfMissing_shouldReportNothingCreated_whenTableAlreadyExists() {
        // given
        var dynamoDb = StoreEmulators.dynamoDb();
        TableSchema.createIfMissing(dynamoDb, "schema-repeated");

        // when
        boolean created = TableSchema.createIfMissing(dynamoDb, "schema-repeated");

        // then
        assertThat(created).isFalse();
        assertThat(dynamoDb.listTables().tableNames()).containsOnlyOnce("schema-repeated");
    }

    @Test
    void definition_shouldRejectTheName_whenItHasCharactersDynamoDbRefuses() {
        // when / then
        assertThatThrownBy(() -> TableSchema.definition("sessions table"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tableName must be 3-255 characters of A-Z, a-z, 0-9, '_', '-' and '.', "
                        + "was sessions table");
    }
}
