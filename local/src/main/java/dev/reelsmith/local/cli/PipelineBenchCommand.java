package dev.reelsmith.local.cli;

import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.pipeline.LocalPipeline;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.render.Renderer;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.JobState;
import dev.reelsmith.providers.ProviderRegistry;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.local.LocalVideoModel;
import dev.reelsmith.providers.local.StoryboardImageModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * {@code reelsmith bench pipeline}: what orchestration costs. Two runs of a brief through the real state machine on
 * the local cloud, in real time:
 * <ol>
 *   <li>instant local providers: wall time against the media work inside it (the union of the media steps' task
 *       intervals from the execution history: keyframes, clips, music, compose), and the overhead that is neither;</li>
 *   <li>injected vendor latencies (keyframe {@code --keyframe-seconds}, clip job {@code --clip-seconds}): wall
 *       time against the critical path keyframe + clip + compose, which parallel Maps should approach.</li>
 * </ol>
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Measure orchestration overhead and the critical-path ratio of a run through the local cloud.")
final class PipelineBenchCommand implements Callable<Integer> {
    private static final List<String> MEDIA_STATES = List.of("Keyframe", "Rekey", "Clip", "ClipPoll", "Reclip",
            "ReclipPoll", "StartMusic", "PollMusic", "Compose");

    @Option(names = "--brief", paramLabel = "FILE", description = "the brief (default: examples/briefs/sneaker-ad.json, a 15 s ad of 7 shots)")
    Path brief = Path.of("examples", "briefs", "sneaker-ad.json");

    @Option(names = "--keyframe-seconds", description = "injected keyframe latency (default: 8)")
    int keyframeSeconds = 8;

    @Option(names = "--clip-seconds", description = "injected clip job latency (default: 45)")
    int clipSeconds = 45;

    @Option(names = "--skip-latency", description = "only the instant-provider run")
    boolean skipLatency;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(brief)) {
            throw new IllegalArgumentException("--brief " + brief + " does not exist");
        }
        if (keyframeSeconds < 0 || clipSeconds < 1) {
            throw new IllegalArgumentException("--keyframe-seconds must be >= 0 and --clip-seconds >= 1");
        }
        Ffmpeg ffmpeg = Ffmpeg.locate();
        System.out.println("reelsmith bench pipeline: " + brief + " on " + Runtime.getRuntime().availableProcessors()
                + " cores");
        Result instant = run("instant", ProviderRegistry.localOnly(ffmpeg), ffmpeg);
        double overhead = (instant.wall - instant.mediaUnion) / instant.wall;
        System.out.printf(Locale.ROOT, "instant providers: %d shots, wall %.2f s, media work %.2f s (sum of steps "
                        + "%.2f s), orchestration overhead %.2f s = %.1f %% of wall (target <= 15 %%)%n",
                instant.shots, instant.wall, instant.mediaUnion, instant.mediaSum, instant.wall - instant.mediaUnion,
                overhead * 100);
        if (skipLatency) {
            return 0;
        }
        Path work = Files.createTempDirectory("reelsmith-bench-clips");
        Path clip = work.resolve("vendor-clip.mp4");
        prerender(ffmpeg, work, clip);
        ProviderRegistry slow = ProviderRegistry.localOnly(ffmpeg);
        slow.add(new SlowImageModel(keyframeSeconds));
        slow.add(new SlowVideoModel(clipSeconds, clip));
        Result latency = run("latency", slow, ffmpeg);
        double critical = keyframeSeconds + clipSeconds + latency.compose;
        System.out.printf(Locale.ROOT, "injected latencies (keyframe %d s, clip %d s): %d shots, wall %.2f s, "
                        + "critical path %d + %d + compose %.2f = %.2f s, ratio %.3f (target <= 1.10)%n",
                keyframeSeconds, clipSeconds, latency.shots, latency.wall, keyframeSeconds, clipSeconds,
                latency.compose, critical, latency.wall / critical);
        return 0;
    }

    /** The clip the simulated vendor "delivers", rendered before timing starts so it is not on the path. */
    private static void prerender(Ffmpeg ffmpeg, Path work, Path clip) throws IOException {
        Path frame = work.resolve("frame.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1080, 1920,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", frame.toFile());
        Path job = work.resolve("render.mp4");
        new LocalVideoModel(new Renderer(ffmpeg)).start(new VideoRequest(frame, null, "bench clip", 10,
                dev.reelsmith.domain.AspectRatio.fromLabel("9:16"), 1080, 1920,
                dev.reelsmith.domain.CameraMovement.PUSH_IN, 1, job));
        Files.move(job, clip, StandardCopyOption.REPLACE_EXISTING);
    }

    private record Result(int shots, double wall, double mediaUnion, double mediaSum, double compose) {
    }

    private Result run(String name, ProviderRegistry providers, Ffmpeg ffmpeg) throws Exception {
        Path data = Files.createTempDirectory("reelsmith-bench-" + name);
        try (LocalCloud cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data).start();
             LocalPipeline pipeline = LocalPipeline.builder(cloud).workDirectory(data.resolve("work"))
                     .pollInterval(Duration.ofMillis(100))
                     // every shot at once: the benchmark measures orchestration, not a vendor's rate limit
                     .setting("REELSMITH_VENDOR_LIMITS", "replicate=20,runway=20")
                     .dependencies(d -> d.providers(providers).ffmpeg(ffmpeg))
                     .handlers(LocalPipeline::handlersBuiltWith).start()) {
            String key = "briefs/bench-" + name + ".json";
            Instant start = Instant.now();
            pipeline.upload(brief, key);
            pipeline.pollInbox();
            String id = null;
            while (id == null) {
                var outcome = pipeline.inboxOutcome(key);
                if (outcome.isPresent()) {
                    id = outcome.get().path("sessionId").asText();
                } else {
                    Thread.sleep(20);
                    pipeline.pollInbox();
                }
            }
            Session session;
            while (true) {
                session = pipeline.sessions().find(id).orElseThrow();
                if (session.status().isFinal()) {
                    break;
                }
                Thread.sleep(50);
            }
            double wall = Duration.between(start, Instant.now()).toNanos() / 1e9;
            if (!session.status().label().equals("completed")) {
                throw new IllegalStateException(name + " run ended " + session.status().label() + " at "
                        + session.failedStep() + ": " + session.reason());
            }
            ProductionPlan plan = pipeline.artifacts().getJson("runs/" + id + "/plan.json", ProductionPlan.class);
            List<HistoryEvent> history = new ArrayList<>();
            String arn = session.executionArn();
            cloud.stepFunctions().getExecutionHistoryPaginator(h -> h.executionArn(arn)).events().forEach(history::add);
            List<double[]> media = new ArrayList<>();
            double compose = 0;
            Map<Long, HistoryEvent> byId = new java.util.HashMap<>();
            history.forEach(e -> byId.put(e.id(), e));
            for (HistoryEvent event : history) {
                if (event.type() != HistoryEventType.TASK_STATE_EXITED) {
                    continue;
                }
                String state = event.stateExitedEventDetails().name();
                if (!MEDIA_STATES.contains(state)) {
                    continue;
                }
                HistoryEvent entered = enteredFor(history, event, state);
                double from = Duration.between(start, entered.timestamp()).toNanos() / 1e9;
                double to = Duration.between(start, event.timestamp()).toNanos() / 1e9;
                media.add(new double[] {from, to});
                if (state.equals("Compose")) {
                    compose = to - from;
                }
            }
            return new Result(plan.shots().size(), wall, union(media),
                    media.stream().mapToDouble(m -> m[1] - m[0]).sum(), compose);
        } finally {
            deleteTree(data);
        }
    }

    /** The latest entry of {@code state} before its exit (Map iterations repeat names; they are matched in order). */
    private static HistoryEvent enteredFor(List<HistoryEvent> history, HistoryEvent exited, String state) {
        HistoryEvent match = null;
        for (HistoryEvent e : history) {
            if (e.id() >= exited.id()) {
                break;
            }
            if (e.type() == HistoryEventType.TASK_STATE_ENTERED && e.stateEnteredEventDetails().name().equals(state)) {
                match = e;
            }
        }
        return match == null ? exited : match;
    }

    private static double union(List<double[]> intervals) {
        List<double[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingDouble(i -> i[0]));
        double total = 0;
        double from = -1;
        double to = -1;
        for (double[] interval : sorted) {
            if (interval[0] > to) {
                total += Math.max(0, to - from);
                from = interval[0];
                to = interval[1];
            } else {
                to = Math.max(to, interval[1]);
            }
        }
        return total + Math.max(0, to - from);
    }


    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary data only
        }
    }

    /** A paid image vendor that takes {@code seconds} per keyframe (storyboard frames underneath). */
    private static final class SlowImageModel implements ImageModel {
        private final StoryboardImageModel frames = new StoryboardImageModel();
        private final int seconds;

        SlowImageModel(int seconds) {
            this.seconds = seconds;
        }

        @Override
        public String providerId() {
            return "replicate";
        }

        @Override
        public String modelId() {
            return "black-forest-labs/flux-schnell";
        }

        @Override
        public ImageResult generate(ImageRequest request) {
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            ImageResult image = frames.generate(request);
            try {
                long left = until - System.nanoTime();
                if (left > 0) {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return new ImageResult(image.file(), image.mimeType(), image.width(), image.height(), image.seed(),
                    Cost.of(BigDecimal.ONE, Cost.IMAGE, new BigDecimal("0.003")), providerId(), modelId());
        }
    }

    /**
     * A paid clip vendor whose jobs finish {@code seconds} after they start; the "download" is a copy of one clip
     * rendered before the run, so only the vendor's latency is on the critical path.
     */
    private static final class SlowVideoModel implements VideoModel {
        private final int seconds;
        private final Path clip;

        SlowVideoModel(int seconds, Path clip) {
            this.seconds = seconds;
            this.clip = clip;
        }

        @Override
        public String providerId() {
            return "runway";
        }

        @Override
        public String modelId() {
            return "gen4_turbo";
        }

        @Override
        public VideoJob start(VideoRequest request) {
            return new VideoJob(providerId(), modelId(), "job-" + System.currentTimeMillis(), request.output(),
                    request.durationSeconds());
        }

        @Override
        public VideoJobStatus poll(VideoJob job) {
            long started = Long.parseLong(job.jobId().substring(4));
            long left = started + seconds * 1000L - System.currentTimeMillis();
            if (left > 0) {
                return VideoJobStatus.running((int) Math.max(1, Math.min(10, Math.ceil(left / 1000.0))));
            }
            try {
                Files.copy(clip, job.output(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new VideoJobStatus(JobState.SUCCEEDED, job.output(), null, 0,
                    Cost.of(BigDecimal.valueOf(Math.ceil(job.durationSeconds())), Cost.SECOND, new BigDecimal("0.05")));
        }
    }
}
