package dev.reelsmith.store.vendors;

import dev.reelsmith.store.TableSchema;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing the plain attribute values of vendor items. */
final class Items {
    private Items() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableSchema.PK, string(pk), TableSchema.SK, string(sk));
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The string attribute, or null when absent. */
    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The number attribute as a long, or 0 when absent. */
    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** The number attribute as a long, or null when absent. */
    static Long optionalNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }
}
