package dev.reelsmith.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a run will make its video (stored as {@code plan.json}, published as {@code schemas/plan.schema.json}):
 * per shot the tools, cost, time and reasons, plus the costs no shot owns, what was degraded to fit the budget
 * or deadline, and the total.
 *
 * <p>The constructor enforces what the BudgetGate relies on: the total is exactly the sum of the shots and the
 * other costs, and it never exceeds the budget; the estimate never exceeds the deadline when there is one.
 *
 * @param title            the production's title, or null
 * @param kind             the kind of video
 * @param aspectRatio      the shape the tools generate
 * @param qualityPriority  how cost was traded against quality
 * @param budgetUsd        the most the run may spend
 * @param totalCostUsd     the estimate: shots plus other costs, never above {@code budgetUsd}
 * @param estimatedMinutes wall time estimate of generation and rendering
 * @param deadlineMinutes  the brief's deadline, or null
 * @param catalogDate      the day tool lifecycles were checked against, {@code YYYY-MM-DD}
 * @param mode             generated, mixed or animatic
 * @param shots            one entry per shot, in shot order
 * @param otherCosts       soundtrack, planning and other costs no shot owns
 * @param degradations     what was made cheaper or faster than the quality priority wanted, and why; empty when
 *                         nothing was
 * @param notes            caveats for the reader, e.g. unverified prices
 */
public record ProductionPlan(String title, VideoKind kind, AspectRatio aspectRatio, QualityPriority qualityPriority,
                             BigDecimal budgetUsd, BigDecimal totalCostUsd, double estimatedMinutes,
                             Integer deadlineMinutes, String catalogDate, PlanMode mode, List<ShotProduction> shots,
                             List<CostLine> otherCosts, List<String> degradations, List<String> notes) {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ProductionPlan {
        FieldRules rules = FieldRules.root();
        rules.optionalText("title", title, 200);
        rules.required("kind", kind, "ad, music-video or explainer");
        rules.required("aspectRatio", aspectRatio, "16:9, 9:16 or 1:1");
        rules.required("qualityPriority", qualityPriority, "cost, balanced or quality");
        Money.notNegative(rules, "budgetUsd", budgetUsd);
        Money.notNegative(rules, "totalCostUsd", totalCostUsd);
        rules.notNegative("estimatedMinutes", estimatedMinutes);
        if (catalogDate == null || !DATE.matcher(catalogDate).matches()) {
            throw rules.fail("catalogDate", "pattern", "must be a date as YYYY-MM-DD, was " + catalogDate);
        }
        rules.required("mode", mode, "generated, mixed or animatic");
        shots = rules.list("shots", shots, ShotList.MAX_SHOTS);
        if (shots.isEmpty()) {
            throw rules.fail("shots", "minItems", "must not be empty");
        }
        otherCosts = rules.list("otherCosts", otherCosts, 20);
        degradations = rules.texts("degradations", degradations, ShotList.MAX_SHOTS + 20, 600);
        notes = rules.texts("notes", notes, 50, 600);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < shots.size(); i++) {
            if (shots.get(i).shotIndex() != i) {
                throw rules.fail("shots[" + i + "].shotIndex", "order", "must be " + i + ", was " + shots.get(i).shotIndex());
            }
            sum = sum.add(shots.get(i).costUsd());
        }
        for (CostLine line : otherCosts) {
            sum = sum.add(line.costUsd());
        }
        if (!Money.same(sum, totalCostUsd)) {
            throw rules.fail("totalCostUsd", "consistency", "must be the sum of the shots and other costs "
                    + sum.toPlainString() + ", was " + totalCostUsd.toPlainString());
        }
        if (totalCostUsd.compareTo(budgetUsd) > 0) {
            throw rules.fail("totalCostUsd", "maximum", "must not exceed budgetUsd " + budgetUsd.toPlainString()
                    + ", was " + totalCostUsd.toPlainString());
        }
        if (deadlineMinutes != null) {
            rules.between("deadlineMinutes", deadlineMinutes, 1, 1440);
            if (estimatedMinutes > deadlineMinutes) {
                throw rules.fail("estimatedMinutes", "maximum", "must not exceed deadlineMinutes " + deadlineMinutes
                        + ", was " + estimatedMinutes);
            }
        }
    }

    /** Dollars left under the budget. */
    public BigDecimal headroomUsd() {
        return budgetUsd.subtract(totalCostUsd);
    }
}
