package dev.reelsmith.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one shot will be made: the keyframe tool, the motion tool (a generated clip, or Ken Burns motion over
 * the keyframe), what it costs, how long it takes, why these tools, and the ranked alternatives.
 *
 * @param shotId           the shot's id in {@code shots.json}
 * @param shotIndex        the shot's position, from 0
 * @param durationSeconds  how long the shot holds
 * @param importance       how much the shot matters to the story
 * @param keyframe         the image tool for the keyframe
 * @param motion           the video tool that animates it
 * @param costUsd          keyframe plus motion cost
 * @param estimatedSeconds wall time of keyframe then clip
 * @param reason           why these tools (1-600 characters)
 * @param alternatives     the next best ways to make the shot, best first (at most 5)
 */
public record ShotProduction(String shotId, int shotIndex, double durationSeconds, ShotImportance importance,
                             ToolChoice keyframe, ToolChoice motion, BigDecimal costUsd, double estimatedSeconds,
                             String reason, List<ToolAlternative> alternatives) {
    public static final int MAX_ALTERNATIVES = 5;

    public ShotProduction {
        FieldRules rules = FieldRules.labelled("shot production " + shotId);
        rules.requiredText("shotId", shotId, 64);
        rules.index("shotIndex", shotIndex);
        rules.positiveAtMost("durationSeconds", durationSeconds, 600);
        rules.required("importance", importance, "hero, standard or background");
        rules.required("keyframe", keyframe, "an image tool");
        rules.required("motion", motion, "a video tool");
        if (keyframe.kind() != ToolKind.IMAGE) {
            throw rules.fail("keyframe.kind", "enum", "must be image, was " + keyframe.kind().label());
        }
        if (motion.kind() != ToolKind.VIDEO) {
            throw rules.fail("motion.kind", "enum", "must be video, was " + motion.kind().label());
        }
        Money.notNegative(rules, "costUsd", costUsd);
        BigDecimal sum = keyframe.costUsd().add(motion.costUsd());
        if (!Money.same(costUsd, sum)) {
            throw rules.fail("costUsd", "consistency", "must be keyframe plus motion cost " + sum.toPlainString()
                    + ", was " + costUsd.toPlainString());
        }
        rules.notNegative("estimatedSeconds", estimatedSeconds);
        rules.requiredText("reason", reason, 600);
        alternatives = rules.list("alternatives", alternatives, MAX_ALTERNATIVES);
    }
}
