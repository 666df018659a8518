package dev.reelsmith.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.CallToAction;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Product;
import dev.reelsmith.domain.SongSidecar;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaDocumentationTest {
    private static JsonNode schema(String file) throws Exception {
        try (InputStream in = SchemaDocumentationTest.class.getResourceAsStream("/schemas/" + file)) {
            return Json.mapper().readTree(in);
        }
    }

    private static void collectUndocumented(JsonNode node, String pointer, List<String> undocumented) {
        for (String container : List.of("properties", "$defs")) {
            JsonNode children = node.path(container);
            for (Iterator<Map.Entry<String, JsonNode>> it = children.fields(); it.hasNext(); ) {
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
    @ValueSource(strings = {"brief.schema.json", "song-sidecar.schema.json"})
    void schema_shouldDocumentEveryProperty_whenPublishedToUsers(String file) throws Exception {
        // given
        JsonNode schema = schema(file);
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

    @Test
    void schema_shouldAgreeWithRecordLimits_whenBothCheckTheSameField() throws Exception {
        // given
        JsonNode brief = schema("brief.schema.json").path("properties");
        JsonNode sidecar = schema("song-sidecar.schema.json").path("properties");

        // when / then
        assertThat(brief.at("/durationSeconds/minimum").asInt()).isEqualTo(Brief.MIN_DURATION_SECONDS);
        assertThat(brief.at("/durationSeconds/maximum").asInt()).isEqualTo(Brief.MAX_DURATION_SECONDS);
        assertThat(brief.at("/keyMessages/maxItems").asInt()).isEqualTo(Brief.MAX_KEY_MESSAGES);
        assertThat(brief.at("/keyMessages/items/maxLength").asInt()).isEqualTo(Brief.MAX_KEY_MESSAGE_LENGTH);
        assertThat(brief.at("/title/maxLength").asInt()).isEqualTo(Brief.MAX_TITLE_LENGTH);
        assertThat(brief.at("/audience/maxLength").asInt()).isEqualTo(Brief.MAX_AUDIENCE_LENGTH);
        assertThat(brief.at("/tone/maxLength").asInt()).isEqualTo(Brief.MAX_TONE_LENGTH);
        assertThat(brief.at("/budgetUsd/maximum").decimalValue()).isEqualByComparingTo(Brief.MAX_BUDGET_USD);
        assertThat(brief.at("/product/properties/name/maxLength").asInt()).isEqualTo(Product.MAX_NAME_LENGTH);
        assertThat(brief.at("/product/properties/description/maxLength").asInt()).isEqualTo(Product.MAX_DESCRIPTION_LENGTH);
        assertThat(brief.at("/cta/properties/text/maxLength").asInt()).isEqualTo(CallToAction.MAX_TEXT_LENGTH);
        assertThat(sidecar.at("/lyrics/maxLength").asInt()).isEqualTo(SongSidecar.MAX_LYRICS_LENGTH);
        assertThat(sidecar.at("/title/maxLength").asInt()).isEqualTo(SongSidecar.MAX_TITLE_LENGTH);
    }

    @Test
    void schema_shouldUseThePatternsTheMessagesRecognise_whenWordingErrors() throws Exception {
        // given
        JsonNode brief = schema("brief.schema.json");
        JsonNode sidecar = schema("song-sidecar.schema.json");

        // when / then a changed pattern would silently fall back to "must match the pattern …"
        assertThat(brief.at("/$defs/text/pattern").asText()).isEqualTo(SchemaMessages.TEXT_PATTERN);
        assertThat(brief.at("/$defs/nonBlankText/pattern").asText()).isEqualTo(SchemaMessages.NON_BLANK_PATTERN);
        assertThat(brief.at("/$defs/hexColor/pattern").asText()).isEqualTo(SchemaMessages.HEX_COLOR_PATTERN);
        assertThat(brief.at("/$defs/providerId/pattern").asText()).isEqualTo(SchemaMessages.PROVIDER_ID_PATTERN);
        assertThat(brief.at("/properties/language/pattern").asText()).isEqualTo(SchemaMessages.LANGUAGE_PATTERN);
        assertThat(brief.at("/properties/cta/properties/url/pattern").asText()).isEqualTo(SchemaMessages.URL_PATTERN);
        assertThat(brief.at("/properties/brand/properties/logoKey/pattern").asText())
                .isEqualTo(SchemaMessages.OBJECT_KEY_PATTERN);
        assertThat(sidecar.at("/$defs/text/pattern").asText()).isEqualTo(SchemaMessages.TEXT_PATTERN);
        assertThat(sidecar.at("/properties/style/properties/palette/items/pattern").asText())
                .isEqualTo(SchemaMessages.HEX_COLOR_PATTERN);
    }

    @Test
    void readme_shouldShowValidExamples_whenDescribingBothFormats() throws Exception {
        // given
        String readme;
        try (InputStream in = SchemaDocumentationTest.class.getResourceAsStream("/schemas/README.md")) {
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        UploadValidator validator = new UploadValidator();

        // when
        Brief brief = validator.parseBrief(blocks.get(0).getBytes(StandardCharsets.UTF_8));
        SongSidecar sidecar = validator.parseSidecar(blocks.get(1).getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(blocks).hasSize(2);
        assertThat(brief.brand().logoKey()).isEqualTo("brand/stride/logo.png");
        assertThat(sidecar.timedLyrics()).hasSize(3);
    }
}
