package dev.reelsmith.providers;

import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shot a keyframe belongs to, for image providers that can use more than the prompt: the local
 * storyboard renderer draws the shot number, framing, camera move, caption and palette from it; vendor
 * adapters may ignore it or fold the palette into the prompt.
 *
 * @param shotId         the shot's stable id in the plan, e.g. {@code "s03"}
 * @param shotNumber     1-based position in the cut
 * @param totalShots     number of shots in the cut, at least {@code shotNumber}
 * @param shotType       framing
 * @param cameraMovement camera move the clip will perform
 * @param caption        what happens in the shot, in the user's words (may be empty, never null)
 * @param mood           the run's mood, e.g. {@code "energetic"}; null when the brief gives none
 * @param palette        brand or continuity colours as {@code #RRGGBB}, upper-cased; may be empty
 * @param title          the production's title; null when it has none
 */
public record FrameContext(String shotId, int shotNumber, int totalShots, ShotType shotType,
                           CameraMovement cameraMovement, String caption, String mood, List<String> palette,
                           String title) {
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public FrameContext {
        Checks.notBlank(shotId, "shotId");
        Checks.between(shotNumber, 1, 10_000, "shotNumber");
        if (totalShots < shotNumber || totalShots > 10_000) {
            throw new IllegalArgumentException("totalShots must be between shotNumber (" + shotNumber
                    + ") and 10000, was " + totalShots);
        }
        Checks.notNull(shotType, "shotType");
        Checks.notNull(cameraMovement, "cameraMovement");
        Checks.notNull(caption, "caption");
        mood = Checks.blankToNull(mood);
        Checks.notNull(palette, "palette");
        for (int i = 0; i < palette.size(); i++) {
            String colour = palette.get(i);
            if (colour == null || !HEX.matcher(colour).matches()) {
                throw new IllegalArgumentException("palette[" + i + "] must be a colour like #1A2B3C, was " + colour);
            }
        }
        palette = palette.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        title = Checks.blankToNull(title);
    }
}
