package dev.reelsmith.infra;

import dev.reelsmith.infra.pipeline.DefinitionTemplate;
import dev.reelsmith.infra.pipeline.VideoPipeline;
import dev.reelsmith.steps.PipelineFunction;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Checks the definition the app deploys - statemachines/video-pipeline.asl.json, or the fixture until that file
 * exists - against what the pipeline stack substitutes and grants, without synthesizing anything.
 */
class RepositoryDefinitionTest {

    @Test
    void definition_shouldUseOnlyPlaceholdersTheStackSubstitutes_whenDeployedFromTheRepository() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(TestApps.definition());
        Set<String> substituted = PipelineFunction.inDefinition().stream()
                .map(function -> function.placeholder().orElseThrow().replace("${", "").replace("}", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        substituted.addAll(Set.of(VideoPipeline.TABLE_NAME, VideoPipeline.DEAD_LETTER_QUEUE_URL,
                VideoPipeline.EVENT_BUS_NAME, VideoPipeline.ARTIFACTS_BUCKET));

        // when
        Set<String> used = definition.placeholders();

        // then
        assertThat(substituted).as(TestApps.definition().toString()).containsAll(used);
    }

    @Test
    void definition_shouldCallEveryFunctionOfTheDefinitionList_whenDeployedFromTheRepository() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(TestApps.definition());

        // when
        Set<String> used = definition.placeholders();

        // then: a function in PipelineFunction.inDefinition() that the definition never calls is deployed for nothing
        for (PipelineFunction function : PipelineFunction.inDefinition()) {
            assertThat(used).as(TestApps.definition() + " calls " + function.id())
                    .contains(function.placeholder().orElseThrow().replace("${", "").replace("}", ""));
        }
    }

    @Test
    void definition_shouldOnlyUseIntegrationsTheStackGrants_whenDeployedFromTheRepository() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(TestApps.definition());

        // when / then
        for (String resource : definition.taskResources()) {
            assertThatCode(() -> VideoPipeline.integrationOf(resource)).as(resource).doesNotThrowAnyException();
        }
    }
}
