package dev.reelsmith.agents.production;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.providers.text.StructuredRequest;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Builds the production planner's request for {@link ProductionIntent}: the shots with their beat's purpose and
 * emotion, and what the budget and quality priority are, in prose and as the JSON context the offline planner
 * reads.
 */
public final class ProductionPrompts {
    /** The task name the offline planner dispatches on. */
    public static final String TASK = "production-intent";

    private ProductionPrompts() {
    }

    public static StructuredRequest<ProductionIntent> request(PlanningInput input, Script script, ShotList shots) {
        ObjectNode context = context(input, script, shots);
        return new StructuredRequest<>(TASK, system(), user(input, shots, context),
                ArtifactSchemas.schema(ArtifactSchemas.PRODUCTION_INTENT), ProductionIntent.class, 0.2,
                Math.min(200_000, 1000 + 80 * shots.shots().size()), context);
    }

    static ObjectNode context(PlanningInput input, Script script, ShotList shots) {
        ObjectNode context = Json.mapper().createObjectNode();
        context.put("kind", input.kind().label());
        context.put("title", input.title());
        context.put("budgetUsd", input.budgetUsd());
        context.put("qualityPriority", input.preferences().qualityPriority().label());
        if (input.brief() != null && input.brief().product() != null) {
            context.put("productName", input.brief().product().name());
        }
        ArrayNode list = context.putArray("shots");
        for (Shot shot : shots.shots()) {
            Beat beat = script.beats().get(shot.beatIndex());
            ObjectNode node = list.addObject();
            node.put("shotId", shot.id());
            node.put("index", shot.index());
            node.put("beatIndex", shot.beatIndex());
            node.put("beatPurpose", beat.purpose().label());
            node.put("firstOfBeat", shots.shotsOfBeat(beat.index()).get(0).id().equals(shot.id()));
            node.put("emotion", beat.emotion());
            node.put("durationSeconds", shot.durationSeconds());
            node.put("shotType", shot.shotType().label());
            node.put("cameraMovement", shot.cameraMovement().label());
            node.put("description", shot.description());
            if (beat.sectionLabel() != null) {
                node.put("sectionLabel", beat.sectionLabel());
            }
            if (shot.onScreenText() != null) {
                node.put("onScreenText", shot.onScreenText());
            }
        }
        return context;
    }

    static String system() {
        return """
                You are VideoSolver, the production planner of Reelsmith. Before tools are priced, judge each shot.
                importance: hero for the moments the video stands on (the hook, the product reveal, the first shot of
                a chorus, the end card of an ad), background for cutaways and textures the story survives without,
                standard otherwise. motion: essential when the shot needs real movement a still cannot fake (subject
                action, an orbit, a handheld camera), optional when a push, pull, pan or tilt over a still would do,
                none for stills and end cards. Give one short reason per shot. List every shot once, in order.
                Answer with one JSON object that matches the schema.""";
    }

    static String user(PlanningInput input, ShotList shots, ObjectNode context) {
        StringBuilder text = new StringBuilder();
        text.append("# Production intent for ").append(input.title()).append("\n\n");
        text.append(String.format(Locale.ROOT, "Budget %s USD, quality priority %s, %d shots%n%n",
                input.budgetUsd().toPlainString(), input.preferences().qualityPriority().label(), shots.shots().size()));
        for (Shot shot : shots.shots()) {
            text.append(String.format(Locale.ROOT, "- %s (%.2f s, %s, %s): %s%n", shot.id(), shot.durationSeconds(),
                    shot.shotType().label(), shot.cameraMovement().label(), shot.description()));
        }
        try {
            text.append("\n## The same material as JSON\n```json\n").append(Json.mapper().writeValueAsString(context))
                    .append("\n```\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
