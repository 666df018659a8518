package dev.reelsmith.store.sessions;

import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.ProgressEvent;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Sessions in the single DynamoDB table: the {@code META} item per session, its ordered progress events, assets and
 * cost entries, upload claims and song records (layout in DESIGN.md §6). Every write is safe to repeat: claims and
 * cost entries are conditional puts (a retried step never records a cost twice), assets are keyed by id, status
 * changes are idempotent updates.
 */
public final class SessionStore {
    static final String META = "META";
    private static final String EVENT = "EVENT#";
    private static final String ASSET = "ASSET#";
    private static final String COST = "COST#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public SessionStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The table this store writes. */
    public String table() {
        return table;
    }

    /**
     * Claims an upload for a run: true for the first caller, false for every duplicate or replayed event of the same
     * object version.
     */
    public boolean claimUpload(String bucket, String key, String version, String runId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("UPLOAD#" + bucket + "/" + key + "#" + version));
        item.put("sk", s("CLAIM"));
        item.put("runId", s(runId));
        item.put("claimedAt", s(now().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The run that claimed an upload, if any. */
    public Optional<String> claimant(String bucket, String key, String version) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key("UPLOAD#" + bucket + "/" + key + "#" + version, "CLAIM"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("runId").s());
    }

    /**
     * Opens a session unless it exists (a pre-created one from the API, or a retried step); returns the stored one.
     */
    public Session open(Session session) {
        Map<String, AttributeValue> item = SessionItems.toItem(session);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            append(session.id(), "stage", Stage.ADMIT, 0, "upload received: " + session.inputKey());
            return session;
        } catch (ConditionalCheckFailedException e) {
            return find(session.id()).orElseThrow();
        }
    }

    /** The session, read consistently. */
    public Optional<Session> find(String sessionId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(pk(sessionId), META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SessionItems.fromItem(item));
    }

    /** Sets fields on the session's META item (names as in {@link SessionItems}); null values remove the field. */
    public void set(String sessionId, Map<String, Object> fields) {
        set(sessionId, fields, false);
    }

    /**
     * Sets fields unless the session was cancelled meanwhile: a step still running when its execution was stopped
     * must not bring a cancelled session back to life.
     *
     * @throws SessionCancelledException when the session is cancelled
     */
    private void setUnlessCancelled(String sessionId, Map<String, Object> fields) {
        try {
            set(sessionId, fields, true);
        } catch (ConditionalCheckFailedException e) {
            if (find(sessionId).map(x -> x.status() == SessionStatus.CANCELLED).orElse(false)) {
                throw new SessionCancelledException("session " + sessionId + " was cancelled; the step stops here");
            }
            throw e;
        }
    }

    private void set(String sessionId, Map<String, Object> fields, boolean unlessCancelled) {
        StringBuilder setPart = new StringBuilder("SET updatedAt = :now");
        StringBuilder removePart = new StringBuilder();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":now", s(now().toString()));
        int i = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = "#f" + i;
            names.put(name, field.getKey());
            if (field.getValue() == null) {
                removePart.append(removePart.length() == 0 ? " REMOVE " : ", ").append(name);
            } else {
                setPart.append(", ").append(name).append(" = :v").append(i);
                values.put(":v" + i, SessionItems.value(field.getValue()));
            }
            i++;
        }
        String condition = "attribute_exists(pk)";
        if (unlessCancelled) {
            names.put("#status", "status");
            values.put(":cancelled", s(SessionStatus.CANCELLED.label()));
            condition += " AND #status <> :cancelled";
        }
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(pk(sessionId), META))
                .updateExpression(setPart.toString() + removePart)
                .conditionExpression(condition)
                .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values).build());
    }

    /** Enters a stage: status running, progress at the stage's start, a {@code stage} event. */
    public void enter(String sessionId, Stage stage, String message) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", SessionStatus.RUNNING.label());
        fields.put("stage", stage.label());
        fields.put("openGate", null);
        setUnlessCancelled(sessionId, fields);
        raisePercent(sessionId, stage.startPercent());
        append(sessionId, "stage", stage, stage.startPercent(), message);
    }

    /** Reports progress within a stage; the session's percentage only ever rises. */
    public ProgressEvent progress(String sessionId, Stage stage, int percent, String message) {
        raisePercent(sessionId, percent);
        return append(sessionId, "progress", stage, percent, message);
    }

    /** Counts one more finished item of a stage ({@code keyframes}, {@code clips}); returns the new count. */
    public long countDone(String sessionId, String counter) {
        var response = dynamo.updateItem(b -> b.tableName(table).key(key(pk(sessionId), META))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "done_" + counter))
                .expressionAttributeValues(Map.of(":one", n(1))).returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(response.attributes().get("done_" + counter).n());
    }

    /** Marks the session finished with a status and a reason, with a matching event. */
    public void finish(String sessionId, SessionStatus status, Stage stage, String failedStep, String reason,
                       String eventType, String message) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", status.label());
        fields.put("stage", stage.label());
        fields.put("failedStep", failedStep);
        fields.put("reason", reason);
        fields.put("openGate", null);
        fields.put("gateToken", null);
        if (status == SessionStatus.CANCELLED) {
            set(sessionId, fields);
        } else {
            setUnlessCancelled(sessionId, fields);
        }
        int percent = find(sessionId).map(Session::percent).orElse(0);
        append(sessionId, eventType, stage, status == SessionStatus.COMPLETED ? 100 : percent, message);
        if (status == SessionStatus.COMPLETED) {
            raisePercent(sessionId, 100);
        }
    }

    /** Opens a review or answers gate: stores the task token the API answers with. */
    public void openGate(String sessionId, String gate, String taskToken, SessionStatus status, Stage stage,
                         String message) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", status.label());
        fields.put("stage", stage.label());
        fields.put("openGate", gate);
        fields.put("gateToken", taskToken);
        setUnlessCancelled(sessionId, fields);
        raisePercent(sessionId, stage.startPercent());
        append(sessionId, "review", stage, stage.startPercent(), message);
    }

    /**
     * Closes a gate if it is open with {@code gate}; returns its task token, or empty when that gate is not open
     * (already answered, or never opened) — the API answers 409 then.
     */
    public Optional<String> closeGate(String sessionId, String gate) {
        try {
            var response = dynamo.updateItem(b -> b.tableName(table).key(key(pk(sessionId), META))
                    .updateExpression("SET #s = :running, updatedAt = :now REMOVE openGate, gateToken")
                    .conditionExpression("openGate = :gate")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":gate", s(gate), ":running", s(SessionStatus.RUNNING.label()),
                            ":now", s(now().toString())))
                    .returnValues(ReturnValue.ALL_OLD));
            return Optional.ofNullable(response.attributes().get("gateToken")).map(AttributeValue::s);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** Appends an event with the next sequence number. */
    public ProgressEvent append(String sessionId, String type, Stage stage, int percent, String message) {
        var response = dynamo.updateItem(b -> b.tableName(table).key(key(pk(sessionId), META))
                .updateExpression("ADD eventSeq :one").expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW));
        long seq = Long.parseLong(response.attributes().get("eventSeq").n());
        ProgressEvent event = new ProgressEvent(seq, now(), type, stage, percent, message);
        Map<String, AttributeValue> item = new HashMap<>(key(pk(sessionId), EVENT + String.format("%010d", seq)));
        item.put("type", s(type));
        item.put("stage", s(stage.label()));
        item.put("percent", n(percent));
        item.put("message", s(message));
        item.put("at", s(event.at().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
        return event;
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<ProgressEvent> events(String sessionId, long afterSeq, int limit) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(pk(sessionId)),
                        ":from", s(EVENT + String.format("%010d", afterSeq + 1)), ":to", s(EVENT + "9999999999")))
                .limit(limit).build());
        List<ProgressEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            events.add(new ProgressEvent(Long.parseLong(item.get("sk").s().substring(EVENT.length())),
                    Instant.parse(item.get("at").s()), item.get("type").s(), Stage.fromLabel(item.get("stage").s()),
                    Integer.parseInt(item.get("percent").n()), item.get("message").s()));
        }
        return events;
    }

    /** Stores or replaces an asset. */
    public void putAsset(String sessionId, Asset asset) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(sessionId), ASSET + asset.id()));
        item.putAll(SessionItems.assetAttributes(asset));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The session's assets, by id. */
    public List<Asset> assets(String sessionId) {
        List<Asset> assets = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPrefix(sessionId, ASSET)) {
            assets.add(SessionItems.asset(item));
        }
        return assets;
    }

    /**
     * Records a cost entry exactly once and adds it to the session's spend, atomically; false when an entry with
     * that id was already recorded (a retried step).
     */
    public boolean recordCost(String sessionId, CostEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(sessionId), COST + entry.id()));
        item.putAll(SessionItems.costAttributes(entry));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(key(pk(sessionId), META)).updateExpression("ADD spentUsd :cost")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":cost", n(entry.totalUsd()))).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    /** The session's cost entries, by id. */
    public List<CostEntry> costs(String sessionId) {
        List<CostEntry> costs = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPrefix(sessionId, COST)) {
            costs.add(SessionItems.cost(item));
        }
        return costs;
    }

    /** Sessions of an owner, newest first, one page. */
    public Page listByOwner(String owner, int limit, String cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("byOwner")
                .keyConditionExpression("gsi1pk = :o").expressionAttributeValues(Map.of(":o", s("OWNER#" + owner)))
                .scanIndexForward(false).limit(limit);
        if (cursor != null) {
            query.exclusiveStartKey(SessionItems.decodeCursor(cursor));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Session> sessions = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            sessions.add(SessionItems.fromItem(item));
        }
        return new Page(sessions, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? SessionItems.encodeCursor(response.lastEvaluatedKey()) : null);
    }

    /** One page of sessions and the cursor for the next, or null at the end. */
    public record Page(List<Session> sessions, String nextCursor) {
    }

    /** Records the published video on the song's own item, keyed by the audio object. */
    public void setSongVideo(String bucket, String key, String sessionId, String videoUrl) {
        dynamo.updateItem(b -> b.tableName(table).key(key("SONG#" + bucket + "/" + key, META))
                .updateExpression("SET video_url = :u, sessionId = :s, updatedAt = :now")
                .expressionAttributeValues(Map.of(":u", s(videoUrl), ":s", s(sessionId), ":now", s(now().toString()))));
    }

    /** The song record's attributes ({@code video_url}, {@code sessionId}), if any. */
    public Map<String, String> song(String bucket, String key) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key("SONG#" + bucket + "/" + key, META))).item();
        Map<String, String> song = new HashMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (value.s() != null) {
                    song.put(name, value.s());
                }
            });
        }
        return song;
    }

    private void raisePercent(String sessionId, int percent) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(pk(sessionId), META))
                    .updateExpression("SET #p = :p").conditionExpression("#p < :p")
                    .expressionAttributeNames(Map.of("#p", "percent"))
                    .expressionAttributeValues(Map.of(":p", n(percent))));
        } catch (ConditionalCheckFailedException e) {
            // already at or past this point: progress never goes backwards
        }
    }

    private List<Map<String, AttributeValue>> queryPrefix(String sessionId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(sessionId)), ":p", s(prefix)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private Instant now() {
        return clock.instant();
    }

    static String pk(String sessionId) {
        return "SESSION#" + sessionId;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }
}
