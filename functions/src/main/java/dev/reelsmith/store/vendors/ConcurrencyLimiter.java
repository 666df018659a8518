package dev.reelsmith.store.vendors;

import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.store.TableSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Caps how many calls or jobs run against each vendor at once, across every Lambda: {@code maxConcurrent} slot
 * items {@code VENDOR#<provider>}/{@code SLOT#<n>} in the shared table, each either free or leased to one owner
 * until an expiry. Acquiring is a conditional put on a free or lapsed slot; releasing is a delete conditional on
 * the owner, so a holder whose lease lapsed and was taken over cannot free someone else's slot.
 *
 * <p>When every slot is leased, {@link #acquire} throws {@link ThrottledException} at once: waiting is the state
 * machine's Retry with backoff, never a sleep here. A crashed Lambda's slot comes back when its lease lapses.
 *
 * <p>Owners are deterministic ids for one logical call (e.g. {@code <runId>/<shotId>/clip}), so a redelivered
 * event that acquires again gets its own slot back (renewed) instead of taking a second one.
 */
public final class ConcurrencyLimiter {
    static final String SLOT_PREFIX = "SLOT#";
    private static final String OWNER = "owner";
    private static final String LEASE_EXPIRES_AT = "leaseExpiresAt";
    private static final String ACQUIRED_AT = "acquiredAt";
    /** Slot items outlive their lease by a day, then DynamoDB TTL removes abandoned ones. */
    private static final Duration RETENTION = Duration.ofDays(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final VendorPolicies policies;
    private final Clock clock;

    public ConcurrencyLimiter(DynamoDbClient dynamoDb, String table, VendorPolicies policies, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb must not be null");
        this.table = Names.requireId(table, "table");
        this.policies = Objects.requireNonNull(policies, "policies must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * Leases a free slot for {@code owner}, or renews the slot {@code owner} already holds.
     *
     * @throws ThrottledException when all of the vendor's slots are leased to others
     */
    public SlotLease acquire(String providerId, String owner) {
        Names.requireId(providerId, "providerId");
        Names.requireId(owner, "owner");
        VendorPolicy policy = policies.forProvider(providerId);
        Instant now = clock.instant();
        Map<Integer, Map<String, AttributeValue>> slots = read(providerId, policy.maxConcurrent());
        for (Map.Entry<Integer, Map<String, AttributeValue>> slot : slots.entrySet()) {
            if (owner.equals(Items.string(slot.getValue(), OWNER))) {
                Optional<SlotLease> renewed = renew(new SlotLease(providerId, slot.getKey(), owner, now));
                if (renewed.isPresent()) {
                    return renewed.get();
                }
            }
        }
        // start at a slot chosen by the owner so concurrent acquirers mostly try different slots first
        int start = Math.floorMod(owner.hashCode(), policy.maxConcurrent());
        for (int i = 0; i < policy.maxConcurrent(); i++) {
            int slot = (start + i) % policy.maxConcurrent();
            Map<String, AttributeValue> item = slots.get(slot);
            if (item != null && Items.number(item, LEASE_EXPIRES_AT) > now.toEpochMilli()) {
                continue;
            }
            Optional<SlotLease> lease = tryLease(providerId, slot, owner, now, policy.slotLease());
            if (lease.isPresent()) {
                return lease.get();
            }
        }
        throw new ThrottledException(providerId, "all " + policy.maxConcurrent()
                + " concurrency slots are in use by other calls", null);
    }

    /**
     * Extends a lease by the vendor's {@link VendorPolicy#slotLease()} from now, e.g. on every poll of a long job.
     *
     * @return the renewed lease, or empty when the lease lapsed and another owner took the slot (or it was
     *     released)
     */
    public Optional<SlotLease> renew(SlotLease lease) {
        Objects.requireNonNull(lease, "lease must not be null");
        VendorPolicy policy = policies.forProvider(lease.providerId());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.slotLease());
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(Items.key(VendorKeys.partition(lease.providerId()), SLOT_PREFIX + lease.slot()))
                    .updateExpression("SET #lease = :lease, #ttl = :ttl")
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#lease", LEASE_EXPIRES_AT, "#ttl", TableSchema.EXPIRES_AT,
                            "#owner", OWNER))
                    .expressionAttributeValues(Map.of(":lease", Items.number(expiresAt.toEpochMilli()),
                            ":ttl", Items.number(expiresAt.plus(RETENTION).getEpochSecond()),
                            ":owner", Items.string(lease.owner()))));
            return Optional.of(new SlotLease(lease.providerId(), lease.slot(), lease.owner(), expiresAt));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Frees the slot if {@code lease.owner()} still holds it. Safe to repeat.
     *
     * @return true when this call freed the slot; false when it was already free or held by someone else
     */
    public boolean release(SlotLease lease) {
        Objects.requireNonNull(lease, "lease must not be null");
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table)
                    .key(Items.key(VendorKeys.partition(lease.providerId()), SLOT_PREFIX + lease.slot()))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":owner", Items.string(lease.owner()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The leases currently in force for a vendor (lapsed ones excluded), by slot number. */
    public List<SlotLease> leases(String providerId) {
        Names.requireId(providerId, "providerId");
        Instant now = clock.instant();
        return read(providerId, policies.forProvider(providerId).maxConcurrent()).entrySet().stream()
                .filter(slot -> Items.number(slot.getValue(), LEASE_EXPIRES_AT) > now.toEpochMilli())
                .map(slot -> new SlotLease(providerId, slot.getKey(), Items.string(slot.getValue(), OWNER),
                        Instant.ofEpochMilli(Items.number(slot.getValue(), LEASE_EXPIRES_AT))))
                .toList();
    }

    private Optional<SlotLease> tryLease(String providerId, int slot, String owner, Instant now, Duration lease) {
        Instant expiresAt = now.plus(lease);
        Map<String, AttributeValue> item = new HashMap<>(Items.key(VendorKeys.partition(providerId),
                SLOT_PREFIX + slot));
        item.put(OWNER, Items.string(owner));
        item.put(LEASE_EXPIRES_AT, Items.number(expiresAt.toEpochMilli()));
        item.put(ACQUIRED_AT, Items.number(now.toEpochMilli()));
        item.put(TableSchema.EXPIRES_AT, Items.number(expiresAt.plus(RETENTION).getEpochSecond()));
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #lease <= :now OR #owner = :owner")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#lease", LEASE_EXPIRES_AT,
                            "#owner", OWNER))
                    .expressionAttributeValues(Map.of(":now", Items.number(now.toEpochMilli()),
                            ":owner", Items.string(owner))));
            return Optional.of(new SlotLease(providerId, slot, owner, expiresAt));
        } catch (ConditionalCheckFailedException takenMeanwhile) {
            return Optional.empty();
        }
    }

    /** The vendor's slot items below {@code maxConcurrent} (slots above it are left over from a larger limit). */
    private Map<Integer, Map<String, AttributeValue>> read(String providerId, int maxConcurrent) {
        Map<Integer, Map<String, AttributeValue>> slots = new HashMap<>();
        dynamoDb.queryPaginator(query -> query.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :slot)")
                        .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                        .expressionAttributeValues(Map.of(":pk", Items.string(VendorKeys.partition(providerId)),
                                ":slot", Items.string(SLOT_PREFIX))))
                .items()
                .forEach(item -> {
                    int slot = Integer.parseInt(Items.string(item, TableSchema.SK).substring(SLOT_PREFIX.length()));
                    if (slot < maxConcurrent) {
                        slots.put(slot, item);
                    }
                });
        return slots;
    }
}
