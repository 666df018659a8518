package dev.reelsmith.infra;

import dev.reelsmith.steps.PipelineFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.reelsmith.infra.TemplateMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The handler every deployed function names is a class in the functions jar that Lambda's Java runtime can call. */
class HandlerClassesTest {

    @Test
    void handlers_shouldBeLoadableRuntimeHandlers_whenNamedByTheStacks() throws ReflectiveOperationException {
        // given
        Deployment deployment = TestApps.defaults();
        Set<String> handlers = new HashSet<>();
        for (Template template : new Template[]{TestApps.template(deployment.pipeline()),
                TestApps.template(deployment.api())}) {
            for (Map<String, Object> function : template.findResources("AWS::Lambda::Function").values()) {
                handlers.add((String) map(function, "Properties").get("Handler"));
            }
        }
        ClassLoader loader = getClass().getClassLoader();
        Class<?> streamHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
        Class<?> typedHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler");

        // when
        Set<String> expected = Arrays.stream(PipelineFunction.values()).map(PipelineFunction::handlerClass)
                .collect(Collectors.toSet());

        // then
        assertThat(handlers).isEqualTo(expected);
        for (String handler : handlers) {
            Class<?> type = Class.forName(handler, false, loader);
            assertThat(streamHandler.isAssignableFrom(type) || typedHandler.isAssignableFrom(type))
                    .as(handler + " implements RequestStreamHandler or RequestHandler").isTrue();
            assertThat(type.getConstructor()).as(handler + " has the public no-arg constructor Lambda calls")
                    .isNotNull();
        }
    }
}
