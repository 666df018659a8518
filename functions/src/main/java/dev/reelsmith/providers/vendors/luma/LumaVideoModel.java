package dev.reelsmith.providers.vendors.luma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ErrorBodies;
import dev.reelsmith.providers.vendors.http.ImageLinks;
import dev.reelsmith.providers.vendors.http.JobReceipt;
import dev.reelsmith.providers.vendors.http.KeyHeader;
import dev.reelsmith.providers.vendors.http.MediaCheck;
import dev.reelsmith.providers.vendors.http.MediaFormat;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.Moderation;
import dev.reelsmith.providers.vendors.http.VendorError;
import dev.reelsmith.providers.vendors.http.VendorErrors;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Clips from Luma's Dream Machine API ({@code https://api.lumalabs.ai/dream-machine/v1}, Bearer key; shapes from the
 * lumalabs/lumaai-python types): {@code POST /generations} with {@code model}, {@code prompt},
 * {@code aspect_ratio}, {@code resolution: 720p}, {@code duration} ({@code "5s"} up to 5 s requested, else
 * {@code "9s"}), {@code loop: false} and the keyframes as {@code keyframes.frame0/frame1 = {type: image, url}}.
 * Luma fetches keyframes only by public URL, so this adapter needs {@link ImageLinks}.
 *
 * <p>Generation states: {@code queued} → PENDING, {@code dreaming} → RUNNING, {@code completed} → the video at
 * {@code assets.video} is downloaded, {@code failed} → a {@code failure_reason} naming moderation ("Advanced prompt
 * moderation failed", "Frame moderation failed", "Contains blacklisted words") is a
 * {@link ContentRejectedException}, anything else FAILED. Error bodies carry {@code detail}.
 *
 * <p>Cost: billed seconds × the model's 720p price per second. Luma bills per pixel and publishes no per-second API
 * price; the figures are third-party (tool catalog: ray-2 $0.08/s, ray-flash-2 $0.04/s) and unverified.
 */
public final class LumaVideoModel implements VideoModel {
    public static final String PROVIDER_ID = "luma";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.lumalabs.ai/dream-machine/v1");
    /** Price per second at 720p by model (third-party figures, see the class comment). */
    public static final Map<String, BigDecimal> PRICES_720P = Map.of(
            "ray-2", new BigDecimal("0.08"), "ray-flash-2", new BigDecimal("0.04"));

    static final int POLL_SECONDS = 15;
    static final int MAX_PROMPT_CHARS = 5000;

    private static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorError read(String body) {
            JsonNode root = ErrorBodies.parse(body);
            String detail = ErrorBodies.text(root.path("detail"));
            return new VendorError("", detail.isEmpty() ? ErrorBodies.plain(body) : detail);
        }

        @Override
        public boolean contentRejected(int status, VendorError error) {
            return status == 400 && Moderation.soundsLikeRefusal(error.message());
        }
    };

    private final VendorHttp http;
    private final URI baseUrl;
    private final String model;
    private final ImageLinks links;

    public LumaVideoModel(HttpClient client, URI baseUrl, SecretSource key, String model, ImageLinks links,
                          Duration requestTimeout, Duration downloadTimeout, long maxDownloadBytes) {
        if (!PRICES_720P.containsKey(model)) {
            throw new IllegalArgumentException("unknown Luma model " + model + " (known: "
                    + String.join(", ", new java.util.TreeSet<>(PRICES_720P.keySet())) + ")");
        }
        this.model = model;
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.links = Objects.requireNonNull(links, "links");
        this.http = new VendorHttp(PROVIDER_ID, client, key, KeyHeader.BEARER, requestTimeout, downloadTimeout,
                maxDownloadBytes, ERRORS);
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return model;
    }

    static int billedSeconds(double requested) {
        return requested <= 5 ? 5 : 9;
    }

    @Override
    public VideoJob start(VideoRequest request) {
        if (request.prompt().length() > MAX_PROMPT_CHARS || request.prompt().strip().length() < 3) {
            throw new InvalidRequestException(PROVIDER_ID, "the prompt must have 3 to " + MAX_PROMPT_CHARS
                    + " characters, had " + request.prompt().length(), null);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("prompt", request.prompt());
        body.put("aspect_ratio", request.aspect().label());
        body.put("resolution", "720p");
        body.put("duration", billedSeconds(request.durationSeconds()) + "s");
        body.put("loop", false);
        ObjectNode keyframes = body.putObject("keyframes");
        keyframes.putObject("frame0").put("type", "image").put("url", link(request.firstFrame()));
        if (request.lastFrame() != null) {
            keyframes.putObject("frame1").put("type", "image").put("url", link(request.lastFrame()));
        }
        JsonNode generation = http.postJson(baseUrl.resolve(baseUrl.getPath() + "/generations"), body);
        String id = generation.path("id").asText("");
        if (id.isBlank()) {
            throw new TransientVendorException(PROVIDER_ID, "POST /generations answered without an id", null);
        }
        return new VideoJob(PROVIDER_ID, model, id, request.output(), request.durationSeconds());
    }

    private String link(Path image) {
        MediaFormat format = MediaCheck.verify(PROVIDER_ID, image, MediaKind.IMAGE);
        return links.link(image, format.mimeType()).toString();
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), PROVIDER_ID, model, job.jobId());
        if (receipt.isPresent()) {
            return VideoJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        JsonNode generation = http.getJson(baseUrl.resolve(baseUrl.getPath() + "/generations/" + job.jobId()));
        String state = generation.path("state").asText("");
        switch (state) {
            case "queued":
                return VideoJobStatus.pending(POLL_SECONDS);
            case "dreaming":
                return VideoJobStatus.running(POLL_SECONDS);
            case "failed": {
                String reason = generation.path("failure_reason").asText("the generation failed");
                if (Moderation.soundsLikeRefusal(reason)) {
                    throw new ContentRejectedException(PROVIDER_ID, reason, null);
                }
                return VideoJobStatus.failed(reason);
            }
            case "completed": {
                String url = generation.path("assets").path("video").asText("");
                if (url.isBlank()) {
                    throw new TransientVendorException(PROVIDER_ID, "generation " + job.jobId()
                            + " completed without assets.video", null);
                }
                Delivered delivered = http.download(URI.create(url), job.output(), MediaKind.VIDEO, false);
                Cost cost = Cost.of(BigDecimal.valueOf(billedSeconds(job.durationSeconds())), Cost.SECOND,
                        PRICES_720P.get(model));
                JobReceipt.of(PROVIDER_ID, model, job.jobId(), delivered, cost).writeFor(job.output());
                return VideoJobStatus.succeeded(job.output(), cost);
            }
            default:
                throw new TransientVendorException(PROVIDER_ID, "generation " + job.jobId() + " has unknown state "
                        + state, null);
        }
    }
}
