package dev.reelsmith.local.cli;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.AudioTrack;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.OverlayPosition;
import dev.reelsmith.domain.OverlayRole;
import dev.reelsmith.domain.ShotSource;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.render.FramePlan;
import dev.reelsmith.media.render.RenderOptions;
import dev.reelsmith.media.render.Renderer;
import dev.reelsmith.providers.FrameContext;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.local.StoryboardImageModel;
import dev.reelsmith.providers.local.SynthMusicModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Renders the same timeline (default 30 s, 6 shots, 1080p30) two ways and prints wall times and ratios:
 * (a) naive: every shot encoded to its own file, then all of them decoded, joined with the transitions,
 * overlaid and encoded again; (b) the single-pass renderer. Both use the same encoder settings.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Naive per-shot encode + re-encode vs the single-pass renderer.")
final class RenderBenchmark implements Callable<Integer> {
    private static final CameraMovement[] MOVES = {CameraMovement.PUSH_IN, CameraMovement.PAN_RIGHT,
            CameraMovement.PULL_OUT, CameraMovement.TILT_UP, CameraMovement.ORBIT, CameraMovement.PAN_LEFT};
    private static final ShotType[] TYPES = {ShotType.ESTABLISHING, ShotType.MEDIUM, ShotType.CLOSE_UP,
            ShotType.DETAIL, ShotType.WIDE, ShotType.POV};

    @Option(names = "--seconds", defaultValue = "30", description = "timeline length (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--shots", defaultValue = "6", description = "number of shots (default: ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--aspect", defaultValue = "16:9", description = "16:9, 9:16 or 1:1 (default: ${DEFAULT-VALUE})")
    String aspect;

    @Option(names = "--runs", defaultValue = "1", description = "runs of each method; the best is kept (default: ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() throws IOException {
        if (shots < 1 || shots > 60) {
            throw new IllegalArgumentException("--shots must be between 1 and 60, was " + shots);
        }
        if (!(seconds >= shots && seconds <= 600)) {
            throw new IllegalArgumentException("--seconds must be between the number of shots and 600, was " + seconds);
        }
        if (runs < 1 || runs > 10) {
            throw new IllegalArgumentException("--runs must be between 1 and 10, was " + runs);
        }
        AspectRatio ratio = AspectRatio.fromLabel(aspect);
        Ffmpeg ffmpeg = Ffmpeg.locate();
        Renderer renderer = new Renderer(ffmpeg);
        RenderOptions options = RenderOptions.defaults();
        Path work = Files.createTempDirectory("reelsmith-bench-");
        try {
            Timeline timeline = timeline(work, ratio);
            System.out.printf(Locale.ROOT, "timeline: %.1f s, %d shots, %dx%d @ %d fps, %d overlays, preset %s crf %d, %d cores%n",
                    seconds, shots, ratio.width(), ratio.height(), timeline.fps(), timeline.overlays().size(),
                    options.preset(), options.crf(), Runtime.getRuntime().availableProcessors());
            int cores = Runtime.getRuntime().availableProcessors();
            Measure bestNaive = null;
            Measure bestSingle = null;
            for (int run = 1; run <= runs; run++) {
                Path naiveDir = work.resolve("naive-" + run);
                Measure naive = measure(() -> naive(renderer, options, timeline, naiveDir));
                Path singleOut = work.resolve("single-" + run + ".mp4");
                Measure single = measure(() -> renderer.render(timeline, singleOut, options, p -> { }));
                System.out.printf(Locale.ROOT, "run %d: naive %.2f s wall / %.2f s CPU, single-pass %.2f s wall / %.2f s CPU%n",
                        run, naive.wall(), naive.cpu(), single.wall(), single.cpu());
                bestNaive = bestNaive == null || naive.wall() < bestNaive.wall() ? naive : bestNaive;
                bestSingle = bestSingle == null || single.wall() < bestSingle.wall() ? single : bestSingle;
            }
            System.out.printf(Locale.ROOT, "naive (encode each shot, concatenate, re-encode): %6.2f s wall, %6.2f s CPU%n",
                    bestNaive.wall(), bestNaive.cpu());
            System.out.printf(Locale.ROOT, "single pass:                                      %6.2f s wall, %6.2f s CPU%n",
                    bestSingle.wall(), bestSingle.cpu());
            System.out.printf(Locale.ROOT, "speed-up single vs naive: %.2fx wall, %.2fx CPU (target >= 1.8x)%n",
                    bestNaive.wall() / bestSingle.wall(), bestNaive.cpu() / bestSingle.cpu());
            System.out.printf(Locale.ROOT, "single-pass realtime factor: %.2fx wall (target >= 1.0x on %d cores)%n",
                    seconds / bestSingle.wall(), cores);
            if (bestSingle.cpu() > 0) {
                // wall time is at the mercy of whatever else runs; CPU seconds are not
                System.out.printf(Locale.ROOT, "  if the %d cores were idle: <= %.2fx (media seconds per CPU second x cores)%n",
                        cores, seconds / (bestSingle.cpu() / cores));
            }
            return 0;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Timeline timeline(Path work, AspectRatio ratio) {
        StoryboardImageModel frames = new StoryboardImageModel();
        List<TimelineShot> list = new ArrayList<>();
        double each = Math.round(seconds / shots * 1000) / 1000.0;
        for (int i = 0; i < shots; i++) {
            Path png = work.resolve(String.format(Locale.ROOT, "s%02d.png", i + 1));
            frames.generate(new ImageRequest("benchmark shot " + (i + 1), null, 1000 + i, ratio.width(), ratio.height(),
                    ratio, List.of(), new FrameContext("s" + (i + 1), i + 1, shots, TYPES[i % TYPES.length],
                    MOVES[i % MOVES.length], "A benchmark shot with a camera move and a caption panel.", "energetic",
                    List.of(), "Reelsmith benchmark"), png));
            double start = i * each;
            double duration = i == shots - 1 ? seconds - start : each;
            Transition in = i == 0 ? Transition.CUT : (i % 3 == 1 ? Transition.CROSSFADE
                    : i % 3 == 2 ? Transition.CUT : Transition.DIP_TO_BLACK);
            list.add(new TimelineShot("s" + (i + 1), start, duration, ShotSource.ofImage(png.toString()),
                    MOVES[i % MOVES.length], in, in == Transition.CUT ? 0.0 : 0.5));
        }
        Path song = work.resolve("bed.wav");
        SynthMusicModel music = new SynthMusicModel();
        MusicJob job = music.start(new MusicRequest("synthwave", "energetic", 110, seconds + 1, 7, song));
        music.poll(job);
        List<TextOverlay> overlays = List.of(
                new TextOverlay("Reelsmith benchmark", OverlayRole.TITLE, null, 0.3, Math.min(3.5, seconds / 3), null, null, 0.3),
                new TextOverlay("Every cut on its frame", OverlayRole.CAPTION, null, seconds / 3, seconds / 2, null, null, 0.2),
                new TextOverlay("Try it now", OverlayRole.CTA, OverlayPosition.LOWER_THIRD, seconds - 3, seconds, null, null, 0.2));
        return new Timeline(ratio, 30, seconds, list, overlays,
                new AudioTrack(song.toString(), 0.0, 0.5, 1.0, -14.0, null), 0.3, 0.5, null);
    }

    /** Each shot to its own MP4 (with its transition handles), then one more pass that joins and re-encodes. */
    private static void naive(Renderer renderer, RenderOptions options, Timeline timeline, Path dir) throws IOException {
        Files.createDirectories(dir);
        FramePlan plan = FramePlan.of(timeline);
        List<TimelineShot> joined = new ArrayList<>();
        for (FramePlan.Segment segment : plan.segments()) {
            TimelineShot shot = segment.shot();
            double length = (double) segment.sourceFrames() / plan.fps();
            Timeline one = new Timeline(timeline.aspect(), plan.fps(), length, List.of(new TimelineShot(shot.id(), 0, length,
                    shot.source(), shot.motion(), Transition.CUT, 0.0)), List.of(), null, 0.0, 0.0, null);
            Path clip = dir.resolve(shot.id() + ".mp4");
            renderer.render(one, clip, options, p -> { });
            joined.add(new TimelineShot(shot.id(), shot.startSeconds(), shot.durationSeconds(),
                    ShotSource.ofVideo(clip.toString()), shot.motion(), shot.transitionIn(), shot.transitionSeconds()));
        }
        Timeline second = new Timeline(timeline.aspect(), timeline.fps(), timeline.durationSeconds(), joined,
                timeline.overlays(), timeline.audio(), timeline.fadeInSeconds(), timeline.fadeOutSeconds(), null);
        renderer.render(second, dir.resolve("final.mp4"), options, p -> { });
    }

    private record Measure(double wall, double cpu) {
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    /** Wall time, and CPU time of the FFmpeg children (Linux /proc/self/stat cutime+cstime; 0 elsewhere). */
    private static Measure measure(Work work) throws IOException {
        double cpuBefore = childrenCpuSeconds();
        long started = System.nanoTime();
        work.run();
        double wall = (System.nanoTime() - started) / 1e9;
        return new Measure(wall, Math.max(0, childrenCpuSeconds() - cpuBefore));
    }

    private static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
