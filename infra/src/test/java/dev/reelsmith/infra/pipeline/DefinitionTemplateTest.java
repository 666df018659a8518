package dev.reelsmith.infra.pipeline;

import dev.reelsmith.steps.PipelineFunction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionTemplateTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixture-pipeline.asl.json");

    @Test
    void placeholders_shouldListEveryFunctionAndResource_whenReadingTheFixture() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(FIXTURE);

        // when
        var placeholders = definition.placeholders();

        // then
        assertThat(placeholders).contains("TableName", "DeadLetterQueueUrl", "EventBusName", "ArtifactsBucket");
        for (PipelineFunction function : PipelineFunction.inDefinition()) {
            assertThat(placeholders).contains(VideoPipeline.placeholderName(function));
        }
        assertThat(placeholders).hasSize(PipelineFunction.inDefinition().size() + 4);
    }

    @Test
    void taskResources_shouldFindTasksInsideMapsAndBranches_whenNested() {
        // given
        DefinitionTemplate definition = DefinitionTemplate.read(FIXTURE);

        // when
        var resources = definition.taskResources();

        // then: StartClip and PollClip sit inside a Map's ItemProcessor
        assertThat(resources).containsExactly(
                "arn:aws:states:::dynamodb:updateItem",
                "arn:aws:states:::events:putEvents",
                "arn:aws:states:::lambda:invoke",
                "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "arn:aws:states:::sqs:sendMessage");
    }

    @Test
    void requireSubstituted_shouldNameMissingPlaceholders_whenSubstitutionsAreIncomplete() {
        // given
        DefinitionTemplate definition = new DefinitionTemplate("inline", """
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Arguments": {"FunctionName": "${AdmitFunctionArn}", "Table": "${TableName}"}, "End": true}}}
                """);

        // when / then
        assertThatThrownBy(() -> definition.requireSubstituted(Map.of("TableName", "sessions")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("inline uses placeholders the pipeline stack does not substitute: [AdmitFunctionArn]. "
                        + "Substituted are: [TableName]");
    }

    @Test
    void constructor_shouldRejectText_whenItIsNotAStateMachine() {
        // given
        String text = "{\"Comment\": \"no states\"}";

        // when / then
        assertThatThrownBy(() -> new DefinitionTemplate("broken.asl.json", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broken.asl.json is not a state machine definition: StartAt and States are required");
        assertThatThrownBy(() -> new DefinitionTemplate("broken.asl.json", "{"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken.asl.json is not valid JSON: ");
    }

    @Test
    void placeholderName_shouldStripTheDollarBraces_whenGivenAFunction() {
        // given
        PipelineFunction function = PipelineFunction.GENERATE_KEYFRAME;

        // when
        String name = VideoPipeline.placeholderName(function);

        // then
        assertThat(name).isEqualTo("GenerateKeyframeFunctionArn");
    }
}
