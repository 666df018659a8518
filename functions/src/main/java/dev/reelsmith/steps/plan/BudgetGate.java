package dev.reelsmith.steps.plan;

import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The budget gate: the estimate must fit the budget before anything is generated. Per-call enforcement (reserve
 * before each paid call, commit after) happens in the generation steps against the run's ledger, which this gate
 * opens with the budget as its limit.
 */
public final class BudgetGate {
    private final StepDependencies deps;
    private final RunInputs inputs;

    public BudgetGate(StepDependencies deps) {
        this.deps = deps;
        this.inputs = new RunInputs(deps);
    }

    /** The figures the gate compared. */
    public record Result(String sessionId, BigDecimal estimateUsd, BigDecimal budgetUsd) {
    }

    /** @throws OverBudgetException when the estimate exceeds the budget */
    public Result check(String sessionId) {
        deps.sessions().enter(sessionId, Stage.BUDGET, Stage.BUDGET.description());
        ProductionPlan plan = inputs.plan(sessionId);
        if (plan.totalCostUsd().compareTo(plan.budgetUsd()) > 0) {
            String top = plan.shots().stream().sorted(Comparator.comparing(ShotProduction::costUsd).reversed())
                    .limit(3).map(s -> s.shotId() + " $" + s.costUsd().toPlainString())
                    .collect(Collectors.joining(", "));
            throw new OverBudgetException(String.format(Locale.ROOT, "the plan's estimate $%s exceeds the budget $%s "
                    + "(most expensive shots: %s); raise budgetUsd or allow downgrades",
                    plan.totalCostUsd().toPlainString(), plan.budgetUsd().toPlainString(), top));
        }
        deps.ledger().open(sessionId, plan.budgetUsd());
        deps.sessions().progress(sessionId, Stage.BUDGET, Stage.BUDGET.endPercent(), String.format(Locale.ROOT,
                "estimate $%s within budget $%s", plan.totalCostUsd().toPlainString(),
                plan.budgetUsd().toPlainString()));
        return new Result(sessionId, plan.totalCostUsd(), plan.budgetUsd());
    }
}
