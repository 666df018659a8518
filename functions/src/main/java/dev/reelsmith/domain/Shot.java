package dev.reelsmith.domain;

import java.util.regex.Pattern;

/**
 * One planned shot: where it sits in the video, how it is framed and lit, and the prompts that generate it.
 * A null {@code transitionIn} means {@link Transition#CUT}.
 *
 * @param id              stable id used in object keys and logs, e.g. {@code s01} (1-64 letters, digits, '_', '.'
 *                        or '-', the same rule as {@link TimelineShot})
 * @param beatIndex       the script beat the shot belongs to, from 0
 * @param index           position among all shots of the video, from 0
 * @param startSeconds    where the shot starts on the video's timeline
 * @param durationSeconds how long it holds (greater than 0, at most 600)
 * @param shotType        how much of the scene is framed
 * @param cameraMovement  how the camera moves
 * @param lens            the focal length
 * @param lighting        the lighting set-up
 * @param composition     framing notes, e.g. "rule of thirds, shoe lower left, lead room right" (1-200 characters)
 * @param description     what the viewer sees (1-1,000 characters)
 * @param keyframePrompt  the image prompt for the keyframe (1-4,000 characters; adapters shorten per provider)
 * @param negativePrompt  what to keep out of the frame, or null (up to 1,000 characters)
 * @param continuity      seed, subject, palette and style shared across shots
 * @param onScreenText    text overlaid on the shot, or null (up to 200 characters)
 * @param transitionIn    how the shot arrives
 */
public record Shot(String id, int beatIndex, int index, double startSeconds, double durationSeconds,
                   ShotType shotType, CameraMovement cameraMovement, Lens lens, Lighting lighting,
                   String composition, String description, String keyframePrompt, String negativePrompt,
                   ContinuityAnchors continuity, String onScreenText, Transition transitionIn) {
    public static final int MAX_KEYFRAME_PROMPT_LENGTH = 4000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Shot {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "pattern",
                    "shot id must be 1-64 letters, digits, '_', '.' or '-', was " + id);
        }
        FieldRules rules = FieldRules.labelled("shot " + id);
        rules.index("beatIndex", beatIndex);
        rules.index("index", index);
        rules.notNegative("startSeconds", startSeconds);
        rules.positiveAtMost("durationSeconds", durationSeconds, 600);
        rules.required("shotType", shotType, "e.g. close-up");
        rules.required("cameraMovement", cameraMovement, "e.g. push-in");
        rules.required("lens", lens, "e.g. 35mm");
        rules.required("lighting", lighting, "e.g. golden-hour");
        rules.requiredText("composition", composition, 200);
        rules.requiredText("description", description, 1000);
        rules.requiredText("keyframePrompt", keyframePrompt, MAX_KEYFRAME_PROMPT_LENGTH);
        rules.optionalText("negativePrompt", negativePrompt, 1000);
        rules.required("continuity", continuity, "seed, subject, palette, style keywords");
        rules.optionalText("onScreenText", onScreenText, Beat.MAX_ON_SCREEN_TEXT_LENGTH);
        transitionIn = transitionIn == null ? Transition.CUT : transitionIn;
    }

    /** Where the shot ends: {@code startSeconds + durationSeconds}. */
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
