package dev.reelsmith.providers.text.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.Fixtures;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.script.ScriptPrompts;
import dev.reelsmith.agents.script.ScriptSkeleton;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Script;
import dev.reelsmith.providers.text.StructuredOutputException;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTextModelTest {
    private final LocalTextModel model = new LocalTextModel();

    private static StructuredRequest<Script> scriptRequest(String brief) {
        PlanningInput input = Fixtures.briefInput(brief);
        return ScriptPrompts.request(input, ScriptSkeleton.build(input));
    }

    @Test
    void generate_shouldAnswerWithASchemaValidScriptAtNoCost_whenAskedForAScript() {
        // given
        StructuredRequest<Script> request = scriptRequest("coffee-ad-30s");

        // when
        StructuredResult<Script> result = model.generate(request);

        // then
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SCRIPT, result.json())).isEmpty();
        assertThat(result.value().beats()).hasSize(8);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.usage().costUsd()).isZero();
        assertThat(result.usage().inputTokens()).isGreaterThan(500);
        assertThat(result.usage().outputTokens()).isGreaterThan(100);
        assertThat(model.providerId()).isEqualTo("local");
        assertThat(model.modelId()).isEqualTo("offline-planner");
    }

    @Test
    void generate_shouldGiveTheSameAnswer_whenAskedTheSameTwice() {
        // given
        StructuredRequest<Script> request = scriptRequest("sneaker-ad");

        // when
        JsonNode first = model.generate(request).json();
        JsonNode second = new LocalTextModel().generate(request).json();

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void generate_shouldWriteFromTheContextAlone_whenThePromptsSayLittle() {
        // given: the offline planner reads the context, the way a remote model reads the prompt
        StructuredRequest<Script> full = scriptRequest("sneaker-ad");
        StructuredRequest<Script> terse = new StructuredRequest<>(full.task(), "Write the script.", "See context.",
                full.schema(), Script.class, 0.7, 1000, full.context());

        // when
        StructuredResult<Script> result = model.generate(terse);

        // then
        assertThat(result.json()).isEqualTo(model.generate(full).json());
        assertThat(result.value().beats().get(0).visualIntent()).contains("Stride One");
    }

    @Test
    void generate_shouldChooseTheWorldFromTheProduct_whenBriefsDiffer() {
        // when
        Script sneaker = model.generate(scriptRequest("sneaker-ad")).value();
        Script coffee = model.generate(scriptRequest("coffee-ad-30s")).value();
        Script explainer = model.generate(scriptRequest("explainer")).value();

        // then
        assertThat(sneaker.beats().get(0).visualIntent()).contains("puddle on wet asphalt");
        assertThat(coffee.beats().get(0).visualIntent()).contains("cold milk blooms into dark coffee");
        assertThat(explainer.beats().get(0).visualIntent()).contains("radiator");
        assertThat(coffee.beats().get(0).emotion()).isEqualTo("curiosity");
        assertThat(sneaker.beats().get(0).emotion()).isEqualTo("adrenaline");
    }

    @Test
    void generate_shouldRefuseWithTheKnownTasks_whenTheTaskHasNoTemplate() {
        // given
        StructuredRequest<JsonNode> request = new StructuredRequest<>("poem", "Write a poem.", "About shoes.",
                Json.mapper().createObjectNode().put("type", "object"), JsonNode.class, 0.5, 100,
                Json.mapper().createObjectNode());

        // when / then
        assertThatThrownBy(() -> model.generate(request))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessageContaining("no template for task poem")
                .hasMessageContaining("known tasks: script, shots, production-intent");
    }

    @Test
    void generate_shouldFailLikeAnyModel_whenItsAnswerBreaksTheRequestedSchema() {
        // given: a schema the script template cannot satisfy
        StructuredRequest<Script> real = scriptRequest("sneaker-ad");
        JsonNode strict = Json.mapper().createObjectNode().put("type", "object").put("maxProperties", 1);
        StructuredRequest<JsonNode> request = new StructuredRequest<>(real.task(), real.systemPrompt(), real.userPrompt(),
                strict, JsonNode.class, 0.7, 1000, real.context());

        // when / then
        assertThatThrownBy(() -> model.generate(request))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessageContaining("answer does not match the schema");
    }

    @Test
    void productFacts_shouldFindTheLookAndTheDetails_whenDescriptionsLeadWithWhatItIs() {
        // given
        JsonNode sneaker = Json.mapper().valueToTree(Fixtures.brief("sneaker-ad"));
        JsonNode coffee = Json.mapper().valueToTree(Fixtures.brief("coffee-ad-30s"));

        // when
        ProductFacts shoe = new ProductFacts(sneaker);
        ProductFacts brew = new ProductFacts(coffee);

        // then
        assertThat(shoe.look).isEqualTo("a lightweight road-running shoe, volt-green engineered knit upper");
        assertThat(shoe.detailFor("Rebound foam that gives energy back with every stride", 0))
                .isEqualTo("translucent rebound-foam midsole with a visible honeycomb");
        assertThat(shoe.detailFor("Reflective details for runs before sunrise and after dark", 0))
                .isEqualTo("black rubber outsole and a reflective silver heel tab");
        assertThat(shoe.audience).isEqualTo("urban runners");
        assertThat(brew.look).isEqualTo("a squat amber glass bottle with a cream paper label and a copper cap");
        assertThat(brew.offer).isEqualTo("20% off");
    }

    @Test
    void colourNames_shouldNameBrandColoursForPrompts_whenGivenHex() {
        // when / then
        assertThat(ColourNames.of(List.of("#C6FF00", "#111111", "#F5F5F0", "#3B2416")))
                .containsExactly("volt green", "near-black", "off-white", "espresso brown");
    }

    @Test
    void generate_shouldAnswerTheSongScriptWithoutNarration_whenTheRunIsAMusicVideo() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);

        // when
        Script script = model.generate(ScriptPrompts.request(input, ScriptSkeleton.build(input))).value();

        // then
        assertThat(script.beats()).allSatisfy(b -> assertThat(b.narration()).isNull());
        assertThat(script.beats()).extracting(b -> b.sectionLabel()).containsExactly("intro", "verse", "chorus 1",
                "bridge", "chorus 2", "outro");
    }
}
