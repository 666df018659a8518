package dev.reelsmith.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.api.problems.SessionNotFoundException;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.ProgressEvent;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Sessions as the API shows them: a summary for lists; the full view with progress, review state, questions,
 * money, the plan's summary, assets with presigned GET URLs, the final video and errors. Money is written as exact
 * decimal strings. Also finds a caller's own session, the one check every session route makes.
 */
final class SessionViews {
    private final StepDependencies deps;
    private final Links links;

    SessionViews(StepDependencies deps, Links links) {
        this.deps = deps;
        this.links = links;
    }

    /** The session if it exists and belongs to {@code owner}; anyone else is told it does not exist. */
    Session owned(String sessionId, String owner) {
        if (!sessionId.matches("[A-Za-z0-9_-]{1,80}")) {
            throw notFound(sessionId);
        }
        return deps.sessions().find(sessionId).filter(s -> s.owner().equals(owner))
                .orElseThrow(() -> notFound(sessionId));
    }

    private static SessionNotFoundException notFound(String sessionId) {
        return new SessionNotFoundException("there is no session " + sessionId + " of yours");
    }

    ObjectNode summary(Session s) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("id", s.id());
        view.put("kind", s.kind());
        view.put("title", s.title());
        view.put("status", s.status().label());
        view.put("stage", s.stage().label());
        view.put("percent", s.percent());
        view.put("createdAt", s.createdAt().toString());
        view.put("updatedAt", s.updatedAt().toString());
        return view;
    }

    ObjectNode full(Session s) {
        ObjectNode view = summary(s);
        view.put("stageDescription", s.stage().description());
        Optional<ProductionPlan> plan = plan(s.id());
        List<Asset> assets = deps.sessions().assets(s.id());
        ObjectNode review = view.putObject("review");
        review.put("images", s.reviewImages());
        review.put("clips", s.reviewClips());
        review.put("openGate", s.openGate());
        if ("images".equals(s.openGate()) || "clips".equals(s.openGate())) {
            ArrayNode shots = review.putArray("shots");
            underReview(s.openGate(), assets, plan).forEach(shots::add);
        }
        ArrayNode questions = view.putArray("questions");
        s.questions().forEach(questions::add);
        view.put("budgetUsd", money(s.budgetUsd()));
        view.put("estimateUsd", money(s.estimateUsd()));
        view.put("spentUsd", money(s.spentUsd()));
        plan.ifPresent(p -> view.set("plan", planSummary(p)));
        ArrayNode assetViews = view.putArray("assets");
        assets.stream().sorted(Comparator.comparing(Asset::id)).forEach(a -> assetViews.add(asset(a)));
        if (s.videoKey() != null) {
            ObjectNode result = view.putObject("final");
            result.put("videoUrl", links.get(deps.artifacts().bucket(), s.videoKey()));
            if (s.posterKey() != null) {
                result.put("posterUrl", links.get(deps.artifacts().bucket(), s.posterKey()));
            }
            if (s.reportKey() != null) {
                result.put("reportUrl", links.get(deps.artifacts().bucket(), s.reportKey()));
            }
            if (s.durationSeconds() != null) {
                result.put("durationSeconds", s.durationSeconds());
            }
            if (s.width() != null) {
                result.put("width", s.width());
                result.put("height", s.height());
            }
        }
        if (s.failedStep() != null || s.reason() != null) {
            ObjectNode error = view.putObject("error");
            error.put("failedStep", s.failedStep());
            error.put("reason", s.reason());
        }
        ObjectNode related = view.putObject("links");
        related.put("self", "/sessions/" + s.id());
        related.put("events", "/sessions/" + s.id() + "/events");
        related.put("costs", "/sessions/" + s.id() + "/costs");
        return view;
    }

    /** The shots a review gate shows: those with a ready keyframe (or clip), in the plan's shot order. */
    List<String> underReview(String gate, List<Asset> assets, Optional<ProductionPlan> plan) {
        String kind = gate.equals("images") ? "keyframe" : "clip";
        TreeSet<String> ready = new TreeSet<>();
        for (Asset asset : assets) {
            if (asset.kind().equals(kind) && "ready".equals(asset.status()) && asset.shotId() != null) {
                ready.add(asset.shotId());
            }
        }
        if (plan.isEmpty()) {
            return List.copyOf(ready);
        }
        List<String> ordered = new ArrayList<>();
        for (ShotProduction shot : plan.get().shots()) {
            if (ready.remove(shot.shotId())) {
                ordered.add(shot.shotId());
            }
        }
        ordered.addAll(ready);
        return ordered;
    }

    /** The run's production plan, once PlanProduction has written it. */
    Optional<ProductionPlan> plan(String sessionId) {
        String key = RunInputs.key(sessionId, RunInputs.PLAN);
        return deps.artifacts().exists(key) ? Optional.of(deps.artifacts().getJson(key, ProductionPlan.class))
                : Optional.empty();
    }

    private static ObjectNode planSummary(ProductionPlan plan) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("mode", plan.mode().label());
        view.put("shots", plan.shots().size());
        view.put("estimateUsd", money(plan.totalCostUsd()));
        view.put("budgetUsd", money(plan.budgetUsd()));
        view.put("estimatedMinutes", plan.estimatedMinutes());
        TreeSet<String> tools = new TreeSet<>();
        for (ShotProduction shot : plan.shots()) {
            tools.add(shot.keyframe().toolId());
            tools.add(shot.motion().toolId());
        }
        plan.otherCosts().forEach(line -> tools.add(line.toolId()));
        ArrayNode toolIds = view.putArray("tools");
        tools.forEach(toolIds::add);
        ArrayNode degradations = view.putArray("degradations");
        plan.degradations().forEach(degradations::add);
        return view;
    }

    private ObjectNode asset(Asset a) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("id", a.id());
        view.put("kind", a.kind());
        view.put("shotId", a.shotId());
        view.put("status", a.status());
        view.put("contentType", a.contentType());
        view.put("bytes", a.bytes());
        view.put("provider", a.provider());
        view.put("model", a.model());
        view.put("note", a.note());
        if (a.key() != null) {
            view.put("url", links.get(deps.artifacts().bucket(), a.key()));
        }
        return view;
    }

    static ObjectNode event(ProgressEvent e) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("seq", e.seq());
        view.put("at", e.at().toString());
        view.put("type", e.type());
        view.put("stage", e.stage().label());
        view.put("percent", e.percent());
        view.put("message", e.message());
        return view;
    }

    static ObjectNode cost(CostEntry c) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("id", c.id());
        view.put("stage", c.stage().label());
        view.put("shotId", c.shotId());
        view.put("toolId", c.toolId());
        view.put("provider", c.provider());
        view.put("model", c.model());
        view.put("quantity", c.quantity().toPlainString());
        view.put("unit", c.unit());
        view.put("unitPriceUsd", c.unitPriceUsd().toPlainString());
        view.put("totalUsd", c.totalUsd().toPlainString());
        view.put("cached", c.cached());
        view.put("at", c.at().toString());
        return view;
    }

    static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
