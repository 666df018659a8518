package dev.reelsmith.infra.functions;

import dev.reelsmith.steps.PipelineFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    @Test
    void of_shouldGiveEveryFunctionTheTable_whenAskedForEachFunction() {
        // given
        PipelineFunction[] functions = PipelineFunction.values();

        // when / then
        for (PipelineFunction function : functions) {
            assertThat(Access.of(function)).as(function.id()).contains(Access.TABLE);
        }
    }

    @Test
    void of_shouldKeepStartingRunsToTheInboxAndTheApi_whenAskedForEachFunction() {
        // given
        PipelineFunction[] functions = PipelineFunction.values();

        // when / then
        for (PipelineFunction function : functions) {
            boolean startsRuns = Access.of(function).contains(Access.START_RUN);
            assertThat(startsRuns).as(function.id())
                    .isEqualTo(function == PipelineFunction.INBOX || function == PipelineFunction.API);
        }
    }

    @Test
    void of_shouldKeepVendorKeysToFunctionsThatCallVendors_whenAskedForEachFunction() {
        // given
        PipelineFunction[] functions = PipelineFunction.values();

        // when / then
        for (PipelineFunction function : functions) {
            boolean readsSecrets = Access.of(function).contains(Access.VENDOR_SECRETS);
            boolean callsVendors = switch (function) {
                case WRITE_SCRIPT, PLAN_SHOTS, PLAN_PRODUCTION, GENERATE_KEYFRAME, START_CLIP, POLL_CLIP,
                        GENERATE_MUSIC -> true;
                default -> false;
            };
            assertThat(readsSecrets).as(function.id()).isEqualTo(callsVendors);
        }
    }

    @Test
    void of_shouldLetOnlyComposeUseMediaConvertAndOnlyTheApiAnswerReviews_whenAskedForEachFunction() {
        // given
        PipelineFunction[] functions = PipelineFunction.values();

        // when / then
        for (PipelineFunction function : functions) {
            assertThat(Access.of(function).contains(Access.LONG_RENDER)).as(function.id())
                    .isEqualTo(function == PipelineFunction.COMPOSE);
            assertThat(Access.of(function).contains(Access.TASK_RESPONSE)).as(function.id())
                    .isEqualTo(function == PipelineFunction.API);
        }
    }
}
