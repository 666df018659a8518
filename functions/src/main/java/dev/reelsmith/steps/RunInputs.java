package dev.reelsmith.steps;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.SongInput;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.store.artifacts.ArtifactStore;
import java.math.BigDecimal;

/**
 * Reads a run's persisted artifacts back into domain objects: every step after Admit rebuilds what it needs from
 * S3 ({@code runs/<id>/…}), so the state carries only the session id and small summaries.
 */
public final class RunInputs {
    public static final String BRIEF = "brief.json";
    public static final String ANALYSIS = "analysis.json";
    public static final String SCRIPT = "script.json";
    public static final String SHOTS = "shots.json";
    public static final String PLAN = "plan.json";

    private final StepDependencies deps;

    public RunInputs(StepDependencies deps) {
        this.deps = deps;
    }

    /** The session, which must exist. */
    public Session session(String sessionId) {
        return deps.sessions().find(sessionId).orElseThrow(() -> new IllegalStateException("session " + sessionId
                + " does not exist; was the run started by the inbox handler?"));
    }

    /** The planning input: the normalised brief, or the song's analysis and sidecar. */
    public PlanningInput planningInput(Session session) {
        String name = session.id();
        if ("brief".equals(session.kind())) {
            return PlanningInput.ofBrief(name, brief(session.id()));
        }
        Analysis analysis = deps.artifacts().getJson(key(session.id(), ANALYSIS), Analysis.class);
        String sidecarKey = ArtifactStore.runKey(session.id(), "input/sidecar.json");
        SongSidecar sidecar = deps.artifacts().exists(sidecarKey)
                ? deps.artifacts().getJson(sidecarKey, SongSidecar.class) : SongInput.NO_SIDECAR;
        BigDecimal budget = session.budgetUsd() == null ? deps.config().defaultBudgetUsd() : session.budgetUsd();
        return PlanningInput.ofSong(name, new SongInput(analysis, sidecar), budget, ProviderPreferences.DEFAULT);
    }

    public Brief brief(String sessionId) {
        return deps.artifacts().getJson(ArtifactStore.runKey(sessionId, "input/brief.json"), Brief.class);
    }

    public Script script(String sessionId) {
        return deps.artifacts().getJson(key(sessionId, SCRIPT), Script.class);
    }

    public ShotList shots(String sessionId) {
        return deps.artifacts().getJson(key(sessionId, SHOTS), ShotList.class);
    }

    public ProductionPlan plan(String sessionId) {
        return deps.artifacts().getJson(key(sessionId, PLAN), ProductionPlan.class);
    }

    public static String key(String sessionId, String name) {
        return ArtifactStore.runKey(sessionId, name);
    }
}
