package dev.reelsmith.agents.shots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.providers.text.StructuredRequest;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the shot planner's request: role and rules, the script with the computed slots and library presets per
 * beat, and the continuity anchors, in prose and as the same JSON context the offline planner reads.
 */
public final class ShotPrompts {
    /** The task name the offline planner dispatches on. */
    public static final String TASK = "shots";

    private ShotPrompts() {
    }

    /** The request for the shots of {@code script}, cut into {@code slots}, with the fixed {@code anchors}. */
    public static StructuredRequest<ShotList> request(PlanningInput input, Script script, List<ShotSlot> slots,
                                                      ContinuityAnchors anchors, ShotLibrary library) {
        ObjectNode context = context(input, script, slots, anchors, library);
        int maxTokens = Math.min(200_000, 6000 + 700 * slots.size());
        return new StructuredRequest<>(TASK, system(), user(input, script, slots, anchors, context),
                ArtifactSchemas.schema(ArtifactSchemas.SHOTS), ShotList.class, 0.7, maxTokens, context);
    }

    static ObjectNode context(PlanningInput input, Script script, List<ShotSlot> slots, ContinuityAnchors anchors,
                              ShotLibrary library) {
        ObjectNode context = Json.mapper().createObjectNode();
        context.put("kind", input.kind().label());
        context.put("name", input.name());
        context.put("title", input.title());
        context.put("aspectRatio", input.aspectRatio().label());
        context.put("durationSeconds", script.totalDurationSeconds());
        context.put("fps", Pacing.FPS);
        context.put("minimumShotSeconds", Pacing.minShotSeconds(input.kind()));
        context.put("maximumShotSeconds", Pacing.MAX_SHOT_SECONDS);
        context.set("continuity", Json.mapper().valueToTree(anchors));
        Brief brief = input.brief();
        if (brief != null) {
            context.set("brief", Json.mapper().valueToTree(brief));
        }
        if (input.song() != null) {
            SongSidecar sidecar = input.song().sidecar();
            ObjectNode song = context.putObject("song");
            song.put("tempoBpm", input.song().analysis().tempoBpm());
            if (sidecar.title() != null) {
                song.put("title", sidecar.title());
            }
            if (sidecar.artist() != null) {
                song.put("artist", sidecar.artist());
            }
            if (sidecar.mood() != null) {
                song.put("mood", sidecar.mood());
            }
            if (sidecar.genre() != null) {
                song.put("genre", sidecar.genre());
            }
            song.set("style", Json.mapper().valueToTree(sidecar.style()));
        }
        ObjectNode framings = context.putObject("shotTypes");
        for (Map.Entry<ShotType, ShotLibrary.Framing> entry : library.framings().entrySet()) {
            framings.set(entry.getKey().label(), Json.mapper().valueToTree(entry.getValue()));
        }
        ArrayNode beats = context.putArray("beats");
        for (Beat beat : script.beats()) {
            ObjectNode node = beats.addObject();
            node.setAll((ObjectNode) Json.mapper().valueToTree(beat));
            if (beat.keyMessageIndex() != null && brief != null && beat.keyMessageIndex() < brief.keyMessages().size()) {
                node.put("keyMessage", brief.keyMessages().get(beat.keyMessageIndex()));
            }
            ArrayNode beatSlots = node.putArray("slots");
            for (ShotSlot slot : slots) {
                if (slot.beatIndex() == beat.index()) {
                    beatSlots.add(Json.mapper().valueToTree(slot));
                }
            }
            node.set("presets", Json.mapper().valueToTree(library.presets(beat.purpose())));
        }
        return context;
    }

    static String system() {
        return """
                You are ShotMaster, the shot planner of Reelsmith, an AI video production pipeline. You turn a script
                into shots that image and video models will generate, so every field must be concrete and visual.

                Rules:
                1. One shot per slot, in order: use each slot's beatIndex, startSeconds and durationSeconds exactly
                   (the cuts are already on the beat grid). Number shots with index 0, 1, 2, ... and ids s01, s02, ...
                2. Choose shotType, cameraMovement, lens, lighting and composition for each shot; the beat's presets
                   are good starting points. Never give two shots in a row the same shot type and camera movement.
                3. description: what the viewer sees, one or two sentences.
                4. keyframePrompt: a complete image prompt for the shot's first frame: shot type and lens, subject
                   and action, setting, composition, lighting, then the continuity subject and every style keyword,
                   and the palette as colour words. Leave clean space where on-screen text will go.
                5. negativePrompt: what image models must avoid (text artefacts, extra limbs, logos that are not the
                   product, off-brand colours), or null.
                6. continuity: identical in every shot. Keep the given seed, subject, palette and styleKeywords; where
                   the subject is null or the lists are empty, choose them once (a protagonist and world for a music
                   video, three to five style keywords for an ad) and repeat them in every shot.
                7. onScreenText: the beat's on-screen text on the beat's first shot (the call to action on the last
                   shot of the video), else null. transitionIn: cut on the beat; crossfade or dip-to-black only
                   where the mood changes.
                Answer with one JSON object that matches the schema.""";
    }

    static String user(PlanningInput input, Script script, List<ShotSlot> slots, ContinuityAnchors anchors,
                       ObjectNode context) {
        StringBuilder text = new StringBuilder();
        text.append("# Shots for ").append(input.title()).append("\n\n");
        text.append(String.format(Locale.ROOT, "%s, %s, %.3f s, %d slots%n", input.kind().label(),
                input.aspectRatio().label(), script.totalDurationSeconds(), slots.size()));
        text.append("Continuity: seed ").append(anchors.seed());
        if (anchors.subject() != null) {
            text.append(", subject \"").append(anchors.subject()).append('"');
        }
        if (!anchors.palette().isEmpty()) {
            text.append(", palette ").append(String.join(" ", anchors.palette()));
        }
        if (!anchors.styleKeywords().isEmpty()) {
            text.append(", style ").append(String.join(", ", anchors.styleKeywords()));
        }
        text.append("\n\n## Beats and slots\n");
        for (Beat beat : script.beats()) {
            text.append(String.format(Locale.ROOT, "- beat %d %s (%.3f-%.3f s, %s): %s%n", beat.index(),
                    beat.purpose().label(), beat.startSeconds(), beat.endSeconds(), beat.emotion(), beat.visualIntent()));
            if (beat.onScreenText() != null) {
                text.append("  on screen: \"").append(beat.onScreenText()).append("\"\n");
            }
            for (ShotSlot slot : slots) {
                if (slot.beatIndex() == beat.index()) {
                    text.append(String.format(Locale.ROOT, "  slot %.3f s + %.3f s%n", slot.startSeconds(),
                            slot.durationSeconds()));
                }
            }
        }
        text.append("\n## The same material as JSON (with shot library presets per beat)\n```json\n")
                .append(json(context)).append("\n```\n");
        return text.toString();
    }

    private static String json(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
