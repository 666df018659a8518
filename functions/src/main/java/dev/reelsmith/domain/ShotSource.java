package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.regex.Pattern;

/**
 * What a timeline shot shows: a still image (animated by the shot's camera movement), a video clip, or a
 * solid colour. Exactly one of the three is set. Paths are absolute or relative to the timeline file.
 *
 * @param image path of a PNG/JPEG/WebP still
 * @param video path of a video clip (its own audio is ignored)
 * @param color a solid colour {@code #RRGGBB}
 */
public record ShotSource(String image, String video, String color) {
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public ShotSource {
        int set = (image != null ? 1 : 0) + (video != null ? 1 : 0) + (color != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("a shot source needs exactly one of image, video or color, had " + set);
        }
        if (image != null && image.isBlank()) {
            throw new IllegalArgumentException("image must be a path, was blank");
        }
        if (video != null && video.isBlank()) {
            throw new IllegalArgumentException("video must be a path, was blank");
        }
        if (color != null && !HEX.matcher(color).matches()) {
            throw new IllegalArgumentException("color must be #RRGGBB, was " + color);
        }
    }

    public static ShotSource ofImage(String path) {
        return new ShotSource(path, null, null);
    }

    public static ShotSource ofVideo(String path) {
        return new ShotSource(null, path, null);
    }

    public static ShotSource ofColor(String hex) {
        return new ShotSource(null, null, hex);
    }

    /** The colour as the 24-bit integer {@code 0xRRGGBB}; only for colour sources. */
    @JsonIgnore
    public int rgb() {
        if (color == null) {
            throw new IllegalStateException("not a colour source");
        }
        return Integer.parseInt(color.substring(1), 16);
    }
}
