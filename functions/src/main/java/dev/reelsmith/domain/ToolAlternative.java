package dev.reelsmith.domain;

import java.math.BigDecimal;

/**
 * A way of making a shot that the production planner ranked below its choice, kept so a reviewer (or the
 * fallback after a failed generation) can see what else was possible and what it would cost.
 *
 * @param keyframeToolId   the image tool
 * @param motionToolId     the video tool (or {@code local-ken-burns})
 * @param costUsd          what the shot would cost with these tools
 * @param estimatedSeconds wall time of the shot's keyframe and clip, one after the other
 * @param score            the planner's quality score for the shot with these tools (0-150)
 * @param note             why it ranked lower, e.g. "$0.84 more for +6 quality" (1-300 characters)
 */
public record ToolAlternative(String keyframeToolId, String motionToolId, BigDecimal costUsd, double estimatedSeconds,
                              double score, String note) {
    public ToolAlternative {
        FieldRules rules = FieldRules.labelled("alternative " + keyframeToolId + " + " + motionToolId);
        rules.requiredText("keyframeToolId", keyframeToolId, 80);
        rules.requiredText("motionToolId", motionToolId, 80);
        Money.notNegative(rules, "costUsd", costUsd);
        rules.notNegative("estimatedSeconds", estimatedSeconds);
        rules.notNegative("score", score);
        rules.requiredText("note", note, 300);
    }
}
