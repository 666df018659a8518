package dev.reelsmith.local.pipeline;

import dev.reelsmith.domain.session.Session;
import dev.reelsmith.local.asl.time.EngineClock;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.ProviderRegistry;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.local.LocalVideoModel;
import dev.reelsmith.providers.local.StoryboardImageModel;
import dev.reelsmith.media.render.Renderer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The pipeline on a local cloud for end-to-end tests: real emulators on ephemeral loopback ports, the bundled
 * definition, every handler built with test dependencies whose provider registry counts generation calls and can
 * inject failures per shot.
 */
final class PipelineHarness implements AutoCloseable {
    final LocalCloud cloud;
    final LocalPipeline pipeline;
    final ProviderRegistry providers;
    final Map<String, AtomicInteger> imageCalls = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> clipCalls = new ConcurrentHashMap<>();
    /** shot id → failure to throw on the next keyframe call(s) for it; the function decides per call number. */
    final Map<String, Function<Integer, RuntimeException>> keyframeFailures = new ConcurrentHashMap<>();

    PipelineHarness(Path data, EngineClock clock, UnaryOperator<S3Client> s3Decorator,
                    Map<String, String> settings) {
        LocalCloud.Builder builder = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data);
        if (clock != null) {
            builder.engineClock(clock);
        }
        this.cloud = builder.start();
        Ffmpeg ffmpeg = Ffmpeg.locate();
        this.providers = ProviderRegistry.localOnly(ffmpeg);
        providers.add(new CountingImageModel(new StoryboardImageModel()));
        providers.add(new CountingVideoModel(new LocalVideoModel(new Renderer(ffmpeg))));
        LocalPipeline.Builder pipelineBuilder = LocalPipeline.builder(cloud).workDirectory(data.resolve("work"))
                .pollInterval(Duration.ofMillis(200))
                .dependencies(d -> d.providers(providers).ffmpeg(ffmpeg).s3(s3Decorator.apply(cloud.s3())))
                .handlers(LocalPipeline::handlersBuiltWith);
        settings.forEach(pipelineBuilder::setting);
        this.pipeline = pipelineBuilder.start();
    }


    /** Uploads and waits until the inbox function has answered; returns the session id. */
    String upload(Path file, String key) throws InterruptedException {
        pipeline.upload(file, key);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            pipeline.pollInbox();
            var outcome = pipeline.inboxOutcome(key);
            if (outcome.isPresent()) {
                return outcome.get().path("sessionId").asText();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the inbox never answered for " + key);
    }

    /** Waits until the session is final (completed, failed, rejected, cancelled). */
    Session awaitFinal(String sessionId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var session = pipeline.sessions().find(sessionId);
            if (session.isPresent() && session.get().status().isFinal()) {
                return session.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + sessionId + " did not finish within " + timeout + ": "
                + pipeline.sessions().find(sessionId));
    }

    /** The session's reason, its last events and the execution's failure, for assertion messages. */
    String describe(String sessionId) {
        StringBuilder text = new StringBuilder();
        pipeline.sessions().find(sessionId).ifPresent(s -> text.append(s.status()).append(" at ")
                .append(s.failedStep()).append(": ").append(s.reason()).append('\n'));
        pipeline.sessions().events(sessionId, 0, 500).forEach(e -> text.append("  ").append(e.seq()).append(' ')
                .append(e.type()).append(' ').append(e.percent()).append("% ").append(e.message()).append('\n'));
        cloud.stepFunctions().listExecutions(l -> l.stateMachineArn(pipeline.stateMachineArn())).executions()
                .stream().filter(e -> e.name().equals(sessionId)).forEach(e -> {
                    var d = cloud.stepFunctions().describeExecution(x -> x.executionArn(e.executionArn()));
                    text.append("execution ").append(d.status()).append(' ').append(d.error()).append(": ")
                            .append(d.cause()).append('\n');
                    cloud.stepFunctions().getExecutionHistory(h -> h.executionArn(e.executionArn()).maxResults(1000))
                            .events().stream().filter(h -> h.taskFailedEventDetails() != null)
                            .forEach(h -> text.append("  task failed: ").append(h.taskFailedEventDetails().error())
                                    .append(": ").append(h.taskFailedEventDetails().cause(), 0,
                                            Math.min(400, h.taskFailedEventDetails().cause().length()))
                                    .append('\n'));
                });
        return text.toString();
    }

    /** Waits until the session reaches {@code status} (e.g. completed again after a redrive). */
    Session awaitStatus(String sessionId, dev.reelsmith.domain.session.SessionStatus status, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var session = pipeline.sessions().find(sessionId).orElseThrow();
            if (session.status() == status) {
                return session;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + sessionId + " did not become " + status + ": " + describe(sessionId));
    }

    int totalImageCalls() {
        return imageCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int totalClipCalls() {
        return clipCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        pipeline.close();
        cloud.close();
    }

    /** Counts keyframe calls per shot and throws the failures a test injected. */
    final class CountingImageModel implements ImageModel {
        private final ImageModel delegate;

        CountingImageModel(ImageModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String providerId() {
            return delegate.providerId();
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public ImageResult generate(ImageRequest request) {
            String shot = request.frame().shotId();
            int call = imageCalls.computeIfAbsent(shot, s -> new AtomicInteger()).incrementAndGet();
            Function<Integer, RuntimeException> failure = keyframeFailures.get(shot);
            if (failure != null) {
                RuntimeException error = failure.apply(call);
                if (error != null) {
                    throw error;
                }
            }
            return delegate.generate(request);
        }
    }

    /** Counts clip jobs started. */
    final class CountingVideoModel implements VideoModel {
        private final VideoModel delegate;

        CountingVideoModel(VideoModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String providerId() {
            return delegate.providerId();
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public VideoJob start(VideoRequest request) {
            String name = request.output().getFileName().toString();
            clipCalls.computeIfAbsent(name.substring(0, name.indexOf('-')), s -> new AtomicInteger()).incrementAndGet();
            return delegate.start(request);
        }

        @Override
        public VideoJobStatus poll(VideoJob job) {
            return delegate.poll(job);
        }
    }
}
