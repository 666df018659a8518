package dev.reelsmith.media.edit;

import java.util.regex.Pattern;

/**
 * The media one planned shot ended up with: its keyframe, its clip when one was generated, and whether it may be
 * used. Paths are local files (the Compose step downloads them first), absolute or relative to the timeline.
 *
 * @param shotId              the shot's id in {@code shots.json}
 * @param status              usable, failed or rejected
 * @param imagePath           the keyframe still, or null (a usable shot needs a keyframe or a clip)
 * @param clipPath            the generated clip, or null when the shot is animated from its still
 * @param clipDurationSeconds the clip's length when known (probed or reported by the provider), else null
 */
public record ShotMedia(String shotId, MediaStatus status, String imagePath, String clipPath,
                        Double clipDurationSeconds) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ShotMedia {
        if (shotId == null || !ID.matcher(shotId).matches()) {
            throw new IllegalArgumentException("shotId must be 1-64 letters, digits, '_', '.' or '-', was " + shotId);
        }
        if (status == null) {
            throw new IllegalArgumentException("shot " + shotId + ": status is required (usable, failed or rejected)");
        }
        if (imagePath != null && imagePath.isBlank()) {
            throw new IllegalArgumentException("shot " + shotId + ": imagePath must be a path, was blank");
        }
        if (clipPath != null && clipPath.isBlank()) {
            throw new IllegalArgumentException("shot " + shotId + ": clipPath must be a path, was blank");
        }
        if (clipDurationSeconds != null) {
            if (clipPath == null) {
                throw new IllegalArgumentException("shot " + shotId + ": clipDurationSeconds needs a clipPath");
            }
            if (!(clipDurationSeconds > 0 && clipDurationSeconds <= 3600)) {
                throw new IllegalArgumentException("shot " + shotId + ": clipDurationSeconds must be in (0, 3600], was "
                        + clipDurationSeconds);
            }
        }
        if (status == MediaStatus.USABLE && imagePath == null && clipPath == null) {
            throw new IllegalArgumentException("shot " + shotId + ": a usable shot needs an imagePath or a clipPath");
        }
    }

    /** A usable shot with only its keyframe, animated by the shot's camera movement. */
    public static ShotMedia still(String shotId, String imagePath) {
        return new ShotMedia(shotId, MediaStatus.USABLE, imagePath, null, null);
    }

    /** A usable shot with its keyframe and a generated clip of {@code clipDurationSeconds} (null if unknown). */
    public static ShotMedia clip(String shotId, String imagePath, String clipPath, Double clipDurationSeconds) {
        return new ShotMedia(shotId, MediaStatus.USABLE, imagePath, clipPath, clipDurationSeconds);
    }

    /** A shot whose generation failed. */
    public static ShotMedia failed(String shotId) {
        return new ShotMedia(shotId, MediaStatus.FAILED, null, null, null);
    }

    /** A shot a reviewer turned down; its keyframe may still exist. */
    public static ShotMedia rejected(String shotId, String imagePath) {
        return new ShotMedia(shotId, MediaStatus.REJECTED, imagePath, null, null);
    }

    public boolean usable() {
        return status == MediaStatus.USABLE;
    }
}
