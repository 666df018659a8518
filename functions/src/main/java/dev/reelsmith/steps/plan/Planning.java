package dev.reelsmith.steps.plan;

import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.production.ProductionPlanner;
import dev.reelsmith.catalog.Tool;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.providers.ProviderRegistry;
import dev.reelsmith.agents.script.ScriptWriter;
import dev.reelsmith.agents.shots.ShotPlanner;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three planning steps over the agents: WriteScript, PlanShots, PlanProduction. Each reads the previous
 * artifact, asks its agent, validates the artifact against its schema and persists it; the text model's tokens are
 * recorded as a cost entry once per step.
 */
public final class Planning {
    private final StepDependencies deps;
    private final RunInputs inputs;

    public Planning(StepDependencies deps) {
        this.deps = deps;
        this.inputs = new RunInputs(deps);
    }

    /** WriteScript's summary. */
    public record ScriptResult(String sessionId, int beats, boolean needsAnswers, List<String> questions) {
    }

    /** PlanShots' summary. */
    public record ShotsResult(String sessionId, int shots, double durationSeconds) {
    }

    /** One shot as the generation Maps iterate over it. */
    public record ShotItem(String sessionId, String shotId, int index) {
    }

    /** PlanProduction's summary: the estimate and the shots to generate. */
    public record PlanResult(String sessionId, BigDecimal estimateUsd, BigDecimal budgetUsd, String mode,
                             List<ShotItem> shots, boolean needsMusic) {
    }

    public ScriptResult writeScript(String sessionId) {
        Session session = inputs.session(sessionId);
        deps.sessions().enter(sessionId, Stage.SCRIPT, Stage.SCRIPT.description());
        PlanningInput input = inputs.planningInput(session);
        AgentResult<Script> script = new ScriptWriter(model()).write(input);
        persist(sessionId, RunInputs.SCRIPT, ArtifactSchemas.SCRIPT, script.value());
        recordTokens(sessionId, Stage.SCRIPT, "script", script.usage());
        Script value = script.value();
        boolean needsAnswers = value.beats().isEmpty() || value.needsClarification();
        if (needsAnswers) {
            deps.sessions().set(sessionId, Map.of("questions", value.clarifyingQuestions()));
        }
        deps.sessions().progress(sessionId, Stage.SCRIPT, Stage.SCRIPT.endPercent(),
                needsAnswers ? "the script writer has questions" : "script: " + value.beats().size() + " beats");
        return new ScriptResult(sessionId, value.beats().size(), needsAnswers, value.clarifyingQuestions());
    }

    public ShotsResult planShots(String sessionId) {
        Session session = inputs.session(sessionId);
        deps.sessions().enter(sessionId, Stage.SHOTS, Stage.SHOTS.description());
        AgentResult<ShotList> shots = new ShotPlanner(model()).plan(inputs.planningInput(session),
                inputs.script(sessionId));
        persist(sessionId, RunInputs.SHOTS, ArtifactSchemas.SHOTS, shots.value());
        recordTokens(sessionId, Stage.SHOTS, "shots", shots.usage());
        deps.sessions().progress(sessionId, Stage.SHOTS, Stage.SHOTS.endPercent(),
                "shot list: " + shots.value().shots().size() + " shots");
        return new ShotsResult(sessionId, shots.value().shots().size(), shots.value().durationSeconds());
    }

    public PlanResult planProduction(String sessionId) {
        Session session = inputs.session(sessionId);
        deps.sessions().enter(sessionId, Stage.PLAN, Stage.PLAN.description());
        ShotList shots = inputs.shots(sessionId);
        AgentResult<ProductionPlan> plan = new ProductionPlanner(model(), configuredCatalog(), deps.clock())
                .plan(inputs.planningInput(session), inputs.script(sessionId), shots, TokenUsage.NONE);
        ProductionPlan value = plan.value();
        persist(sessionId, RunInputs.PLAN, ArtifactSchemas.PLAN, value);
        recordTokens(sessionId, Stage.PLAN, "plan", plan.usage());
        Map<String, Object> fields = new HashMap<>();
        fields.put("estimateUsd", value.totalCostUsd());
        fields.put("budgetUsd", value.budgetUsd());
        deps.sessions().set(sessionId, fields);
        deps.sessions().progress(sessionId, Stage.PLAN, Stage.PLAN.endPercent(), String.format(Locale.ROOT,
                "plan: %d shots, estimate $%s of $%s", value.shots().size(), value.totalCostUsd().toPlainString(),
                value.budgetUsd().toPlainString()));
        List<ShotItem> items = value.shots().stream()
                .map((ShotProduction s) -> new ShotItem(sessionId, s.shotId(), s.shotIndex())).toList();
        return new PlanResult(sessionId, value.totalCostUsd(), value.budgetUsd(), value.mode().name(), items,
                "brief".equals(session.kind()));
    }

    /**
     * The catalog restricted to the generation tools this deployment can call (a plan that picks an unconfigured
     * vendor could only fail over); with nothing configured, the local tools make an animatic.
     */
    private ToolCatalog configuredCatalog() {
        ToolCatalog all = deps.catalog();
        ProviderRegistry providers = deps.providers();
        List<Tool> usable = all.tools().stream().filter(tool -> switch (tool.kind()) {
            case IMAGE -> providers.hasImage(tool.provider(), tool.model());
            case VIDEO -> providers.hasVideo(tool.provider(), tool.model());
            case MUSIC -> providers.hasMusic(tool.provider(), tool.model());
            case TEXT -> true;
        }).toList();
        return ToolCatalog.of(all.updated(), usable);
    }

    private TextModel model() {
        return deps.textModel();
    }

    private void persist(String sessionId, String name, String schema, Object value) {
        List<String> problems = ArtifactSchemas.validate(schema, dev.reelsmith.domain.Json.mapper().valueToTree(value));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " does not satisfy " + schema + ": " + String.join("; ", problems));
        }
        deps.artifacts().putJson(RunInputs.key(sessionId, name), value);
    }

    private void recordTokens(String sessionId, Stage stage, String what, TokenUsage usage) {
        TextModel model = model();
        BigDecimal tokens = BigDecimal.valueOf(usage.inputTokens() + usage.outputTokens());
        BigDecimal unitPrice = tokens.signum() == 0 ? BigDecimal.ZERO
                : usage.costUsd().divide(tokens, 10, java.math.RoundingMode.HALF_UP);
        deps.sessions().recordCost(sessionId, new CostEntry("text#" + what, stage, null,
                model.providerId() + "-" + model.modelId(), model.providerId(), model.modelId(), tokens, "token",
                unitPrice, usage.costUsd(), false, deps.clock().instant()));
    }
}
