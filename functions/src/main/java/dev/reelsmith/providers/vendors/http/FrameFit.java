package dev.reelsmith.providers.vendors.http;

import dev.reelsmith.providers.InvalidRequestException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Scales and centre-crops a keyframe to an exact pixel size, for vendors that require the reference image to match
 * the output size (OpenAI's {@code input_reference}). Cropping keeps the frame's proportions, as a camera would.
 */
public final class FrameFit {
    private FrameFit() {
    }

    /**
     * The image at {@code source}, covering {@code width}×{@code height} exactly, as PNG bytes.
     *
     * @throws InvalidRequestException when the file is not a PNG or JPEG Java can decode (WebP is not)
     */
    public static byte[] coverPng(String providerId, Path source, int width, int height) {
        BufferedImage image;
        try {
            image = ImageIO.read(source.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keyframe " + source, e);
        }
        if (image == null) {
            throw new InvalidRequestException(providerId, "keyframe " + source.getFileName()
                    + " is not a PNG or JPEG image that can be resized", null);
        }
        double scale = Math.max((double) width / image.getWidth(), (double) height / image.getHeight());
        int scaledWidth = (int) Math.ceil(image.getWidth() * scale);
        int scaledHeight = (int) Math.ceil(image.getHeight() * scale);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, (width - scaledWidth) / 2, (height - scaledHeight) / 2, scaledWidth, scaledHeight, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the resized keyframe", e);
        }
        return png.toByteArray();
    }
}
