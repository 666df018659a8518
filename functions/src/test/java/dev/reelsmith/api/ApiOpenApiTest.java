package dev.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.steps.StepConfig;
import dev.reelsmith.steps.StepDependencies;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code openapi.json} and the handler's route table to each other, both ways, and checks the document's
 * structure: what an OpenAPI 3.1 reader needs, internal references that resolve, external ones that name a
 * schema shipped on the class path, declared path parameters, and problem responses in problem+json.
 */
class ApiOpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private static JsonNode document() throws Exception {
        try (InputStream in = ApiOpenApiTest.class.getClassLoader().getResourceAsStream("openapi.json")) {
            assertThat(in).as("openapi.json on the class path").isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    private static Set<String> documentedOperations(JsonNode document) {
        Set<String> keys = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (METHODS.contains(method)) {
                        keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return keys;
    }

    @Test
    void routes_shouldBeExactlyTheDocumentedOperations_bothWays() throws Exception {
        // given
        ApiHandler handler = new ApiHandler(StepDependencies.builder(StepConfig.from(Map.of("REELSMITH_TABLE", "t",
                "REELSMITH_ARTIFACTS_BUCKET", "a", "REELSMITH_INBOX_BUCKET", "i"))).build());

        // when
        Set<String> documented = documentedOperations(document());
        Set<String> routed = new TreeSet<>(handler.routeKeys());

        // then
        assertThat(routed).as("routes missing from openapi.json")
                .allSatisfy(route -> assertThat(documented).contains(route));
        assertThat(documented).as("documented operations without a route")
                .allSatisfy(operation -> assertThat(routed).contains(operation));
        assertThat(handler.routeKeys()).doesNotHaveDuplicates();
    }

    @Test
    void document_shouldHaveTheStructureOfAnOpenApi31Document() throws Exception {
        // given
        JsonNode document = document();

        // when
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            Set<String> templated = new TreeSet<>();
            Matcher matcher = TEMPLATE.matcher(path.getKey());
            while (matcher.find()) {
                templated.add(matcher.group(1));
            }
            path.getValue().fields().forEachRemaining(entry -> {
                String where = entry.getKey() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (!operationIds.add(operation.path("operationId").asText())) {
                    problems.add(where + ": operationId missing or repeated");
                }
                if (operation.path("responses").isEmpty()) {
                    problems.add(where + ": no responses");
                }
                Set<String> declared = new TreeSet<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode resolved = resolve(document, parameter);
                    if (resolved.path("in").asText().equals("path")) {
                        declared.add(resolved.path("name").asText());
                        if (!resolved.path("required").asBoolean()) {
                            problems.add(where + ": path parameter " + resolved.path("name") + " not required");
                        }
                    }
                }
                if (!declared.equals(templated)) {
                    problems.add(where + ": path parameters " + declared + " do not match the template "
                            + templated);
                }
                operation.path("responses").fields().forEachRemaining(response -> {
                    JsonNode resolved = resolve(document, response.getValue());
                    int status = Integer.parseInt(response.getKey());
                    if (status >= 400 && !resolved.path("content").has("application/problem+json")) {
                        problems.add(where + " " + status + ": errors must be application/problem+json");
                    }
                    if (resolved.path("description").asText().isBlank()) {
                        problems.add(where + " " + status + ": no description");
                    }
                });
            });
        });
        references(document, document, problems);

        // then
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(problems).isEmpty();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    /** Every internal $ref resolves; every external one names a schema on the class path. */
    private static void references(JsonNode document, JsonNode node, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (target.startsWith("#/")) {
                    if (document.at(target.substring(1)).isMissingNode()) {
                        problems.add("unresolved " + target);
                    }
                } else if (target.startsWith("https://reelsmith.dev/schemas/")) {
                    String file = "schemas/" + target.substring("https://reelsmith.dev/schemas/".length());
                    if (ApiOpenApiTest.class.getClassLoader().getResource(file) == null) {
                        problems.add("no schema " + file + " for " + target);
                    }
                } else {
                    problems.add("unexpected reference " + target);
                }
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                references(document, children.next(), problems);
            }
        } else if (node.isArray()) {
            node.forEach(child -> references(document, child, problems));
        }
    }
}
