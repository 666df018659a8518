package dev.reelsmith.local.statemachines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.steps.PipelineFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pipeline definition and the code agree: error names are real classes, placeholders are real functions. */
class VideoPipelineDefinitionTest {
    private static final Path DEFINITION = Path.of("..", "statemachines", "video-pipeline.asl.json");

    @Test
    void everyErrorNameInRetryAndCatch_shouldBeAnExistingThrowableClass() throws Exception {
        // given
        JsonNode definition = Json.mapper().readTree(DEFINITION.toFile());
        Set<String> names = new TreeSet<>();
        definition.findValues("ErrorEquals").forEach(list -> list.forEach(name -> names.add(name.asText())));

        // when
        Set<String> ours = new TreeSet<>();
        for (String name : names) {
            if (!name.startsWith("States.") && !name.startsWith("Lambda.")) {
                ours.add(name);
            }
        }

        // then
        assertThat(ours).isNotEmpty();
        for (String name : ours) {
            Class<?> type = Class.forName(name);
            assertThat(Throwable.class).as(name).isAssignableFrom(type);
        }
    }

    @Test
    void everyFunctionPlaceholder_shouldNameAPipelineFunction_andEveryDefinitionFunctionBeUsed() throws Exception {
        // given
        String text = Files.readString(DEFINITION);
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z]+FunctionArn)}").matcher(text);
        Set<String> used = new TreeSet<>();
        while (matcher.find()) {
            used.add("${" + matcher.group(1) + "}");
        }

        // when
        Set<String> declared = new TreeSet<>();
        PipelineFunction.inDefinition().forEach(f -> declared.add(f.placeholder().orElseThrow()));

        // then
        assertThat(used).isEqualTo(declared);
        for (PipelineFunction function : PipelineFunction.values()) {
            assertThat(Class.forName(function.handlerClass())).as(function.id()).isNotNull();
        }
    }
}
