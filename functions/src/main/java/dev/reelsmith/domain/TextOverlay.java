package dev.reelsmith.domain;

import java.util.regex.Pattern;

/**
 * Text shown over the picture for a time: a title, a caption, a lyric line or a call to action. The text is
 * drawn into an image by Reelsmith (never handed to FFmpeg as filter text), so any Unicode is allowed.
 *
 * @param text         what to show (1-500 characters; newlines break lines)
 * @param role         the typographic style
 * @param position     placement, or null for the role's default
 * @param startSeconds when it appears
 * @param endSeconds   when it is gone
 * @param color        text colour {@code #RRGGBB}, or null for white
 * @param accentColor  background/pill colour {@code #RRGGBB} (CTA button, caption box), or null for the role's default
 * @param fadeSeconds  fade in and out length (0 or absent for a hard cut), at most a third of the overlay's duration
 */
public record TextOverlay(String text, OverlayRole role, OverlayPosition position, double startSeconds,
                          double endSeconds, String color, String accentColor, Double fadeSeconds) {
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public TextOverlay {
        fadeSeconds = fadeSeconds == null ? 0.0 : fadeSeconds;
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("overlay text must not be blank");
        }
        if (text.length() > 500) {
            throw new IllegalArgumentException("overlay text must be at most 500 characters, was " + text.length());
        }
        if (role == null) {
            throw new IllegalArgumentException("overlay role is required (title, caption, lyric or cta)");
        }
        if (position == null) {
            position = switch (role) {
                case TITLE -> OverlayPosition.CENTER;
                case CTA -> OverlayPosition.LOWER_THIRD;
                case CAPTION, LYRIC -> OverlayPosition.BOTTOM;
            };
        }
        if (!(startSeconds >= 0)) {
            throw new IllegalArgumentException("overlay startSeconds must be >= 0, was " + startSeconds);
        }
        if (!(endSeconds > startSeconds)) {
            throw new IllegalArgumentException("overlay endSeconds must be after startSeconds " + startSeconds
                    + ", was " + endSeconds);
        }
        if (color != null && !HEX.matcher(color).matches()) {
            throw new IllegalArgumentException("overlay color must be #RRGGBB, was " + color);
        }
        if (accentColor != null && !HEX.matcher(accentColor).matches()) {
            throw new IllegalArgumentException("overlay accentColor must be #RRGGBB, was " + accentColor);
        }
        if (!(fadeSeconds >= 0 && fadeSeconds <= (endSeconds - startSeconds) / 3 + 1e-9)) {
            throw new IllegalArgumentException("overlay fadeSeconds must be between 0 and a third of its duration ("
                    + (endSeconds - startSeconds) / 3 + "), was " + fadeSeconds);
        }
    }
}
