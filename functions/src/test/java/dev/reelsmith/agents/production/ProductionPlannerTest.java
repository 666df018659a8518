package dev.reelsmith.agents.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.CannedTextModel;
import dev.reelsmith.agents.Fixtures;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.script.ScriptWriter;
import dev.reelsmith.agents.shots.ShotPlanner;
import dev.reelsmith.catalog.ClipDurations;
import dev.reelsmith.catalog.Price;
import dev.reelsmith.catalog.Tool;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.catalog.ToolStatus;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.PlanMode;
import dev.reelsmith.domain.PreferredProviders;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.QualityPriority;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.ToolKind;
import dev.reelsmith.providers.text.TokenUsage;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductionPlannerTest {
    private static final LocalTextModel LOCAL = new LocalTextModel();
    private static final Brief SNEAKER = Fixtures.brief("sneaker-ad");
    private static Script script;
    private static ShotList shots;

    @BeforeAll
    static void planTheSneakerAd() {
        PlanningInput input = PlanningInput.ofBrief("sneaker-ad", SNEAKER);
        script = new ScriptWriter(LOCAL).write(input).value();
        shots = new ShotPlanner(LOCAL).plan(input, script).value();
    }

    private static PlanningInput sneaker(String budget, QualityPriority priority, boolean downgrade, Integer deadline,
                                         List<String> blocked) {
        return new PlanningInput(SNEAKER.kind(), "sneaker-ad", SNEAKER, null, SNEAKER.primaryAspectRatio(),
                new BigDecimal(budget), deadline,
                new ProviderPreferences(PreferredProviders.NONE, List.of(), blocked, priority, downgrade));
    }

    private static ProductionPlan plan(PlanningInput input, ToolCatalog catalog) {
        AgentResult<ProductionPlan> result = new ProductionPlanner(LOCAL, catalog, Fixtures.CATALOG_DAY)
                .plan(input, script, shots, TokenUsage.NONE);
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.PLAN, result.json())).isEmpty();
        return result.value();
    }

    private static ProductionPlan plan(PlanningInput input) {
        return plan(input, ToolCatalog.builtIn());
    }

    private static List<String> toolIds(ProductionPlan plan) {
        List<String> ids = new ArrayList<>();
        for (ShotProduction shot : plan.shots()) {
            ids.add(shot.keyframe().toolId());
            ids.add(shot.motion().toolId());
        }
        return ids;
    }

    @Test
    void plan_shouldGenerateEveryMovingShotWithinBudget_whenTheBudgetIsLoose() {
        // given
        PlanningInput input = sneaker("25.00", QualityPriority.BALANCED, true, null, List.of());

        // when
        ProductionPlan plan = plan(input);

        // then
        assertThat(plan.totalCostUsd()).isLessThanOrEqualTo(plan.budgetUsd()).isPositive();
        assertThat(plan.mode()).isEqualTo(PlanMode.GENERATED);
        assertThat(plan.degradations()).isEmpty();
        assertThat(plan.shots()).hasSize(shots.shots().size()).allSatisfy(shot -> {
            assertThat(shot.keyframe().provider()).isNotEqualTo("local");
            assertThat(shot.reason()).isNotBlank();
            assertThat(shot.alternatives()).hasSizeBetween(1, 3);
        });
        assertThat(plan.shots()).filteredOn(s -> s.importance().label().equals("hero"))
                .allSatisfy(s -> assertThat(s.motion().provider()).isNotEqualTo("local"));
        assertThat(plan.otherCosts()).extracting(c -> c.item()).containsExactly("soundtrack", "planning");
        assertThat(plan.catalogDate()).isEqualTo("2026-11-22");
    }

    @Test
    void plan_shouldRankCostBelowBalancedBelowQuality_whenTheBudgetAllowsAll() {
        // when
        BigDecimal cost = plan(sneaker("100.00", QualityPriority.COST, false, null, List.of())).totalCostUsd();
        BigDecimal balanced = plan(sneaker("100.00", QualityPriority.BALANCED, false, null, List.of())).totalCostUsd();
        BigDecimal quality = plan(sneaker("100.00", QualityPriority.QUALITY, false, null, List.of())).totalCostUsd();

        // then
        assertThat(cost).isLessThan(balanced);
        assertThat(balanced).isLessThan(quality);
    }

    @Test
    void plan_shouldMoveShotsToCheaperToolsAndSaySo_whenTheBudgetIsTight() {
        // given: 60% of what the quality plan would cost
        BigDecimal preferred = plan(sneaker("100.00", QualityPriority.QUALITY, false, null, List.of())).totalCostUsd();
        BigDecimal tight = preferred.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.DOWN);

        // when
        ProductionPlan plan = plan(sneaker(tight.toPlainString(), QualityPriority.QUALITY, false, null, List.of()));

        // then
        assertThat(plan.totalCostUsd()).isLessThanOrEqualTo(tight);
        assertThat(plan.mode()).isEqualTo(PlanMode.GENERATED);
        assertThat(plan.degradations().get(0)).startsWith("The preferred plan cost $" + preferred.setScale(2,
                RoundingMode.HALF_UP).toPlainString() + ", over the $" + tight.toPlainString() + " budget");
        assertThat(plan.degradations()).hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(line).satisfiesAnyOf(l -> assertThat(l).startsWith("The preferred plan"),
                        l -> assertThat(l).matches("s\\d\\d: .* to fit the budget, saves \\$\\d+\\.\\d\\d")));
        assertThat(plan.shots()).anySatisfy(s -> assertThat(s.reason()).contains("to fit the budget"));
    }

    @Test
    void plan_shouldReplaceClipsWithKenBurnsOverKeyframes_whenOnlyKeyframesFitAndDowngradesAreAllowed() {
        // given
        PlanningInput input = sneaker("0.30", QualityPriority.BALANCED, true, null, List.of());

        // when
        ProductionPlan plan = plan(input);

        // then
        assertThat(plan.totalCostUsd()).isLessThanOrEqualTo(new BigDecimal("0.30"));
        assertThat(plan.mode()).isEqualTo(PlanMode.MIXED);
        assertThat(plan.degradations()).anySatisfy(line -> assertThat(line).contains("Ken Burns").contains("instead of a"));
        assertThat(plan.shots()).anySatisfy(s -> assertThat(s.motion().toolId()).isEqualTo("local-ken-burns"));
    }

    @Test
    void plan_shouldFailWithTheCheapestBreakdown_whenTheBudgetIsTooTightAndDowngradesAreNotAllowed() {
        // given
        PlanningInput input = sneaker("0.30", QualityPriority.BALANCED, false, null, List.of());

        // when / then
        assertThatThrownBy(() -> plan(input))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("providerPreferences.allowDowngrade")
                .satisfies(e -> {
                    CostBreakdown breakdown = ((BudgetExceededException) e).breakdown();
                    assertThat(breakdown.totalUsd()).isGreaterThan(new BigDecimal("0.30"));
                    assertThat(breakdown.budgetUsd()).isEqualByComparingTo("0.30");
                    assertThat(breakdown.lines()).hasSize(shots.shots().size() + 2);
                    assertThat(breakdown.table()).contains("s01").contains("total");
                });
    }

    @Test
    void plan_shouldFailWithTheBreakdown_whenEvenTheCheapestPermittedToolsCostMoreThanTheBudget() {
        // given: the free tools are blocked, so nothing is cheap enough for 5 cents
        PlanningInput input = sneaker("0.05", QualityPriority.COST, true, null, List.of("local"));

        // when / then
        assertThatThrownBy(() -> plan(input))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("even the cheapest plan the permitted tools allow");
    }

    @Test
    void plan_shouldMakeAFreeAnimatic_whenTheBudgetIsZero() {
        // when
        ProductionPlan plan = plan(sneaker("0", QualityPriority.QUALITY, false, null, List.of()));

        // then
        assertThat(plan.mode()).isEqualTo(PlanMode.ANIMATIC);
        assertThat(plan.totalCostUsd()).isEqualByComparingTo("0");
        assertThat(toolIds(plan)).containsOnly("local-storyboard", "local-ken-burns");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("Budget 0 USD: an animatic"));
    }

    @Test
    void plan_shouldNeverUseABlockedProvider_whenItWouldOtherwiseBeChosen() {
        // given
        ProductionPlan unblocked = plan(sneaker("25.00", QualityPriority.BALANCED, false, null, List.of()));
        assertThat(toolIds(unblocked)).anySatisfy(id -> assertThat(id).startsWith("runway-"));

        // when
        ProductionPlan plan = plan(sneaker("25.00", QualityPriority.BALANCED, false, null, List.of("runway", "replicate")));

        // then
        assertThat(plan.shots()).allSatisfy(s -> {
            assertThat(s.keyframe().provider()).isNotIn("runway", "replicate");
            assertThat(s.motion().provider()).isNotIn("runway", "replicate");
        });
    }

    @Test
    void plan_shouldNeverChooseEndOfLifeOrRetiredTools_whenTheyWouldBeCheapestAndBest() {
        // given: a catalog whose best and cheapest tools are dead, plus a legacy tool still inside its date
        List<Tool> tools = new ArrayList<>(ToolCatalog.builtIn().tools().stream()
                .filter(t -> t.isLocal() || t.id().equals("replicate-flux-schnell") || t.id().equals("runway-gen4-turbo"))
                .toList());
        tools.add(video("dead-video", ToolStatus.EOL, "2026-09-30", "0.001", 100));
        tools.add(video("retired-video", ToolStatus.LEGACY, "2026-11-17", "0.001", 100));
        tools.add(image("dead-image", ToolStatus.EOL, "2026-09-30", "0.0001", 100));
        tools.add(video("sunset-video", ToolStatus.LEGACY, "2027-03-01", "0.06", 90));
        ToolCatalog catalog = ToolCatalog.of("2026-11-22", tools);

        // when
        ProductionPlan plan = plan(sneaker("25.00", QualityPriority.QUALITY, false, null, List.of()), catalog);

        // then
        assertThat(toolIds(plan)).doesNotContain("dead-video", "retired-video", "dead-image").contains("sunset-video");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("sunset-video (retires 2027-03-01)"))
                .anySatisfy(n -> assertThat(n).contains("3 catalog tools were not considered"));
        assertThat(plan.shots()).allSatisfy(s -> assertThat(s.alternatives())
                .noneSatisfy(a -> assertThat(a.motionToolId()).isIn("dead-video", "retired-video")));
    }

    @Test
    void plan_shouldSwapToFasterTools_whenTheDeadlineIsTightAndDowngradesAreAllowed() {
        // given
        ProductionPlan relaxed = plan(sneaker("25.00", QualityPriority.QUALITY, true, null, List.of()));
        assertThat(relaxed.estimatedMinutes()).isGreaterThan(2);

        // when
        ProductionPlan plan = plan(sneaker("25.00", QualityPriority.QUALITY, true, 2, List.of()));

        // then
        assertThat(plan.estimatedMinutes()).isLessThanOrEqualTo(2);
        assertThat(plan.degradations()).anySatisfy(line -> assertThat(line).contains("to meet the 2-minute deadline"));
    }

    @Test
    void plan_shouldFailWithTheFastestBreakdown_whenNoPlanMeetsTheDeadline() {
        // given: generated clips take minutes and downgrades to Ken Burns are not allowed
        PlanningInput input = sneaker("25.00", QualityPriority.QUALITY, false, 1, List.of());

        // when / then
        assertThatThrownBy(() -> plan(input))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageStartingWith("no plan within the budget meets the 1-minute deadline")
                .satisfies(e -> assertThat(((DeadlineExceededException) e).breakdown().estimatedMinutes()).isGreaterThan(1));
    }

    @Test
    void plan_shouldNameWhatRuledToolsOut_whenNoToolCanMakeTheShape() {
        // given: only landscape tools, and the sneaker ad is vertical
        ToolCatalog catalog = ToolCatalog.of("2026-11-22", List.of(
                new Tool("wide-image", "vendor", "w1", null, ToolKind.IMAGE, ToolStatus.ACTIVE, null,
                        new Price("image", new BigDecimal("0.01"), null, "test", true), List.of("16:9"), List.of(),
                        null, null, 5, 60, Map.of(), null, null)));

        // when / then
        assertThatThrownBy(() -> plan(sneaker("25.00", QualityPriority.BALANCED, true, null, List.of()), catalog))
                .isInstanceOf(NoEligibleToolException.class)
                .hasMessageContaining("no tool can make shot s01")
                .hasMessageContaining("image tools: 0 retired, 0 blocked by providerPreferences, 1 cannot make 9:16");
    }

    @Test
    void plan_shouldChargePlanningCallsToTheBudget_whenTheTextModelBills() {
        // given
        TokenUsage earlier = new TokenUsage(20_000, 8_000, new BigDecimal("0.25"));
        CannedTextModel model = new CannedTextModel().then(request -> LOCAL.generate(request).json());

        // when
        ProductionPlan plan = new ProductionPlanner(model, ToolCatalog.builtIn(), Fixtures.CATALOG_DAY)
                .plan(sneaker("25.00", QualityPriority.BALANCED, false, null, List.of()), script, shots, earlier).value();

        // then
        assertThat(plan.otherCosts()).filteredOn(c -> c.item().equals("planning")).singleElement()
                .satisfies(c -> {
                    assertThat(c.costUsd()).isEqualByComparingTo("0.26");
                    assertThat(c.toolId()).isEqualTo("canned/canned-1");
                    assertThat(c.note()).contains("21,000 input and 8,500 output tokens");
                });
    }

    @Test
    void plan_shouldRepairTheIntent_whenTheModelLeavesOutAShot() {
        // given
        CannedTextModel model = new CannedTextModel()
                .then(request -> {
                    ObjectNode answer = (ObjectNode) LOCAL.generate(request).json();
                    ((ArrayNode) answer.path("shots")).remove(2);
                    return answer;
                })
                .then(request -> LOCAL.generate(request).json());

        // when
        AgentResult<ProductionPlan> result = new ProductionPlanner(model, ToolCatalog.builtIn(), Fixtures.CATALOG_DAY)
                .plan(sneaker("25.00", QualityPriority.BALANCED, false, null, List.of()), script, shots, TokenUsage.NONE);

        // then
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(model.requests().get(1).userPrompt()).contains("shots must list every shot; missing s03");
        assertThat(result.value().shots()).hasSize(shots.shots().size());
    }

    @Test
    void json_shouldRoundTripThePlan_whenWrittenAndReadBack() throws Exception {
        // given
        ProductionPlan plan = plan(sneaker("25.00", QualityPriority.BALANCED, true, null, List.of()));

        // when
        ProductionPlan read = Json.mapper().readValue(Json.mapper().writeValueAsString(plan), ProductionPlan.class);

        // then
        assertThat(read.totalCostUsd()).isEqualByComparingTo(plan.totalCostUsd());
        assertThat(read.shots()).hasSameSizeAs(plan.shots());
        assertThat(read.shots().get(0).reason()).isEqualTo(plan.shots().get(0).reason());
    }

    private static Tool video(String id, ToolStatus status, String retiresOn, String usd, int quality) {
        return new Tool(id, "vendor", id + "-model", null, ToolKind.VIDEO, status, retiresOn,
                new Price("second", new BigDecimal(usd), null, "test fixture", true), List.of("16:9", "9:16", "1:1"),
                List.of("720p"), new ClipDurations(null, 1.0, 10.0, 1.0), 4000, 30, quality, Map.of(), null, null);
    }

    private static Tool image(String id, ToolStatus status, String retiresOn, String usd, int quality) {
        return new Tool(id, "vendor", id + "-model", null, ToolKind.IMAGE, status, retiresOn,
                new Price("image", new BigDecimal(usd), null, "test fixture", true), List.of("16:9", "9:16", "1:1"),
                List.of("1024x1024"), null, 4000, 5, quality, Map.of(), null, null);
    }
}
