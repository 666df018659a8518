package dev.reelsmith.infra;

import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed access to the nested maps and lists of a synthesized template. */
final class TemplateMaps {
    private TemplateMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        assertThat(parent.get(key)).isInstanceOf(List.class);
        return (List<Object>) parent.get(key);
    }

    /** The one resource of {@code type} whose logical id starts with {@code logicalIdPrefix}. */
    static Map.Entry<String, Map<String, Object>> resource(Template template, String type, String logicalIdPrefix) {
        List<Map.Entry<String, Map<String, Object>>> matches = template.findResources(type).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(logicalIdPrefix))
                .toList();
        assertThat(matches).as(type + " " + logicalIdPrefix + "*").hasSize(1);
        return matches.get(0);
    }

    static Map<String, Object> properties(Template template, String type, String logicalIdPrefix) {
        return map(resource(template, type, logicalIdPrefix).getValue(), "Properties");
    }

    /** The statements of the policy whose logical id starts with {@code logicalIdPrefix}. */
    static List<Map<String, Object>> statements(Template template, String logicalIdPrefix) {
        Map<String, Object> policy = properties(template, "AWS::IAM::Policy", logicalIdPrefix);
        return list(map(policy, "PolicyDocument"), "Statement").stream().map(TemplateMaps::map).toList();
    }

    /** A statement's actions, whether the template holds one string or a list. */
    static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> many ? many.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(action));
    }

    /** A statement's resources, whether the template holds one or a list. */
    static List<Object> resources(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        return resource instanceof List<?> many ? List.copyOf(many) : List.of(resource);
    }

    /** The statements that allow {@code action}. */
    static List<Map<String, Object>> allowing(List<Map<String, Object>> statements, String action) {
        return statements.stream().filter(statement -> actions(statement).contains(action)).toList();
    }
}
