package dev.reelsmith.media.render;

import java.awt.image.BufferedImage;

/**
 * A text overlay drawn into a transparent image, cropped to its ink, and where it goes in the frame.
 *
 * @param image ARGB image of the text block
 * @param x     left edge in the output frame (even, so 4:2:0 chroma lines up)
 * @param y     top edge in the output frame (even)
 */
public record PaintedOverlay(BufferedImage image, int x, int y) {
}
