package dev.reelsmith.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import dev.reelsmith.media.render.RenderOptions;
import dev.reelsmith.media.render.RenderResult;
import dev.reelsmith.media.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reelsmith render timeline.json -o out.mp4}: one timeline to one MP4 + poster, offline. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a timeline JSON file to an MP4 (H.264/AAC, +faststart) and a poster JPEG.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TIMELINE", description = "timeline JSON; media paths are relative to it")
    Path timelineFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4", description = "where to write the MP4")
    Path output;

    @Option(names = "--preset", defaultValue = "veryfast", description = "libx264 preset (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--crf", defaultValue = "20", description = "libx264 quality, 0-51, lower is better (default: ${DEFAULT-VALUE})")
    int crf;

    @Override
    public Integer call() throws IOException {
        Timeline timeline = readTimeline(timelineFile);
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
            throw new IllegalArgumentException("--output must name an .mp4 file, was " + output);
        }
        Ffmpeg ffmpeg = Ffmpeg.locate();
        RenderOptions defaults = RenderOptions.defaults();
        RenderOptions options = new RenderOptions(preset, crf, 192, defaults.supersample(),
                Duration.ofSeconds(Math.max(300, (long) (timeline.durationSeconds() * 20))), defaults.x264Params());
        Duration total = Duration.ofMillis(Math.round(timeline.durationSeconds() * 1000));
        RenderResult result = new Renderer(ffmpeg).render(timeline, output, options,
                new ProgressBar(System.err, "render", total));
        MediaInfo info = ffmpeg.probe(result.video());
        MediaInfo.Stream v = info.video().orElseThrow();
        System.out.printf(Locale.ROOT, "video   %s%n", result.video().toAbsolutePath());
        System.out.printf(Locale.ROOT, "poster  %s%n", result.poster().toAbsolutePath());
        System.out.printf(Locale.ROOT, "format  %dx%d %s %.0f fps, %s audio, %.3f s, %d frames, %.1f MB%n",
                v.width(), v.height(), v.codecName(), v.frameRate(),
                info.audio().map(MediaInfo.Stream::codecName).orElse("no"), info.durationSeconds(),
                result.frames(), Files.size(result.video()) / 1e6);
        System.out.printf(Locale.ROOT, "took    %.1f s (%.2fx realtime)%n", result.wallTime().toMillis() / 1000.0,
                result.realtimeFactor());
        return 0;
    }

    /** Reads and validates a timeline file; every problem is reported with the file name. */
    static Timeline readTimeline(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("timeline file " + file + " does not exist");
        }
        try {
            Timeline t = Json.mapper().readValue(file.toFile(), Timeline.class);
            Path base = file.toAbsolutePath().getParent();
            return t.resolvedAgainst(base);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("timeline " + file + " is invalid " + Json.describe(e), e);
        }
    }
}
