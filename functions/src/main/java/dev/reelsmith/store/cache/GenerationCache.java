package dev.reelsmith.store.cache;

import dev.reelsmith.providers.Cost;
import dev.reelsmith.store.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The content-addressed cache of generated keyframes, clips and music: a result is stored once under the
 * {@link GenerationKey} of the request that made it and served again for the same request, so a redriven or
 * repeated run never pays twice for the same output.
 *
 * <p>Files live in the artifacts bucket at {@code cache/<sha256>.<ext>}; the entry {@code CACHE#<sha256>}/{@code
 * ENTRY} in the table says where, with the provider, model, original cost and creation time. {@link #put}
 * uploads the file, then writes the entry conditionally: the first writer wins and later writers get the
 * winner's entry. {@link #find} checks the file still exists; an entry whose file is gone (deleted by a bucket
 * lifecycle rule or by hand) is removed and reported as a miss, so the next generation repairs it.
 */
public final class GenerationCache {
    static final String ENTRY_SK = "ENTRY";
    static final String OBJECT_PREFIX = "cache/";
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final String BUCKET = "bucket";
    private static final String OBJECT_KEY = "objectKey";
    private static final String SIZE = "sizeBytes";
    private static final String CONTENT_SHA = "contentSha256";
    private static final String MIME = "mimeType";
    private static final String PROVIDER = "providerId";
    private static final String MODEL = "modelId";
    private static final String COST_QUANTITY = "costQuantity";
    private static final String COST_UNIT = "costUnit";
    private static final String COST_UNIT_PRICE = "costUnitPriceUsd";
    private static final String COST_TOTAL = "costTotalUsd";
    private static final String ATTRIBUTES = "attributes";
    private static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public GenerationCache(DynamoDbClient dynamoDb, String table, S3Client s3, String bucket, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb must not be null");
        GenerationRecord.notBlank(table, "table");
        this.table = table;
        this.s3 = Objects.requireNonNull(s3, "s3 must not be null");
        GenerationRecord.notBlank(bucket, "bucket");
        this.bucket = bucket;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** The cached result of this request, if there is one whose file still exists. */
    public Optional<CacheEntry> find(GenerationKey key) {
        Objects.requireNonNull(key, "key must not be null");
        return find(key.sha256());
    }

    /** The cached result for a {@link GenerationKey#sha256()}, if there is one whose file still exists. */
    public Optional<CacheEntry> find(String keySha256) {
        if (!Sha256.isDigest(keySha256)) {
            throw new IllegalArgumentException("keySha256 must be 64 lower-case hex digits, was " + keySha256);
        }
        Optional<CacheEntry> entry = readEntry(keySha256);
        if (entry.isEmpty() || objectExists(entry.get())) {
            return entry;
        }
        forget(entry.get());
        return Optional.empty();
    }

    /**
     * Caches a fresh result: uploads {@code file} to {@code cache/<sha256>.<ext>} (the extension is the file's,
     * lower-cased), then records the entry unless another writer recorded one first.
     *
     * @return the entry now in the cache: this one, or the one that was there first
     */
    public CacheEntry put(GenerationKey key, Path file, GenerationRecord record) {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(record, "record must not be null");
        String keySha = key.sha256();
        Optional<CacheEntry> existing = find(keySha);
        if (existing.isPresent()) {
            return existing.get();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result to cache " + file, e);
        }
        CacheEntry entry = new CacheEntry(keySha, bucket, OBJECT_PREFIX + keySha + "." + extension(file), size,
                Sha256.of(file), record, clock.instant());
        s3.putObject(put -> put.bucket(bucket).key(entry.objectKey()).contentType(record.mimeType()),
                RequestBody.fromFile(file));
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item(entry))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK)));
            return entry;
        } catch (ConditionalCheckFailedException anotherWriterWasFirst) {
            // the first writer's entry stands; if it uses the same extension our upload replaced its file with an
            // equally valid result of the same request
            return readEntry(keySha).orElseThrow(() -> new IllegalStateException("cache entry " + keySha
                    + " was written by another writer and removed again while this one was caching"));
        }
    }

    private Optional<CacheEntry> readEntry(String keySha) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(keySha))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        AttributeValue stored = item.get(ATTRIBUTES);
        if (stored != null && stored.hasM()) {
            stored.m().forEach((name, value) -> attributes.put(name, value.s()));
        }
        Cost cost = new Cost(decimal(item, COST_QUANTITY), string(item, COST_UNIT), decimal(item, COST_UNIT_PRICE),
                decimal(item, COST_TOTAL));
        GenerationRecord record = new GenerationRecord(string(item, MIME), string(item, PROVIDER),
                string(item, MODEL), cost, attributes);
        return Optional.of(new CacheEntry(keySha, string(item, BUCKET), string(item, OBJECT_KEY),
                Long.parseLong(item.get(SIZE).n()), string(item, CONTENT_SHA), record,
                Instant.parse(string(item, CREATED_AT))));
    }

    private boolean objectExists(CacheEntry entry) {
        try {
            s3.headObject(head -> head.bucket(entry.bucket()).key(entry.objectKey()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes a dangling entry, unless it was replaced meanwhile by a fresh one. */
    private void forget(CacheEntry dangling) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(dangling.keySha256()))
                    .conditionExpression("#objectKey = :objectKey AND #created = :created")
                    .expressionAttributeNames(Map.of("#objectKey", OBJECT_KEY, "#created", CREATED_AT))
                    .expressionAttributeValues(Map.of(":objectKey", AttributeValue.fromS(dangling.objectKey()),
                            ":created", AttributeValue.fromS(dangling.createdAt().toString()))));
        } catch (ConditionalCheckFailedException replacedOrGone) {
            // another reader removed it, or a writer repaired it: nothing to forget
        }
    }

    private static Map<String, AttributeValue> item(CacheEntry entry) {
        GenerationRecord record = entry.record();
        Map<String, AttributeValue> item = new HashMap<>(key(entry.keySha256()));
        item.put(BUCKET, AttributeValue.fromS(entry.bucket()));
        item.put(OBJECT_KEY, AttributeValue.fromS(entry.objectKey()));
        item.put(SIZE, AttributeValue.fromN(Long.toString(entry.sizeBytes())));
        item.put(CONTENT_SHA, AttributeValue.fromS(entry.contentSha256()));
        item.put(MIME, AttributeValue.fromS(record.mimeType()));
        item.put(PROVIDER, AttributeValue.fromS(record.providerId()));
        item.put(MODEL, AttributeValue.fromS(record.modelId()));
        item.put(COST_QUANTITY, number(record.cost().quantity()));
        item.put(COST_UNIT, AttributeValue.fromS(record.cost().unit()));
        item.put(COST_UNIT_PRICE, number(record.cost().unitPriceUsd()));
        item.put(COST_TOTAL, number(record.cost().totalUsd()));
        Map<String, AttributeValue> attributes = new HashMap<>();
        record.attributes().forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        item.put(ATTRIBUTES, AttributeValue.fromM(attributes));
        item.put(CREATED_AT, AttributeValue.fromS(entry.createdAt().toString()));
        return item;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("file must have an extension of 1-10 letters or digits, e.g. .png, "
                    + "was " + name);
        }
        return extension;
    }

    private static Map<String, AttributeValue> key(String keySha) {
        return Map.of(TableSchema.PK, AttributeValue.fromS("CACHE#" + keySha),
                TableSchema.SK, AttributeValue.fromS(ENTRY_SK));
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("cache entry attribute " + name + " is missing");
        }
        return value.s();
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("cache entry attribute " + name + " is missing");
        }
        return new BigDecimal(value.n());
    }
}
