package dev.reelsmith.providers.text.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.providers.text.Pitch;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictSchemasTest {
    @Test
    void strictVariant_shouldDropLimitsStrictModeRejects_whenEveryPropertyIsRequired() {
        // given
        JsonNode schema = Pitch.schema();

        // when
        Optional<ObjectNode> strict = StrictSchemas.strictVariant(schema);

        // then
        assertThat(strict).hasValueSatisfying(s -> {
            assertThat(s.has("$schema")).isFalse();
            assertThat(s.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(s.at("/properties/title").has("minLength")).isFalse();
            assertThat(s.at("/properties/title").has("maxLength")).isFalse();
            assertThat(s.at("/properties/durationSeconds/minimum").asInt()).isEqualTo(6);
            assertThat(s.at("/properties/beats/minItems").asInt()).isEqualTo(1);
            assertThat(s.at("/properties/beats/items").has("minLength")).isFalse();
        });
        assertThat(schema.at("/properties/title").has("minLength")).as("the request schema is untouched").isTrue();
    }

    @Test
    void strictVariant_shouldCloseNestedObjects_whenTheyLackAdditionalProperties() {
        // given
        JsonNode schema = Pitch.json("""
                {"type":"object","required":["shots"],"properties":{"shots":{"type":"array","items":
                  {"$ref":"#/$defs/shot"}}},
                 "$defs":{"shot":{"type":"object","required":["kind"],"properties":{"kind":
                  {"anyOf":[{"type":"string","enum":["wide","close"]},{"type":"null"}]}}}}}""");

        // when
        Optional<ObjectNode> strict = StrictSchemas.strictVariant(schema);

        // then
        assertThat(strict).hasValueSatisfying(s -> {
            assertThat(s.path("additionalProperties").isBoolean()).isTrue();
            assertThat(s.at("/$defs/shot/additionalProperties").asBoolean(true)).isFalse();
        });
    }

    @Test
    void strictVariant_shouldBeEmpty_whenAPropertyIsOptional() {
        // given
        JsonNode schema = Pitch.json("""
                {"type":"object","required":["title"],"properties":{"title":{"type":"string"},
                 "subtitle":{"type":"string"}}}""");

        // when / then
        assertThat(StrictSchemas.strictVariant(schema)).isEmpty();
    }

    @Test
    void strictVariant_shouldBeEmpty_whenSchemaUsesOneOf() {
        // given
        JsonNode schema = Pitch.json("""
                {"type":"object","required":["a"],"properties":{"a":{"oneOf":[{"type":"string"},
                 {"type":"integer"}]}}}""");

        // when / then
        assertThat(StrictSchemas.strictVariant(schema)).isEmpty();
    }

    @Test
    void strictVariant_shouldBeEmpty_whenAnObjectIsOpen() {
        // given
        JsonNode schema = Pitch.json("""
                {"type":"object","required":["tags"],"properties":{"tags":{"type":"object",
                 "additionalProperties":{"type":"string"}}}}""");

        // when / then
        assertThat(StrictSchemas.strictVariant(schema)).isEmpty();
    }
}
