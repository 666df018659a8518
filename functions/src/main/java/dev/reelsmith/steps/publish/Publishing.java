package dev.reelsmith.steps.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.ProgressEvent;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.store.artifacts.ArtifactStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Publish step: copies the composed video and poster from their temporary keys to {@code final/} (a reader
 * never sees a half-written final), writes {@code report.json} (per-stage timings, every cost entry, tools used,
 * totals against the estimate and budget), completes the session and, for songs, sets {@code video_url} on the
 * song's record. Safe to repeat.
 */
public final class Publishing {
    public static final String VIDEO = "final/video.mp4";
    public static final String POSTER = "final/poster.jpg";
    public static final String REPORT = "report.json";

    private final StepDependencies deps;
    private final RunInputs inputs;

    public Publishing(StepDependencies deps) {
        this.deps = deps;
        this.inputs = new RunInputs(deps);
    }

    /** The composed, not yet published, outputs. */
    public record Request(String sessionId, String videoKey, String posterKey, double durationSeconds, int width,
                          int height) {
    }

    /** What VideoReady announces. */
    public record Published(String sessionId, String kind, String title, String bucket, String videoKey,
                            String posterKey, String reportKey, double durationSeconds, int width, int height,
                            BigDecimal totalCostUsd, String videoUrl) {
    }

    public Published publish(Request request) {
        String id = request.sessionId();
        Session session = inputs.session(id);
        deps.sessions().enter(id, Stage.PUBLISH, Stage.PUBLISH.description());
        String videoKey = ArtifactStore.runKey(id, VIDEO);
        String posterKey = ArtifactStore.runKey(id, POSTER);
        String reportKey = ArtifactStore.runKey(id, REPORT);
        deps.artifacts().copy(request.videoKey(), videoKey);
        deps.artifacts().copy(request.posterKey(), posterKey);
        List<CostEntry> costs = deps.sessions().costs(id);
        BigDecimal total = costs.stream().map(CostEntry::totalUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        deps.artifacts().putJson(reportKey, report(session, request, costs, total));
        String videoUrl = "s3://" + deps.artifacts().bucket() + "/" + videoKey;
        Map<String, Object> fields = new HashMap<>();
        fields.put("videoKey", videoKey);
        fields.put("posterKey", posterKey);
        fields.put("reportKey", reportKey);
        fields.put("durationSeconds", request.durationSeconds());
        fields.put("width", request.width());
        fields.put("height", request.height());
        deps.sessions().set(id, fields);
        if ("song".equals(session.kind())) {
            deps.sessions().setSongVideo(session.inputBucket(), session.inputKey(), id, videoUrl);
        }
        deps.sessions().finish(id, SessionStatus.COMPLETED, Stage.DONE, null, null, "completed",
                String.format(Locale.ROOT, "video ready: %.2f s %dx%d, cost $%s", request.durationSeconds(),
                        request.width(), request.height(), total.toPlainString()));
        return new Published(id, session.kind(), session.title(), deps.artifacts().bucket(), videoKey, posterKey,
                reportKey, request.durationSeconds(), request.width(), request.height(), total, videoUrl);
    }

    private ObjectNode report(Session session, Request request, List<CostEntry> costs, BigDecimal total) {
        ObjectNode report = Json.mapper().createObjectNode();
        report.put("sessionId", session.id());
        report.put("kind", session.kind());
        report.put("title", session.title());
        report.put("input", "s3://" + session.inputBucket() + "/" + session.inputKey());
        report.put("createdAt", session.createdAt().toString());
        report.put("publishedAt", deps.clock().instant().toString());
        ObjectNode video = report.putObject("video");
        video.put("key", ArtifactStore.runKey(session.id(), VIDEO));
        video.put("durationSeconds", request.durationSeconds());
        video.put("width", request.width());
        video.put("height", request.height());
        ObjectNode stages = report.putObject("stageSeconds");
        stageTimings(session.id()).forEach((stage, seconds) -> stages.put(stage.label(),
                Math.round(seconds * 1000) / 1000.0));
        ArrayNode calls = report.putArray("costs");
        Map<Stage, BigDecimal> byStage = new EnumMap<>(Stage.class);
        TreeSet<String> tools = new TreeSet<>();
        for (CostEntry cost : costs) {
            ObjectNode call = calls.addObject();
            call.put("id", cost.id());
            call.put("stage", cost.stage().label());
            if (cost.shotId() != null) {
                call.put("shotId", cost.shotId());
            }
            call.put("toolId", cost.toolId());
            call.put("provider", cost.provider());
            call.put("model", cost.model());
            call.put("quantity", cost.quantity().toPlainString());
            call.put("unit", cost.unit());
            call.put("unitPriceUsd", cost.unitPriceUsd().toPlainString());
            call.put("totalUsd", cost.totalUsd().toPlainString());
            call.put("cached", cost.cached());
            call.put("at", cost.at().toString());
            byStage.merge(cost.stage(), cost.totalUsd(), BigDecimal::add);
            tools.add(cost.toolId());
        }
        ObjectNode perStage = report.putObject("costByStage");
        byStage.forEach((stage, amount) -> perStage.put(stage.label(), amount.toPlainString()));
        report.set("toolsUsed", Json.mapper().valueToTree(new ArrayList<>(tools)));
        ObjectNode totals = report.putObject("totals");
        totals.put("actualUsd", total.toPlainString());
        totals.put("estimateUsd", session.estimateUsd() == null ? "0" : session.estimateUsd().toPlainString());
        totals.put("budgetUsd", session.budgetUsd() == null ? "0" : session.budgetUsd().toPlainString());
        totals.put("calls", costs.size());
        return report;
    }

    /** Seconds spent per stage, from the first event of each stage to the first event of the next. */
    private Map<Stage, Double> stageTimings(String sessionId) {
        List<ProgressEvent> events = new ArrayList<>();
        long after = 0;
        while (true) {
            List<ProgressEvent> page = deps.sessions().events(sessionId, after, 500);
            if (page.isEmpty()) {
                break;
            }
            events.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
        Map<Stage, Instant> starts = new LinkedHashMap<>();
        for (ProgressEvent event : events) {
            starts.putIfAbsent(event.stage(), event.at());
        }
        Map<Stage, Double> seconds = new LinkedHashMap<>();
        List<Map.Entry<Stage, Instant>> ordered = new ArrayList<>(starts.entrySet());
        Instant end = deps.clock().instant();
        for (int i = 0; i < ordered.size(); i++) {
            Instant next = i + 1 < ordered.size() ? ordered.get(i + 1).getValue() : end;
            seconds.put(ordered.get(i).getKey(),
                    Duration.between(ordered.get(i).getValue(), next).toNanos() / 1e9);
        }
        return seconds;
    }
}
