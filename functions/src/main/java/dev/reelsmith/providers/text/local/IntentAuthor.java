package dev.reelsmith.providers.text.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges each shot for the production planner without a model: the opening shot of the hook, the product reveal,
 * each chorus and the end card are heroes; later cutaways in problem, agitation, context, verse and instrumental
 * beats and detail inserts are background. Static shots need no motion; orbits, handheld and point-of-view shots
 * and shots of people or things in action need real motion; pushes, pulls, pans and tilts can be imitated.
 */
final class IntentAuthor {
    private static final Set<String> HERO_BEATS = Set.of("hook", "solution", "chorus", "cta", "how-it-works");
    private static final Set<String> BACKGROUND_BEATS = Set.of("problem", "agitation", "context", "verse", "instrumental");
    private static final Set<String> INSERTS = Set.of("detail", "insert", "extreme-close-up");
    private static final Pattern ACTION = Pattern.compile("(?<![-\\w])(turning|rotating|runs?|running|runner glides|glides|strides?|pours?|pouring|"
            + "splash\\w*|strikes?|danc\\w+|driv\\w+|cruises?|races?|racing|jump\\w*|spin\\w*|walks?|walking|rides?|"
            + "riding|bursts?|explod\\w+|surg\\w+|floats?|swirl\\w*|blooms?|sings?|singing|plays?|playing|laughs?|"
            + "laughing|waves? break|slides?|sliding|tears down)\\b", Pattern.CASE_INSENSITIVE);

    ObjectNode write(JsonNode context) {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode shots = out.putArray("shots");
        Set<String> heroBeatsSeen = new HashSet<>();
        String product = context.path("productName").asText("");
        for (JsonNode shot : context.path("shots")) {
            String purpose = shot.path("beatPurpose").asText();
            boolean first = shot.path("firstOfBeat").asBoolean();
            String type = shot.path("shotType").asText();
            String move = shot.path("cameraMovement").asText();
            // the product's own name ("Stride One") must not read as action
            String description = product.isBlank() ? shot.path("description").asText()
                    : shot.path("description").asText().replace(product, "the product");
            String importance;
            String why;
            if (first && HERO_BEATS.contains(purpose)) {
                importance = "hero";
                why = switch (purpose) {
                    case "hook" -> "It opens the video and has to stop the scroll";
                    case "solution" -> "It is the product reveal";
                    case "chorus" -> heroBeatsSeen.contains("chorus") ? "It opens a chorus, the song's peak"
                            : "It opens the first chorus, the song's peak";
                    case "cta" -> "It is the end card viewers act on";
                    default -> "It shows how the product works, the heart of the explainer";
                };
                heroBeatsSeen.add(purpose);
            } else if ((!first && (BACKGROUND_BEATS.contains(purpose) || INSERTS.contains(type)))
                    || (first && "instrumental".equals(purpose))) {
                importance = "background";
                why = "A cutaway the story survives without";
            } else {
                importance = "standard";
                why = "It carries the " + ("cta".equals(purpose) ? "call-to-action" : purpose.replace('-', ' ')) + " beat";
            }
            String motion;
            if ("static".equals(move)) {
                motion = "none";
                why += "; a held frame needs no generated motion";
            } else if ("orbit".equals(move) || "handheld".equals(move) || "pov".equals(type)) {
                motion = "essential";
                why += "pov".equals(type) ? "; a point-of-view camera cannot be faked over a still"
                        : ("orbit".equals(move) ? "; an orbiting" : "; a handheld") + " camera cannot be faked over a still";
            } else if (ACTION.matcher(description).find()) {
                motion = "essential";
                why += "; the action needs real movement";
            } else {
                motion = "optional";
                why += "; a " + move.replace('-', ' ') + " can be imitated over the keyframe";
            }
            ObjectNode intent = shots.addObject();
            intent.put("shotId", shot.path("shotId").asText());
            intent.put("importance", importance);
            intent.put("motion", motion);
            intent.put("reason", ScriptAuthor.cut(why + ".", 300));
        }
        return out;
    }
}
