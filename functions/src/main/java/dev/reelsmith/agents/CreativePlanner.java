package dev.reelsmith.agents;

import dev.reelsmith.agents.production.ProductionPlanner;
import dev.reelsmith.agents.script.ScriptWriter;
import dev.reelsmith.agents.shots.ShotPlanner;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import java.time.Clock;

/**
 * The whole creative planning chain in one call, for the CLI and tests: {@link ScriptWriter} →
 * {@link ShotPlanner} → {@link ProductionPlanner}. In the cloud the three run as separate steps
 * (WriteScript, PlanShots, PlanProduction) with their artifacts persisted in between; the agents are the same.
 */
public final class CreativePlanner {
    private final ScriptWriter writer;
    private final ShotPlanner shots;
    private final ProductionPlanner production;

    /**
     * @param model   the text model every agent asks (remote, or {@code LocalTextModel} offline)
     * @param catalog the generation tools to choose from
     * @param clock   decides which tools are past their retirement date
     */
    public CreativePlanner(TextModel model, ToolCatalog catalog, Clock clock) {
        this.writer = new ScriptWriter(model);
        this.shots = new ShotPlanner(model);
        this.production = new ProductionPlanner(model, catalog, clock);
    }

    /**
     * Plans a run end to end, or stops at the script's clarifying questions.
     *
     * @throws AnswerRejectedException when an agent's answer still breaks its rules after a repair
     * @throws dev.reelsmith.agents.production.BudgetExceededException when no plan fits the budget
     * @throws dev.reelsmith.agents.production.DeadlineExceededException when no plan meets the deadline
     * @throws dev.reelsmith.agents.production.NoEligibleToolException when some shot cannot be made by any tool
     */
    public PlanningOutcome plan(PlanningInput input) {
        AgentResult<Script> script = writer.write(input);
        if (script.value().beats().isEmpty() || script.value().needsClarification()) {
            return new PlanningOutcome.NeedsAnswers(script.value(), script.usage());
        }
        AgentResult<ShotList> shotList = shots.plan(input, script.value());
        TokenUsage soFar = script.usage().plus(shotList.usage());
        AgentResult<ProductionPlan> plan = production.plan(input, script.value(), shotList.value(), soFar);
        return new PlanningOutcome.Planned(script.value(), shotList.value(), plan.value(), soFar.plus(plan.usage()));
    }
}
