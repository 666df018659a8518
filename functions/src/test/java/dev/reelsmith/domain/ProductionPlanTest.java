package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionPlanTest {
    private static final ToolChoice KEYFRAME = new ToolChoice("img", "vendor", "m1", ToolKind.IMAGE, BigDecimal.ONE,
            "image", new BigDecimal("0.04"), new BigDecimal("0.04"), 10, true);
    private static final ToolChoice CLIP = new ToolChoice("vid", "vendor", "m2", ToolKind.VIDEO, new BigDecimal("5"),
            "second", new BigDecimal("0.05"), new BigDecimal("0.25"), 60, false);

    private static ShotProduction shot(int index) {
        return new ShotProduction("s0" + (index + 1), index, 4, ShotImportance.STANDARD, KEYFRAME, CLIP,
                new BigDecimal("0.29"), 70, "Because.", List.of());
    }

    private static ProductionPlan plan(String budget, String total, Integer deadline, double minutes) {
        return new ProductionPlan("t", VideoKind.AD, AspectRatio.PORTRAIT, QualityPriority.BALANCED,
                new BigDecimal(budget), new BigDecimal(total), minutes, deadline, "2026-11-22", PlanMode.GENERATED,
                List.of(shot(0), shot(1)), List.of(new CostLine("planning", "local-offline-planner", BigDecimal.ZERO,
                "no tokens billed")), List.of(), List.of());
    }

    @Test
    void constructor_shouldKeepTheHeadroom_whenTheTotalIsWithinBudget() {
        // when
        ProductionPlan plan = plan("1.00", "0.58", 30, 5);

        // then
        assertThat(plan.headroomUsd()).isEqualByComparingTo("0.42");
    }

    @Test
    void constructor_shouldRefuseAnEstimateOverBudget_whenTheBudgetGateWouldTrustIt() {
        // when / then
        assertThatThrownBy(() -> plan("0.50", "0.58", null, 5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("totalCostUsd must not exceed budgetUsd 0.50, was 0.58");
    }

    @Test
    void constructor_shouldRefuseATotalThatIsNotTheSum_whenTheShotsSayOtherwise() {
        // when / then
        assertThatThrownBy(() -> plan("1.00", "0.50", null, 5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("totalCostUsd must be the sum of the shots and other costs 0.58, was 0.50");
    }

    @Test
    void constructor_shouldRefuseAnEstimatePastTheDeadline_whenThereIsOne() {
        // when / then
        assertThatThrownBy(() -> plan("1.00", "0.58", 3, 5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("estimatedMinutes must not exceed deadlineMinutes 3, was 5.0");
    }

    @Test
    void toolChoice_shouldRefuseACostThatIsNotQuantityTimesPrice_whenBilled() {
        // when / then
        assertThatThrownBy(() -> new ToolChoice("vid", "vendor", "m2", ToolKind.VIDEO, new BigDecimal("5"), "second",
                new BigDecimal("0.05"), new BigDecimal("0.20"), 60, true))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("tool choice vid: costUsd must be quantity × unitPriceUsd = 0.25, was 0.20");
    }

    @Test
    void shotProduction_shouldRefuseAVideoToolAsKeyframe_whenKindsAreSwapped() {
        // when / then
        assertThatThrownBy(() -> new ShotProduction("s01", 0, 4, ShotImportance.HERO, CLIP, KEYFRAME,
                new BigDecimal("0.29"), 70, "Because.", List.of()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("shot production s01: keyframe.kind must be image, was video");
    }
}
