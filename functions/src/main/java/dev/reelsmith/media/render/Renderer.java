package dev.reelsmith.media.render;

import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Renders a {@link Timeline} to an H.264/AAC MP4 (yuv420p, {@code +faststart}) and a poster JPEG in one FFmpeg
 * pass: stills are animated by their camera movement, clips are conformed to the output size and rate, shots
 * are joined by cuts, crossfades or dips to black exactly on their frames, overlays are composited from images
 * drawn by {@link OverlayPainter}, and the soundtrack is trimmed, faded and normalised to the target loudness.
 * The video has exactly {@code round(duration × fps)} frames and the audio the same length.
 */
public final class Renderer {
    private final Ffmpeg ffmpeg;
    private final OverlayPainter painter;

    public Renderer(Ffmpeg ffmpeg) {
        this(ffmpeg, new OverlayPainter());
    }

    public Renderer(Ffmpeg ffmpeg, OverlayPainter painter) {
        this.ffmpeg = ffmpeg;
        this.painter = painter;
    }

    /**
     * Renders {@code timeline} (media paths must be absolute or already resolved) to {@code video}, with the
     * poster beside it as {@code <name>.jpg}.
     *
     * @throws MissingMediaException when a shot's image or clip, or the audio file, does not exist
     * @throws dev.reelsmith.media.ffmpeg.FfmpegException when FFmpeg fails (its own message is included)
     */
    public RenderResult render(Timeline timeline, Path video, RenderOptions options, Consumer<Progress> progress) {
        checkMedia(timeline);
        Path poster = posterPathFor(video);
        long started = System.nanoTime();
        Path work = tempDir();
        try {
            List<PaintedOverlay> painted = new ArrayList<>();
            List<Path> images = new ArrayList<>();
            int i = 0;
            for (TextOverlay overlay : timeline.overlays()) {
                PaintedOverlay p = painter.paint(overlay, timeline.aspect());
                Path png = work.resolve(String.format("overlay-%03d.png", i++));
                ImageIO.write(p.image(), "png", png.toFile());
                painted.add(p);
                images.add(png);
            }
            RenderCommand command = new RenderCommand(timeline, painted, images, options);
            createParent(video);
            createParent(poster);
            ffmpeg.run(command.arguments(video, poster), options.timeout(), progress);
            return new RenderResult(video, poster, command.plan().totalFrames(), timeline.durationSeconds(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write overlay images to " + work, e);
        } finally {
            deleteRecursively(work);
        }
    }

    /** The poster's path for a video path: same folder, same name, {@code .jpg}. */
    public static Path posterPathFor(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return video.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".jpg");
    }

    private static void checkMedia(Timeline timeline) {
        for (TimelineShot shot : timeline.shots()) {
            String path = shot.source().image() != null ? shot.source().image() : shot.source().video();
            if (path != null && !Files.isRegularFile(Path.of(path))) {
                throw new MissingMediaException("shot " + shot.id() + ": media file " + path + " does not exist");
            }
        }
        if (timeline.audio() != null && !Files.isRegularFile(Path.of(timeline.audio().path()))) {
            throw new MissingMediaException("audio file " + timeline.audio().path() + " does not exist");
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("reelsmith-render-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for overlays", e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: temp files are only overlay images
        }
    }
}
