package dev.reelsmith.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.reelsmith.domain.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactSchemasTest {
    /** Validates against an in-memory schema document (what a text model receives), mapping $ids to the classpath. */
    static List<String> validateAgainst(JsonNode schema, JsonNode instance) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix("https://reelsmith.dev/schemas/", "classpath:schemas/")));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : factory.getSchema(schema).validate(instance)) {
            problems.add(message.getInstanceLocation() + ": " + message.getMessage());
        }
        return problems;
    }

    private static void collectUndocumented(JsonNode node, String pointer, List<String> undocumented) {
        for (String container : List.of("properties", "$defs")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path(container).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> child = it.next();
                String childPointer = pointer + "/" + container + "/" + child.getKey();
                if (!child.getValue().hasNonNull("title") || !child.getValue().hasNonNull("description")) {
                    undocumented.add(childPointer);
                }
                collectUndocumented(child.getValue(), childPointer, undocumented);
            }
        }
        if (node.has("items")) {
            if (!node.get("items").hasNonNull("title") || !node.get("items").hasNonNull("description")) {
                undocumented.add(pointer + "/items");
            }
            collectUndocumented(node.get("items"), pointer + "/items", undocumented);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ArtifactSchemas.SCRIPT, ArtifactSchemas.SHOTS, ArtifactSchemas.PLAN,
            ArtifactSchemas.PRODUCTION_INTENT, ArtifactSchemas.TOOL_CATALOG})
    void schema_shouldDocumentEveryProperty_whenPublished(String file) {
        // given
        JsonNode schema = ArtifactSchemas.schema(file);
        List<String> undocumented = new ArrayList<>();

        // when
        collectUndocumented(schema, "", undocumented);

        // then
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://reelsmith.dev/schemas/" + file);
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(undocumented).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ArtifactSchemas.SCRIPT, ArtifactSchemas.SHOTS, ArtifactSchemas.PLAN})
    void validate_shouldNameTheField_whenAnArtifactBreaksItsSchema(String file) {
        // given
        JsonNode empty = Json.mapper().createObjectNode().put("unexpected", true);

        // when
        List<String> problems = ArtifactSchemas.validate(file, empty);

        // then
        assertThat(problems).isNotEmpty().anySatisfy(p -> assertThat(p).contains("unexpected"));
    }
}
