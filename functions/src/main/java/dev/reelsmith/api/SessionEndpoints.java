package dev.reelsmith.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.api.problems.AlreadyFinishedException;
import dev.reelsmith.api.problems.NotRetryableException;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.schema.UploadValidator;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.ProgressEvent;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.admit.Inbox;
import dev.reelsmith.store.sessions.SessionStore;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;

/**
 * The session routes: create (from a brief, or a song upload to presign), list, read, cancel, retry, progress
 * events with long polling, and costs. A session is created {@code pending_upload}; the inbox handler starts its run
 * when the brief or the song lands in the inbox bucket, carrying the session id and owner as object metadata.
 */
final class SessionEndpoints {
    /** Audio the pipeline admits, by file extension (the key keeps the extension; admission checks the content). */
    static final List<String> AUDIO_EXTENSIONS = List.of(".mp3", ".wav", ".flac", ".ogg", ".oga", ".opus", ".m4a",
            ".aac", ".aif", ".aiff", ".webm");
    /** How often a long poll looks for new events. */
    static final long POLL_MILLIS = 500;
    /** The longest a long poll waits: well inside API Gateway's 30-second integration timeout. */
    static final int MAX_WAIT_SECONDS = 20;
    /** Queries a filtered list makes at most per page; a sparse filter returns a short page and a cursor. */
    private static final int MAX_FILTER_QUERIES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StepDependencies deps;
    private final SessionViews views;
    private final Links links;
    private final OpenApiDocument document;
    private final Supplier<UploadValidator> validator;

    SessionEndpoints(StepDependencies deps, SessionViews views, Links links, OpenApiDocument document,
                     Supplier<UploadValidator> validator) {
        this.deps = deps;
        this.views = views;
        this.links = links;
        this.document = document;
        this.validator = validator;
    }

    // ------------------------------------------------------------------ create

    ApiResponse create(Call call) {
        String owner = call.owner();
        JsonNode body = JsonBodies.object(call.request());
        return body.has("song") ? createForSong(owner, body) : createFromBrief(owner, call.request().body());
    }

    private ApiResponse createFromBrief(String owner, byte[] json) {
        Checks checks = new Checks();
        Brief brief = checks.upload("", json, validator.get()::parseBrief);
        checks.orThrow("the brief");
        String id = newSessionId();
        String key = "briefs/" + id + ".json";
        boolean images = brief.reviewGates() != null && Boolean.TRUE.equals(brief.reviewGates().images());
        boolean clips = brief.reviewGates() != null && Boolean.TRUE.equals(brief.reviewGates().clips());
        String title = brief.title() != null ? brief.title() : brief.product() != null ? brief.product().name() : null;
        Session session = open(id, owner, "brief", title, key, images, clips, brief.budgetUsd());
        deps.s3().putObject(p -> p.bucket(deps.config().inboxBucket()).key(key).contentType("application/json")
                .metadata(uploadMetadata(id, owner)), RequestBody.fromBytes(json));
        ObjectNode created = Json.mapper().createObjectNode();
        created.set("session", views.full(session));
        return ApiResponse.json(201, created).withHeader("location", "/sessions/" + id);
    }

    private ApiResponse createForSong(String owner, JsonNode body) {
        Checks checks = new Checks().schema(document.check("SongSessionRequest", body), List.of("/song/sidecar"));
        JsonNode song = body.path("song");
        String fileName = song.path("fileName").asText("");
        String extension = extension(fileName);
        if (!checks.failed("/song/fileName") && !AUDIO_EXTENSIONS.contains(extension)) {
            checks.add("/song/fileName", "song.fileName must end in " + String.join(", ", AUDIO_EXTENSIONS)
                    + ", was " + fileName);
        }
        SongSidecar sidecar = null;
        if (song.path("sidecar").isObject()) {
            sidecar = checks.upload("/song/sidecar", song.get("sidecar"), validator.get()::parseSidecar);
        }
        checks.orThrow("the song request");
        String id = newSessionId();
        String key = "songs/" + id + extension;
        if (sidecar != null) {
            byte[] sidecarJson = song.get("sidecar").toString().getBytes(StandardCharsets.UTF_8);
            deps.s3().putObject(p -> p.bucket(deps.config().inboxBucket()).key("songs/" + id + ".json")
                    .contentType("application/json"), RequestBody.fromBytes(sidecarJson));
        }
        String review = deps.config().songReview();
        String title = sidecar != null && sidecar.title() != null ? sidecar.title()
                : fileName.substring(0, fileName.length() - extension.length());
        Session session = open(id, owner, "song", title, key, review.equals("images") || review.equals("both"),
                review.equals("clips") || review.equals("both"), null);
        Links.Upload upload = links.put(deps.config().inboxBucket(), key, song.path("contentType").asText(),
                uploadMetadata(id, owner));
        ObjectNode created = Json.mapper().createObjectNode();
        created.set("session", views.full(session));
        ObjectNode presigned = created.putObject("upload");
        presigned.put("method", upload.method());
        presigned.put("url", upload.url());
        ObjectNode headers = presigned.putObject("headers");
        upload.headers().forEach(headers::put);
        presigned.put("expiresAt", upload.expiresAt().toString());
        return ApiResponse.json(201, created).withHeader("location", "/sessions/" + id);
    }

    private Session open(String id, String owner, String kind, String title, String key, boolean images,
                         boolean clips, BigDecimal budget) {
        Instant now = deps.clock().instant();
        Session session = new Session(id, owner, kind, title, SessionStatus.PENDING_UPLOAD, Stage.ADMIT, 0,
                deps.config().inboxBucket(), key, null, now, now, images, clips, budget, null, BigDecimal.ZERO, null,
                null, null, null, List.of(), null, null, null, null, null, null);
        return deps.sessions().open(session);
    }

    /** The object metadata the inbox handler reads; S3 metadata is ASCII, so anything else is percent-encoded. */
    private static Map<String, String> uploadMetadata(String id, String owner) {
        String ascii = owner.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? owner
                : URLEncoder.encode(owner, StandardCharsets.UTF_8);
        return Map.of(Inbox.SESSION_METADATA, id, Inbox.OWNER_METADATA, ascii);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String newSessionId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "s" + HexFormat.of().formatHex(bytes);
    }

    // ------------------------------------------------------------------ read

    ApiResponse list(Call call) {
        String owner = call.owner();
        int limit = (int) QueryParameters.integer(call, "limit", 20, 1, 100);
        String cursor = call.query("cursor");
        SessionStatus status = null;
        if (call.query("status") != null) {
            try {
                status = SessionStatus.fromLabel(call.query("status"));
            } catch (IllegalArgumentException e) {
                throw QueryParameters.invalid("status", e.getMessage());
            }
        }
        List<Session> sessions = new ArrayList<>();
        String next = cursor;
        int queries = 0;
        try {
            // each query asks for no more than the page still needs, so the cursor after it never skips a match
            do {
                SessionStore.Page page = deps.sessions().listByOwner(owner, limit - sessions.size(), next);
                for (Session session : page.sessions()) {
                    if (status == null || session.status() == status) {
                        sessions.add(session);
                    }
                }
                next = page.nextCursor();
                queries++;
            } while (next != null && sessions.size() < limit && queries < MAX_FILTER_QUERIES);
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("cursor", e.getMessage());
        }
        ObjectNode page = Json.mapper().createObjectNode();
        ArrayNode items = page.putArray("sessions");
        sessions.forEach(s -> items.add(views.summary(s)));
        page.put("nextCursor", next);
        return ApiResponse.json(200, page);
    }

    ApiResponse get(Call call) {
        return ApiResponse.json(200, views.full(views.owned(call.path("id"), call.owner())));
    }

    ApiResponse events(Call call) {
        long after = QueryParameters.integer(call, "after", 0, 0, 9_999_999_999L);
        long wait = QueryParameters.integer(call, "wait", MAX_WAIT_SECONDS, 0, MAX_WAIT_SECONDS);
        int limit = (int) QueryParameters.integer(call, "limit", 100, 1, 500);
        String id = call.path("id");
        Session session = views.owned(id, call.owner());
        long deadline = System.nanoTime() + wait * 1_000_000_000L;
        List<ProgressEvent> events = deps.sessions().events(id, after, limit);
        // long polling: the client learns of the next event within half a second without hammering the API
        while (events.isEmpty() && !session.status().isFinal() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            session = deps.sessions().find(id).orElse(session);
            events = deps.sessions().events(id, after, limit);
        }
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("sessionId", id);
        page.put("status", session.status().label());
        page.put("stage", session.stage().label());
        page.put("percent", session.percent());
        page.put("finished", session.status().isFinal());
        ArrayNode items = page.putArray("events");
        events.forEach(e -> items.add(SessionViews.event(e)));
        page.put("next", events.isEmpty() ? after : events.get(events.size() - 1).seq());
        return ApiResponse.json(200, page);
    }

    ApiResponse costs(Call call) {
        String id = call.path("id");
        Session session = views.owned(id, call.owner());
        List<CostEntry> costs = deps.sessions().costs(id);
        Optional<ProductionPlan> plan = views.plan(id);
        Map<Stage, BigDecimal> actual = new EnumMap<>(Stage.class);
        Map<Stage, Integer> calls = new EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> estimate = new EnumMap<>(Stage.class);
        for (CostEntry cost : costs) {
            actual.merge(cost.stage(), cost.totalUsd(), BigDecimal::add);
            calls.merge(cost.stage(), 1, Integer::sum);
        }
        plan.ifPresent(p -> {
            for (ShotProduction shot : p.shots()) {
                estimate.merge(Stage.KEYFRAMES, shot.keyframe().costUsd(), BigDecimal::add);
                estimate.merge(Stage.CLIPS, shot.motion().costUsd(), BigDecimal::add);
            }
        });
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("sessionId", id);
        view.put("currency", "USD");
        view.put("budgetUsd", SessionViews.money(session.budgetUsd()));
        view.put("estimateUsd", SessionViews.money(session.estimateUsd()));
        view.put("actualUsd", SessionViews.money(session.spentUsd()));
        if (session.budgetUsd() != null) {
            view.put("budgetLeftUsd", SessionViews.money(session.budgetUsd().subtract(session.spentUsd())));
        }
        ArrayNode stages = view.putArray("stages");
        for (Stage stage : Stage.values()) {
            if (actual.containsKey(stage) || estimate.containsKey(stage)) {
                ObjectNode line = stages.addObject();
                line.put("stage", stage.label());
                line.put("estimateUsd", SessionViews.money(estimate.get(stage)));
                line.put("actualUsd", SessionViews.money(actual.getOrDefault(stage, BigDecimal.ZERO)));
                line.put("calls", calls.getOrDefault(stage, 0));
            }
        }
        ArrayNode other = view.putArray("other");
        plan.ifPresent(p -> p.otherCosts().forEach(line -> {
            ObjectNode item = other.addObject();
            item.put("item", line.item());
            item.put("toolId", line.toolId());
            item.put("estimateUsd", SessionViews.money(line.costUsd()));
        }));
        ArrayNode entries = view.putArray("calls");
        costs.forEach(c -> entries.add(SessionViews.cost(c)));
        return ApiResponse.json(200, view);
    }

    // ------------------------------------------------------------------ act

    ApiResponse cancel(Call call) {
        String id = call.path("id");
        Session session = views.owned(id, call.owner());
        if (session.status().isFinal()) {
            throw new AlreadyFinishedException("session " + id + " is " + session.status().label()
                    + "; there is nothing to cancel");
        }
        // cancelled first: the failure recorder then leaves the session alone when the execution reports ABORTED
        deps.sessions().finish(id, SessionStatus.CANCELLED, session.stage(), null, "cancelled by its owner",
                "cancelled", "cancelled on request; artifacts are kept");
        if (session.executionArn() != null) {
            try {
                deps.sfn().stopExecution(s -> s.executionArn(session.executionArn()).error("Reelsmith.Cancelled")
                        .cause("cancelled through the API"));
            } catch (ExecutionDoesNotExistException e) {
                // nothing is running any more
            }
        }
        return ApiResponse.json(200, views.full(deps.sessions().find(id).orElseThrow()));
    }

    ApiResponse retry(Call call) {
        String id = call.path("id");
        Session session = views.owned(id, call.owner());
        if (session.status() != SessionStatus.FAILED) {
            throw new NotRetryableException("session " + id + " is " + session.status().label()
                    + "; only failed sessions can be retried");
        }
        if (session.executionArn() == null) {
            throw new NotRetryableException("session " + id + " has no execution to redrive");
        }
        // running before the redrive: a redriven step that fails again at once must not be overwritten
        Map<String, Object> running = new HashMap<>();
        running.put("status", SessionStatus.RUNNING.label());
        running.put("failedStep", null);
        running.put("reason", null);
        deps.sessions().set(id, running);
        deps.sessions().append(id, "retry", session.stage(), session.percent(), "retrying from "
                + (session.failedStep() == null ? "the failed step" : session.failedStep()));
        try {
            deps.sfn().redriveExecution(r -> r.executionArn(session.executionArn()));
        } catch (ExecutionNotRedrivableException e) {
            Map<String, Object> failed = new HashMap<>();
            failed.put("status", SessionStatus.FAILED.label());
            failed.put("failedStep", session.failedStep());
            failed.put("reason", session.reason());
            deps.sessions().set(id, failed);
            throw new NotRetryableException("the execution of session " + id + " cannot be redriven: "
                    + e.awsErrorDetails().errorMessage());
        }
        return ApiResponse.json(202, views.full(deps.sessions().find(id).orElseThrow()));
    }
}
