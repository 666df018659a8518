package dev.reelsmith.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.pipeline.LocalPipeline;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.ProviderRegistry;
import dev.reelsmith.providers.local.StoryboardImageModel;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The pipeline on a local cloud with the API server in front of it, for HTTP tests: real emulators on ephemeral
 * loopback ports, the bundled definition, every handler built with test dependencies (a provider registry that
 * counts keyframe calls per shot, a text model that fails once for briefs carrying {@link #FAIL_ONCE}), and two API
 * servers: one serving only SigV4-signed requests, one also serving unsigned ones as {@code anonymous}. Requests
 * are signed with the AWS SDK's SigV4 signer, as the SDKs and the CLI sign them.
 */
final class ApiPipeline implements AutoCloseable {
    /** A brief whose title contains this fails its first script call. */
    static final String FAIL_ONCE = "fail-once";
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    final LocalCloud cloud;
    final LocalPipeline pipeline;
    final LocalApiServer signedOnly;
    final LocalApiServer anonymousToo;
    /** Keyframe calls by production title and shot id ({@code <title>#<shotId>}). */
    final Map<String, AtomicInteger> imageCalls = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiPipeline(Path data) {
        this.cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data).start();
        Ffmpeg ffmpeg = Ffmpeg.locate();
        ProviderRegistry providers = ProviderRegistry.localOnly(ffmpeg);
        providers.add(new CountingImageModel(new StoryboardImageModel()));
        this.pipeline = LocalPipeline.builder(cloud).workDirectory(data.resolve("work"))
                .pollInterval(Duration.ofMillis(200))
                .dependencies(d -> d.providers(providers).ffmpeg(ffmpeg)
                        .textModel(new FailingOnceTextModel(new LocalTextModel())))
                .handlers(LocalPipeline::handlersBuiltWith).start();
        this.signedOnly = LocalApiServer.builder(cloud.lambdas()).port(0).start();
        this.anonymousToo = LocalApiServer.builder(cloud.lambdas()).port(0).allowAnonymous(true).start();
    }


    /** One answer: status, headers and the body as JSON (or null when it is not JSON). */
    record Answer(int status, Map<String, List<String>> headers, String text) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** How many keyframes were drawn for one shot of the production titled {@code title}. */
    int imageCalls(String title, String shotId) {
        AtomicInteger calls = imageCalls.get(title + "#" + shotId);
        return calls == null ? 0 : calls.get();
    }

    /** A SigV4-signed call as the IAM user {@code accessKeyId}, to the signed-only server. */
    Answer call(String accessKeyId, String method, String path, String body) throws Exception {
        URI uri = signedOnly.endpoint().resolve(path);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (body != null) {
            unsigned.putHeader("content-type", "application/json");
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(accessKeyId, "secret-of-" + accessKeyId))
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, cloud.region()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.request().headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request.build());
    }

    /** An unsigned call with a raw body and content type to {@code server}. */
    Answer unsigned(LocalApiServer server, String method, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve(path))
                .timeout(Duration.ofSeconds(60)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** Any request, e.g. a presigned S3 URL. */
    HttpResponse<byte[]> raw(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values));
        return new Answer(response.statusCode(), headers, response.body());
    }

    /**
     * Follows a session's events with the API's long polling until {@code done} holds for the latest page; returns
     * that page. Fails with the events seen when it does not within {@code timeout}.
     */
    JsonNode followEvents(String owner, String sessionId, Predicate<JsonNode> done, Duration timeout,
                          List<JsonNode> seen) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long after = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).path("seq").asLong();
        while (Instant.now().isBefore(deadline)) {
            Answer answer = call(owner, "GET", "/sessions/" + sessionId + "/events?after=" + after + "&wait=5", null);
            if (answer.status() != 200) {
                throw new AssertionError("events: " + answer);
            }
            JsonNode page = answer.json();
            page.path("events").forEach(seen::add);
            after = page.path("next").asLong();
            if (done.test(page)) {
                return page;
            }
        }
        StringBuilder text = new StringBuilder();
        seen.forEach(e -> text.append("\n  ").append(e.path("seq")).append(' ').append(e.path("type").asText())
                .append(' ').append(e.path("message").asText()));
        throw new AssertionError("session " + sessionId + " did not get there within " + timeout + text);
    }

    /** Polls the session until {@code done} holds for its view. */
    JsonNode awaitSession(String owner, String sessionId, Predicate<JsonNode> done, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = call(owner, "GET", "/sessions/" + sessionId, null).json();
            if (done.test(view)) {
                return view;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("session " + sessionId + " did not get there within " + timeout + ": " + view);
    }

    @Override
    public void close() {
        signedOnly.close();
        anonymousToo.close();
        pipeline.close();
        cloud.close();
    }

    /** Counts keyframe calls per shot. */
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
            imageCalls.computeIfAbsent(request.frame().title() + "#" + request.frame().shotId(),
                    s -> new AtomicInteger()).incrementAndGet();
            return delegate.generate(request);
        }
    }

    /** The offline text model, failing the first script call for a brief titled with {@link #FAIL_ONCE}. */
    static final class FailingOnceTextModel implements TextModel {
        private final TextModel delegate;
        private final AtomicInteger failures = new AtomicInteger();

        FailingOnceTextModel(TextModel delegate) {
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
        public <T> StructuredResult<T> generate(StructuredRequest<T> request) {
            if (request.task().equals("script") && request.userPrompt().contains(FAIL_ONCE)
                    && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("injected failure: the text model is unreachable");
            }
            return delegate.generate(request);
        }
    }
}
