package dev.reelsmith.providers.local;

import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The offline keyframe provider: instead of a generated picture it paints a storyboard panel (the look of a
 * designer's animatic) for the shot: a palette from the brand colours or the mood, a scene composed for the shot
 * type, the camera move in storyboard notation, the shot number and framing, and the caption. Used by every
 * local run and whenever a run chooses the free tool; costs nothing.
 *
 * <p>Rendering is pure Java2D on an off-screen image with the bundled font, so it needs no display, no
 * fontconfig and no system fonts. The same request and seed always produce a byte-identical PNG; another seed
 * varies the composition (subject side, skyline, soft shapes).
 */
public final class StoryboardImageModel implements ImageModel {
    public static final String PROVIDER_ID = "local";
    public static final String MODEL_ID = "storyboard-v1";

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /**
     * Paints the panel at the requested size and writes it as PNG to {@code request.output()}, replacing any
     * file there. The caption is the frame's caption, or the prompt when the caption is blank.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    @Override
    public ImageResult generate(ImageRequest request) {
        BufferedImage image = render(request);
        write(image, request.output());
        return new ImageResult(request.output(), "image/png", image.getWidth(), image.getHeight(), request.seed(),
                Cost.free(BigDecimal.ONE, Cost.IMAGE), PROVIDER_ID, MODEL_ID);
    }

    /** Paints the panel without writing it; the renderer and tests use the pixels directly. */
    public BufferedImage render(ImageRequest request) {
        BufferedImage image = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            String caption = request.frame().caption().isBlank() ? request.prompt() : request.frame().caption();
            new StoryboardPainter(request.width(), request.height(), request.frame(), caption, request.seed()).paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes beside the target then moves, so a reader never sees half a PNG. */
    private static void write(BufferedImage image, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, output.getFileName().toString(), ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IllegalStateException("no PNG writer is available in this JVM");
                    }
                }
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write storyboard frame " + output, e);
        }
    }
}
