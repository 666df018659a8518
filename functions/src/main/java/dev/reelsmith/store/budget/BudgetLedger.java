package dev.reelsmith.store.budget;

import dev.reelsmith.store.TableSchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A session's budget, shared by every Lambda working on the session: before a paid call a task
 * {@link #reserve}s its estimate, and afterwards {@link #commit}s what the vendor billed or {@link #release}s the
 * reservation if nothing was billed. Concurrent keyframe and clip tasks can therefore never reserve more than the
 * limit between them.
 *
 * <p>The whole ledger is one item, {@code SESSION#<id>}/{@code BUDGET}, and every change is one conditional
 * UpdateItem on it. DynamoDB applies single-item updates one at a time, so the check and the change are atomic
 * without a transaction (and without the conflicts transactions on one hot item would raise). Condition
 * expressions cannot add, so the item keeps {@code availableUsd} = limit − spent − reserved next to the totals,
 * adjusted by every update, and a reservation's condition is {@code availableUsd >= estimate}.
 *
 * <p>Reservations are kept in the item's {@code reservations} map by id with their state, which makes every
 * operation idempotent per id: a repeated reserve does nothing, a commit moves a reservation to spent exactly
 * once, a release happens at most once and never undoes a commit. An entry takes about 100 bytes, so a session
 * can hold a few thousand reservations within DynamoDB's 400 KB item limit.
 */
public final class BudgetLedger {
    static final String BUDGET_SK = "BUDGET";
    private static final String LIMIT = "limitUsd";
    private static final String RESERVED = "reservedUsd";
    private static final String SPENT = "spentUsd";
    private static final String AVAILABLE = "availableUsd";
    private static final String OVERSPENT = "overspent";
    private static final String RESERVATIONS = "reservations";
    private static final String STATE = "state";
    private static final String ESTIMATE = "estimateUsd";
    private static final String ACTUAL = "actualUsd";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    /** A reservation changes state at most twice (RESERVED → RELEASED → COMMITTED): a commit retries at most so. */
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public BudgetLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb must not be null");
        this.table = Amounts.requireId(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** Opens the session's budget with a limit, or returns the budget already open (whatever its limit). */
    public Budget open(String sessionId, BigDecimal limitUsd) {
        return open(sessionId, limitUsd, null);
    }

    /**
     * Opens the session's budget with a limit and a TTL ({@link TableSchema#EXPIRES_AT}), or returns the budget
     * already open.
     */
    public Budget open(String sessionId, BigDecimal limitUsd, Instant expiresAt) {
        Amounts.requireId(sessionId, "sessionId");
        Amounts.notNegative(limitUsd, "limitUsd");
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = new HashMap<>(key(sessionId));
        item.put(LIMIT, number(limitUsd));
        item.put(RESERVED, number(BigDecimal.ZERO));
        item.put(SPENT, number(BigDecimal.ZERO));
        item.put(AVAILABLE, number(limitUsd));
        item.put(OVERSPENT, AttributeValue.fromBool(false));
        item.put(RESERVATIONS, AttributeValue.fromM(Map.of()));
        item.put(CREATED_AT, AttributeValue.fromS(now));
        item.put(UPDATED_AT, AttributeValue.fromS(now));
        if (expiresAt != null) {
            item.put(TableSchema.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        }
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK)));
            return budget(sessionId, item);
        } catch (ConditionalCheckFailedException alreadyOpen) {
            return get(sessionId);
        }
    }

    /**
     * Holds {@code estimateUsd} against the budget for the call {@code reservationId}. Repeating it with an id the
     * ledger already knows (in any state) changes nothing and returns the budget; check
     * {@link Budget#reservation} when the state matters.
     *
     * @throws BudgetExhaustedException when spent + reserved + estimate would exceed the limit
     * @throws IllegalStateException    when the session's budget was never opened
     */
    public Budget reserve(String sessionId, String reservationId, BigDecimal estimateUsd) {
        Amounts.requireId(sessionId, "sessionId");
        Amounts.requireId(reservationId, "reservationId");
        Amounts.notNegative(estimateUsd, "estimateUsd");
        Map<String, AttributeValue> entry = Map.of(STATE, AttributeValue.fromS(ReservationState.RESERVED.name()),
                ESTIMATE, number(estimateUsd));
        try {
            UpdateItemResponse response = dynamoDb.updateItem(update -> update.tableName(table).key(key(sessionId))
                    .updateExpression("SET #reservations.#id = :entry, #reserved = #reserved + :estimate, "
                            + "#available = #available - :estimate, #updated = :now")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#reservations.#id) "
                            + "AND #available >= :estimate")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#reservations", RESERVATIONS,
                            "#id", reservationId, "#reserved", RESERVED, "#available", AVAILABLE,
                            "#updated", UPDATED_AT))
                    .expressionAttributeValues(Map.of(":entry", AttributeValue.fromM(entry),
                            ":estimate", number(estimateUsd), ":now", now()))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return budget(sessionId, response.attributes());
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> item = refused.hasItem() && !refused.item().isEmpty() ? refused.item()
                    : read(sessionId);
            Budget budget = budget(sessionId, item);
            if (budget.reservation(reservationId).isPresent()) {
                return budget;
            }
            throw new BudgetExhaustedException(sessionId, reservationId, estimateUsd, budget.limitUsd(),
                    budget.spentUsd(), budget.reservedUsd());
        }
    }

    /**
     * Records what the vendor billed for {@code reservationId}: the reservation's estimate leaves reserved and
     * {@code actualUsd} joins spent, exactly once (a repeat returns the budget unchanged). The bill is recorded
     * even when it exceeds what the budget had left (vendors bill what they bill); the budget is then flagged
     * {@link Budget#overspent()} and refuses reservations until releases bring it back under the limit. A released
     * reservation can still be committed, for a call that failed on our side but was billed.
     *
     * @throws IllegalStateException when the budget is not open or has no such reservation
     */
    public Budget commit(String sessionId, String reservationId, BigDecimal actualUsd) {
        Amounts.requireId(sessionId, "sessionId");
        Amounts.requireId(reservationId, "reservationId");
        Amounts.notNegative(actualUsd, "actualUsd");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Budget budget = get(sessionId);
            Reservation reservation = budget.reservation(reservationId).orElseThrow(() -> new IllegalStateException(
                    "budget of session " + sessionId + " has no reservation " + reservationId + " to commit"));
            if (reservation.state() == ReservationState.COMMITTED) {
                return budget;
            }
            // a held estimate is returned to the budget as the bill is taken; a released one was returned already
            BigDecimal returned = reservation.state() == ReservationState.RESERVED ? reservation.estimateUsd()
                    : BigDecimal.ZERO;
            try {
                UpdateItemResponse response = dynamoDb.updateItem(update -> update.tableName(table)
                        .key(key(sessionId))
                        .updateExpression("SET #reservations.#id.#state = :committed, #reservations.#id.#actual = "
                                + ":actual, #reserved = #reserved - :returned, #spent = #spent + :actual, "
                                + "#available = #available + :delta, #updated = :now")
                        .conditionExpression("#reservations.#id.#state = :from")
                        .expressionAttributeNames(Map.of("#reservations", RESERVATIONS, "#id", reservationId,
                                "#state", STATE, "#actual", ACTUAL, "#reserved", RESERVED, "#spent", SPENT,
                                "#available", AVAILABLE, "#updated", UPDATED_AT))
                        .expressionAttributeValues(Map.of(
                                ":committed", AttributeValue.fromS(ReservationState.COMMITTED.name()),
                                ":from", AttributeValue.fromS(reservation.state().name()),
                                ":actual", number(actualUsd), ":returned", number(returned),
                                ":delta", number(returned.subtract(actualUsd)), ":now", now()))
                        .returnValues(ReturnValue.ALL_NEW));
                Budget committed = budget(sessionId, response.attributes());
                if (committed.availableUsd().signum() < 0 && !committed.overspent()) {
                    return flagOverspent(committed);
                }
                return committed;
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                // released or committed by a concurrent task since the read: look again
            }
        }
        throw new IllegalStateException("reservation " + reservationId + " of session " + sessionId
                + " kept changing while it was committed");
    }

    /**
     * Returns a reservation's estimate to the budget after a call that was not billed. Safe to repeat; does
     * nothing for an unknown id or a reservation already released or committed.
     *
     * @throws IllegalStateException when the budget is not open
     */
    public Budget release(String sessionId, String reservationId) {
        Amounts.requireId(sessionId, "sessionId");
        Amounts.requireId(reservationId, "reservationId");
        Budget budget = get(sessionId);
        Reservation reservation = budget.reservation(reservationId).orElse(null);
        if (reservation == null || reservation.state() != ReservationState.RESERVED) {
            return budget;
        }
        try {
            UpdateItemResponse response = dynamoDb.updateItem(update -> update.tableName(table).key(key(sessionId))
                    .updateExpression("SET #reservations.#id.#state = :released, #reserved = #reserved - :estimate, "
                            + "#available = #available + :estimate, #updated = :now")
                    .conditionExpression("#reservations.#id.#state = :reservedState")
                    .expressionAttributeNames(Map.of("#reservations", RESERVATIONS, "#id", reservationId,
                            "#state", STATE, "#reserved", RESERVED, "#available", AVAILABLE,
                            "#updated", UPDATED_AT))
                    .expressionAttributeValues(Map.of(
                            ":released", AttributeValue.fromS(ReservationState.RELEASED.name()),
                            ":reservedState", AttributeValue.fromS(ReservationState.RESERVED.name()),
                            ":estimate", number(reservation.estimateUsd()), ":now", now()))
                    .returnValues(ReturnValue.ALL_NEW));
            return budget(sessionId, response.attributes());
        } catch (ConditionalCheckFailedException settledMeanwhile) {
            // a concurrent release or commit got there first; either way nothing is left to release
            return get(sessionId);
        }
    }

    /**
     * The session's budget as stored now.
     *
     * @throws IllegalStateException when the budget was never opened
     */
    public Budget get(String sessionId) {
        Amounts.requireId(sessionId, "sessionId");
        return budget(sessionId, read(sessionId));
    }

    private Budget flagOverspent(Budget committed) {
        dynamoDb.updateItem(update -> update.tableName(table).key(key(committed.sessionId()))
                .updateExpression("SET #overspent = :true")
                .expressionAttributeNames(Map.of("#overspent", OVERSPENT))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
        return new Budget(committed.sessionId(), committed.limitUsd(), committed.reservedUsd(),
                committed.spentUsd(), true, committed.reservations());
    }

    private Map<String, AttributeValue> read(String sessionId) {
        return dynamoDb.getItem(get -> get.tableName(table).key(key(sessionId)).consistentRead(true)).item();
    }

    private static Budget budget(String sessionId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("budget of session " + sessionId + " is not open");
        }
        Map<String, Reservation> reservations = new HashMap<>();
        item.get(RESERVATIONS).m().forEach((id, value) -> {
            Map<String, AttributeValue> entry = value.m();
            AttributeValue actual = entry.get(ACTUAL);
            reservations.put(id, new Reservation(id, ReservationState.valueOf(entry.get(STATE).s()),
                    new BigDecimal(entry.get(ESTIMATE).n()), actual == null ? null : new BigDecimal(actual.n())));
        });
        AttributeValue overspent = item.get(OVERSPENT);
        return new Budget(sessionId, new BigDecimal(item.get(LIMIT).n()), new BigDecimal(item.get(RESERVED).n()),
                new BigDecimal(item.get(SPENT).n()), overspent != null && Boolean.TRUE.equals(overspent.bool()),
                reservations);
    }

    private static Map<String, AttributeValue> key(String sessionId) {
        return Map.of(TableSchema.PK, AttributeValue.fromS("SESSION#" + sessionId),
                TableSchema.SK, AttributeValue.fromS(BUDGET_SK));
    }

    private AttributeValue now() {
        return AttributeValue.fromS(clock.instant().toString());
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(Amounts.plain(value));
    }
}
