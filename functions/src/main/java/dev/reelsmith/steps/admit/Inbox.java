package dev.reelsmith.steps.admit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.store.sessions.SessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Turns an inbox "Object Created" event into at most one run: recognises what was uploaded by its key
 * ({@code briefs/*.json}, {@code songs/*}; sidecars {@code songs/*.json} are read by the song's run, not runs of
 * their own), claims the object version with a conditional write, opens the session and starts the execution named
 * by the run id. The run id is a hash of bucket, key and version, so even two claimants racing would collide on
 * the execution name.
 */
public final class Inbox {
    /** Object metadata the API sets on uploads it presigned, naming the session and its owner. */
    public static final String SESSION_METADATA = "reelsmith-session";
    public static final String OWNER_METADATA = "reelsmith-owner";

    private final StepDependencies deps;

    public Inbox(StepDependencies deps) {
        this.deps = deps;
    }

    /** What happened to one event. */
    public record Outcome(boolean started, String sessionId, String executionArn, String reason) {
    }

    /** @throws IllegalArgumentException when the event is not an S3 Object Created event */
    public Outcome accept(JsonNode event) {
        JsonNode detail = event.path("detail");
        String bucket = detail.path("bucket").path("name").asText("");
        String key = detail.path("object").path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("event is not an S3 Object Created event: detail.bucket.name and "
                    + "detail.object.key are required");
        }
        if (!isRunTrigger(key)) {
            return new Outcome(false, null, null, "ignored: " + key + " is not briefs/*.json or songs/<audio>");
        }
        String objectVersion = detail.path("object").path("version-id").asText("");
        String version = objectVersion;
        if (version.isEmpty()) {
            version = detail.path("object").path("etag").asText("");
        }
        if (version.isEmpty()) {
            version = detail.path("object").path("sequencer").asText("unversioned");
        }
        HeadObjectResponse head;
        try {
            head = deps.s3().headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return new Outcome(false, null, null, "ignored: " + key + " was deleted before it could be admitted");
        }
        Map<String, String> metadata = head.metadata();
        String sessionId = metadata.getOrDefault(SESSION_METADATA, runId(bucket, key, version));
        if (!sessionId.matches("[A-Za-z0-9_-]{1,80}")) {
            sessionId = runId(bucket, key, version);
        }
        String owner = metadata.getOrDefault(OWNER_METADATA, "inbox");
        SessionStore sessions = deps.sessions();
        if (!sessions.claimUpload(bucket, key, version, sessionId)) {
            return new Outcome(false, sessionId, null, "duplicate: " + key + " version " + version
                    + " was already claimed");
        }
        Session session = sessions.open(Session.opened(sessionId, owner, bucket, key, version,
                deps.clock().instant()));
        if (session.status().isFinal()) {
            // e.g. cancelled through the API before its upload arrived: the upload starts nothing
            return new Outcome(false, sessionId, null, "session " + sessionId + " is already "
                    + session.status().label());
        }
        if (session.status() == SessionStatus.PENDING_UPLOAD) {
            // created by the API before the upload existed: the upload has arrived now
            sessions.set(sessionId, Map.of("status", SessionStatus.RUNNING.label(), "inputBucket", bucket,
                    "inputKey", key, "inputVersion", version));
            sessions.append(sessionId, "stage", Stage.ADMIT, 0, "upload received: " + key);
        }
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("sessionId", sessionId);
        input.put("bucket", bucket);
        input.put("key", key);
        if (!objectVersion.isEmpty()) {
            input.put("versionId", objectVersion);
        }
        input.put("size", detail.path("object").path("size").asLong(head.contentLength()));
        String arn;
        String name = sessionId;
        try {
            arn = deps.sfn().startExecution(b -> b.stateMachineArn(deps.config().requireStateMachineArn())
                    .name(name).input(input.toString())).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            return new Outcome(false, sessionId, null, "duplicate: execution " + sessionId + " already exists");
        }
        sessions.set(sessionId, Map.of("executionArn", arn));
        return new Outcome(true, sessionId, arn, null);
    }

    /** True for keys that start a run. */
    static boolean isRunTrigger(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/")) {
            return false;
        }
        if (lower.startsWith("briefs/")) {
            return lower.endsWith(".json");
        }
        return lower.startsWith("songs/") && !lower.endsWith(".json");
    }

    /** The deterministic run id of an object version: {@code r} and 24 hex digits of a SHA-256. */
    public static String runId(String bucket, String key, String version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "\n" + key + "\n" + version).getBytes(StandardCharsets.UTF_8));
            return "r" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
