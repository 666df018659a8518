package dev.reelsmith.store.vendors;

import dev.reelsmith.providers.CircuitOpenException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.store.TableSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A circuit breaker per vendor whose state lives in the item {@code VENDOR#<provider>}/{@code BREAKER}, so every
 * Lambda sees the same breaker (transitions are in {@link BreakerState}). Each transition is written with
 * optimistic versioning: the put succeeds only if the stored version is the one the transition started from;
 * a writer that lost re-reads and re-applies its event to the newer version, so concurrent failures are all
 * counted and concurrent Lambdas agree on one probe.
 *
 * <p>Only transient failures and throttling count ({@link CallOutcome}); content rejections and invalid requests
 * mean the vendor is up. While the breaker is open {@link #admit} throws {@link CircuitOpenException}, which the
 * state machine routes to the planner's next alternative.
 */
public final class CircuitBreaker {
    static final String BREAKER_SK = "BREAKER";
    /**
     * Re-read-and-reapply attempts when other writers keep winning. Every lost attempt means another writer
     * succeeded, so this bounds the number of Lambdas recording the same vendor within one round trip.
     */
    static final int MAX_ATTEMPTS = 64;

    private static final String STATE = "state";
    private static final String VERSION = "version";
    private static final String FAILURES = "failures";
    private static final String STREAK_STARTED_AT = "streakStartedAt";
    private static final String OPENED_AT = "openedAt";
    private static final String PROBE_OWNER = "probeOwner";
    private static final String PROBE_EXPIRES_AT = "probeExpiresAt";
    private static final String UPDATED_AT = "updatedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final VendorPolicies policies;
    private final Clock clock;

    public CircuitBreaker(DynamoDbClient dynamoDb, String table, VendorPolicies policies, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb must not be null");
        this.table = Names.requireId(table, "table");
        this.policies = Objects.requireNonNull(policies, "policies must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * Lets a call to the vendor through, or refuses it. When the breaker is open and its cool-down has passed,
     * exactly one caller becomes the probe (the same {@code callerId} asking again stays the probe); a probe that
     * outlives {@link VendorPolicy#probeTimeout()} is handed to the next caller.
     *
     * @param callerId deterministic id of the logical call, e.g. {@code <runId>/<shotId>/keyframe}
     * @throws CircuitOpenException when the breaker is open or another caller's probe is in flight
     * @throws ThrottledException   when other Lambdas changed the breaker {@value #MAX_ATTEMPTS} times meanwhile
     */
    public Admission admit(String providerId, String callerId) {
        Names.requireId(providerId, "providerId");
        Names.requireId(callerId, "callerId");
        VendorPolicy policy = policies.forProvider(providerId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            BreakerState current = state(providerId);
            Instant now = clock.instant();
            BreakerState next;
            switch (current.state()) {
                case CLOSED -> {
                    return Admission.REGULAR;
                }
                case OPEN -> {
                    Instant probeAt = current.probeAllowedAt(policy);
                    if (now.isBefore(probeAt)) {
                        throw new CircuitOpenException(providerId, "circuit open after " + current.failures()
                                + " consecutive failures", secondsUntil(now, probeAt));
                    }
                    next = current.probing(callerId, now.plus(policy.probeTimeout()));
                }
                case HALF_OPEN -> {
                    if (!callerId.equals(current.probeOwner()) && now.isBefore(current.probeExpiresAt())) {
                        throw new CircuitOpenException(providerId, "circuit half-open with a probe call in flight",
                                secondsUntil(now, current.probeExpiresAt()));
                    }
                    next = current.probing(callerId, now.plus(policy.probeTimeout()));
                }
                default -> throw new IllegalStateException("unknown breaker state " + current.state());
            }
            if (write(providerId, current, next, now)) {
                return Admission.PROBE;
            }
        }
        throw new ThrottledException(providerId, "the circuit breaker kept changing under " + MAX_ATTEMPTS
                + " concurrent updates", null);
    }

    /**
     * Records what a call's result says about the vendor ({@link CallOutcome#of}) and returns the breaker after
     * it; {@link CallOutcome#NEUTRAL} results change nothing.
     */
    public BreakerState record(String providerId, CallOutcome outcome) {
        Names.requireId(providerId, "providerId");
        Objects.requireNonNull(outcome, "outcome must not be null");
        VendorPolicy policy = policies.forProvider(providerId);
        return switch (outcome) {
            case HEALTHY -> apply(providerId, BreakerState::afterSuccess);
            case FAILED -> apply(providerId, current -> current.afterFailure(clock.instant(), policy));
            case NEUTRAL -> state(providerId);
        };
    }

    /** The breaker as stored now ({@link BreakerState#initial()} when nothing was recorded yet). */
    public BreakerState state(String providerId) {
        Names.requireId(providerId, "providerId");
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key(VendorKeys.partition(providerId), BREAKER_SK))).item();
        if (item == null || item.isEmpty()) {
            return BreakerState.initial();
        }
        return new BreakerState(CircuitState.valueOf(Items.string(item, STATE)), Items.number(item, VERSION),
                (int) Items.number(item, FAILURES), instant(Items.optionalNumber(item, STREAK_STARTED_AT)),
                instant(Items.optionalNumber(item, OPENED_AT)), Items.string(item, PROBE_OWNER),
                instant(Items.optionalNumber(item, PROBE_EXPIRES_AT)));
    }

    private BreakerState apply(String providerId, UnaryOperator<BreakerState> transition) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            BreakerState current = state(providerId);
            BreakerState next = transition.apply(current);
            if (next.equals(current) || write(providerId, current, next, clock.instant())) {
                return next;
            }
        }
        throw new IllegalStateException(providerId + ": the circuit breaker kept changing under " + MAX_ATTEMPTS
                + " concurrent updates; this outcome was not recorded");
    }

    /** Writes {@code next} if the stored breaker is still {@code current}; false when another writer won. */
    private boolean write(String providerId, BreakerState current, BreakerState next, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(VendorKeys.partition(providerId), BREAKER_SK));
        item.put(STATE, Items.string(next.state().name()));
        item.put(VERSION, Items.number(next.version()));
        item.put(FAILURES, Items.number(next.failures()));
        putInstant(item, STREAK_STARTED_AT, next.streakStartedAt());
        putInstant(item, OPENED_AT, next.openedAt());
        if (next.probeOwner() != null) {
            item.put(PROBE_OWNER, Items.string(next.probeOwner()));
        }
        putInstant(item, PROBE_EXPIRES_AT, next.probeExpiresAt());
        item.put(UPDATED_AT, Items.number(now.toEpochMilli()));
        try {
            if (current.version() == 0) {
                dynamoDb.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", TableSchema.PK)));
            } else {
                dynamoDb.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("#version = :version")
                        .expressionAttributeNames(Map.of("#version", VERSION))
                        .expressionAttributeValues(Map.of(":version", Items.number(current.version()))));
            }
            return true;
        } catch (ConditionalCheckFailedException anotherWriterWon) {
            return false;
        }
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, Items.number(value.toEpochMilli()));
        }
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static long secondsUntil(Instant now, Instant then) {
        long millis = Duration.between(now, then).toMillis();
        return Math.max(0, (millis + 999) / 1000);
    }
}
