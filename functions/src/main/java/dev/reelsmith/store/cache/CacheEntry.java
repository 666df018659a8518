package dev.reelsmith.store.cache;

import dev.reelsmith.providers.Cost;
import java.time.Instant;
import java.util.Objects;

/**
 * A cached generation result: where its file is in the artifacts bucket and what it was made with. Serving it
 * again costs nothing ({@link #cost()}); {@link #originalCost()} is what the first generation was billed, for
 * the report's "saved by the cache" line.
 *
 * @param keySha256     the {@link GenerationKey#sha256()} it answers
 * @param bucket        the artifacts bucket
 * @param objectKey     {@code cache/<sha256>.<ext>}
 * @param sizeBytes     the file's size
 * @param contentSha256 SHA-256 of the file's bytes
 * @param record        mime type, provider, model, original cost and attributes
 * @param createdAt     when it was first cached
 */
public record CacheEntry(String keySha256, String bucket, String objectKey, long sizeBytes, String contentSha256,
                         GenerationRecord record, Instant createdAt) {
    public CacheEntry {
        if (!Sha256.isDigest(keySha256)) {
            throw new IllegalArgumentException("keySha256 must be 64 lower-case hex digits, was " + keySha256);
        }
        GenerationRecord.notBlank(bucket, "bucket");
        GenerationRecord.notBlank(objectKey, "objectKey");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative, was " + sizeBytes);
        }
        if (!Sha256.isDigest(contentSha256)) {
            throw new IllegalArgumentException("contentSha256 must be 64 lower-case hex digits, was "
                    + contentSha256);
        }
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /** What serving this entry costs: the original quantity, free of charge. */
    public Cost cost() {
        return Cost.free(record.cost().quantity(), record.cost().unit());
    }

    /** What the first generation of this result was billed. */
    public Cost originalCost() {
        return record.cost();
    }
}
