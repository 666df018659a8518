package dev.reelsmith.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepConfigTest {
    private static Map<String, String> required() {
        Map<String, String> env = new HashMap<>();
        env.put("REELSMITH_TABLE", "reelsmith");
        env.put("REELSMITH_ARTIFACTS_BUCKET", "artifacts");
        env.put("REELSMITH_INBOX_BUCKET", "inbox");
        return env;
    }

    @Test
    void from_shouldApplyDefaults_whenOnlyTheRequiredVariablesAreSet() {
        // given
        Map<String, String> env = required();

        // when
        StepConfig config = StepConfig.from(env);

        // then
        assertThat(config.providers()).isEqualTo("local");
        assertThat(config.textModel()).isEqualTo("local");
        assertThat(config.defaultBudgetUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(config.songReview()).isEqualTo("none");
        assertThat(config.eventBus()).isEqualTo("default");
        assertThat(config.vendorLimits()).isEmpty();
    }

    @Test
    void from_shouldNameTheMissingVariable() {
        // given
        Map<String, String> env = required();
        env.remove("REELSMITH_ARTIFACTS_BUCKET");

        // when / then
        assertThatThrownBy(() -> StepConfig.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REELSMITH_ARTIFACTS_BUCKET is not set");
    }

    @Test
    void from_shouldParseVendorLimits_andRefuseMalformedOnes() {
        // given
        Map<String, String> env = required();
        env.put("REELSMITH_VENDOR_LIMITS", "runway=2, replicate=10");
        Map<String, String> bad = required();
        bad.put("REELSMITH_VENDOR_LIMITS", "runway=0");

        // when
        StepConfig config = StepConfig.from(env);

        // then
        assertThat(config.vendorLimits()).containsEntry("runway", 2).containsEntry("replicate", 10);
        assertThat(StepDependencies.policies(config).forProvider("runway").maxConcurrent()).isEqualTo(2);
        assertThat(StepDependencies.policies(config).forProvider("luma").maxConcurrent()).isEqualTo(4);
        assertThatThrownBy(() -> StepConfig.from(bad)).hasMessageContaining("REELSMITH_VENDOR_LIMITS must look like");
    }

    @Test
    void from_shouldRefuseAnUnknownReviewSetting_andANegativeBudget() {
        // given
        Map<String, String> review = required();
        review.put("REELSMITH_REVIEW", "sometimes");
        Map<String, String> budget = required();
        budget.put("REELSMITH_DEFAULT_BUDGET_USD", "-1");

        // when / then
        assertThatThrownBy(() -> StepConfig.from(review)).hasMessageContaining("REELSMITH_REVIEW must be none");
        assertThatThrownBy(() -> StepConfig.from(budget)).hasMessageContaining("at least 0");
    }

    @Test
    void textModelFor_shouldBuildTheOfflinePlanner_andRefuseUnpricedOrUnknownModels() {
        // given
        ToolCatalog catalog = ToolCatalog.builtIn();

        // when / then
        assertThat(StepDependencies.textModelFor("local", catalog)).isInstanceOf(LocalTextModel.class);
        assertThatThrownBy(() -> StepDependencies.textModelFor("bedrock:acme.unknown-v1", catalog))
                .hasMessageContaining("does not price");
        assertThatThrownBy(() -> StepDependencies.textModelFor("gpt", catalog))
                .hasMessageContaining("must be local or bedrock:<model id>");
    }
}
