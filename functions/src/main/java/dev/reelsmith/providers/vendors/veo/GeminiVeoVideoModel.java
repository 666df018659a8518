package dev.reelsmith.providers.vendors.veo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ErrorBodies;
import dev.reelsmith.providers.vendors.http.JobReceipt;
import dev.reelsmith.providers.vendors.http.KeyHeader;
import dev.reelsmith.providers.vendors.http.MediaCheck;
import dev.reelsmith.providers.vendors.http.MediaFormat;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.Moderation;
import dev.reelsmith.providers.vendors.http.VendorError;
import dev.reelsmith.providers.vendors.http.VendorErrors;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clips from Google Veo on the Gemini API ({@code generativelanguage.googleapis.com/v1beta}, {@code x-goog-api-key}):
 * {@code POST models/<model>:predictLongRunning} with {@code instances[0] = {prompt, image: {bytesBase64Encoded,
 * mimeType}, lastFrame?}} and {@code parameters = {aspectRatio, durationSeconds (4, 6 or 8), resolution: 720p,
 * personGeneration: allow_adult, sampleCount: 1, seed}}; the answer is an operation whose {@code name} is polled with
 * {@code GET <name>} until {@code done}. The video is at
 * {@code response.generateVideoResponse.generatedSamples[0].video.uri}, downloaded with the key (the URI redirects
 * to storage; the key is not forwarded there). Gemini API files are kept two days.
 *
 * <p>Model lifecycle (VENDORS.md §4, checked 2026-11): the Gemini API's {@code veo-3.1-*-preview} models were shut
 * down on 2026-10-22 and {@code veo-2.0}/{@code veo-3.0*} on 2026-06-30, so no Veo model id is registered by default;
 * a deployment that has a live Veo model on the Gemini API configures it with its price.
 *
 * <p>A finished operation whose samples were removed by the responsible-AI filter
 * ({@code raiMediaFilteredCount > 0}, reasons in {@code raiMediaFilteredReasons}) or whose {@code error} names the
 * safety filter is a {@link ContentRejectedException}; {@code INVALID_ARGUMENT} is an
 * {@link InvalidRequestException}; other errors are FAILED. HTTP errors use the google.rpc shape
 * {@code {error: {code, message, status}}}; a 429 honours {@code RetryInfo.retryDelay}.
 */
public final class GeminiVeoVideoModel implements VideoModel {
    public static final String PROVIDER_ID = "google";
    public static final URI DEFAULT_BASE_URL = URI.create("https://generativelanguage.googleapis.com/v1beta");
    static final int POLL_SECONDS = 15;
    private static final List<Integer> DURATIONS = List.of(4, 6, 8);
    private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+)(\\.\\d+)?s\"");

    /** google.rpc errors; a 429's {@code RetryInfo.retryDelay} (in {@code error.details}) is kept readable. */
    private static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorError read(String body) {
            VendorError error = ErrorBodies.nestedError(body);
            String details = ErrorBodies.parse(body).path("error").path("details").toString();
            return details.contains("retryDelay") ? new VendorError(error.code(), error.message() + " " + details)
                    : error;
        }

        @Override
        public boolean contentRejected(int status, VendorError error) {
            return status == 400 && Moderation.soundsLikeRefusal(error.message());
        }

        @Override
        public OptionalLong retryAfter(HttpHeaders headers, VendorError error, Instant now) {
            OptionalLong header = VendorErrors.super.retryAfter(headers, error, now);
            if (header.isPresent()) {
                return header;
            }
            Matcher delay = RETRY_DELAY.matcher(error.message());
            return delay.find() ? OptionalLong.of(Long.parseLong(delay.group(1)) + (delay.group(2) == null ? 0 : 1))
                    : OptionalLong.empty();
        }
    };

    private final VendorHttp http;
    private final URI baseUrl;
    private final String model;
    private final BigDecimal pricePerSecond;

    /**
     * @param model          a Veo model id that is live on the Gemini API
     * @param pricePerSecond what Google bills per second of 720p video without audio for it
     */
    public GeminiVeoVideoModel(HttpClient client, URI baseUrl, SecretSource key, String model, BigDecimal pricePerSecond,
                               Duration requestTimeout, Duration downloadTimeout, long maxDownloadBytes) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || !model.matches("[a-z0-9][a-z0-9.-]{1,100}")) {
            throw new IllegalArgumentException("model must be a Gemini model id such as veo-3.1-generate-001, was " + model);
        }
        this.model = model;
        this.pricePerSecond = Objects.requireNonNull(pricePerSecond, "pricePerSecond");
        this.http = new VendorHttp(PROVIDER_ID, client, key, KeyHeader.GOOGLE, requestTimeout, downloadTimeout,
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
        return DURATIONS.stream().filter(d -> d >= requested).findFirst().orElse(8);
    }

    @Override
    public VideoJob start(VideoRequest request) {
        if (request.aspect() == AspectRatio.SQUARE) {
            throw new InvalidRequestException(PROVIDER_ID, model + " makes only 16:9 and 9:16 clips, not 1:1", null);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode instance = body.putArray("instances").addObject();
        instance.put("prompt", request.prompt());
        instance.set("image", image(request.firstFrame()));
        if (request.lastFrame() != null) {
            instance.set("lastFrame", image(request.lastFrame()));
        }
        ObjectNode parameters = body.putObject("parameters");
        parameters.put("aspectRatio", request.aspect().label());
        parameters.put("durationSeconds", billedSeconds(request.durationSeconds()));
        parameters.put("resolution", "720p");
        parameters.put("personGeneration", "allow_adult");
        parameters.put("sampleCount", 1);
        parameters.put("seed", Math.floorMod(request.seed(), 4_294_967_296L));
        JsonNode operation = http.postJson(URI.create(baseUrl + "/models/" + model + ":predictLongRunning"), body);
        String name = operation.path("name").asText("");
        if (name.isBlank()) {
            throw new TransientVendorException(PROVIDER_ID, "predictLongRunning answered without an operation name", null);
        }
        return new VideoJob(PROVIDER_ID, model, name, request.output(), request.durationSeconds());
    }

    private static ObjectNode image(Path file) {
        MediaFormat format = MediaCheck.verify(PROVIDER_ID, file, MediaKind.IMAGE);
        try {
            ObjectNode image = Json.mapper().createObjectNode();
            image.put("bytesBase64Encoded", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            image.put("mimeType", format.mimeType());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keyframe " + file, e);
        }
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), PROVIDER_ID, model, job.jobId());
        if (receipt.isPresent()) {
            return VideoJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        JsonNode operation = http.getJson(URI.create(baseUrl + "/" + job.jobId()));
        if (!operation.path("done").asBoolean(false)) {
            return VideoJobStatus.running(POLL_SECONDS);
        }
        JsonNode error = operation.path("error");
        if (error.isObject()) {
            String status = error.path("status").asText("");
            int code = error.path("code").asInt(0);
            String message = error.path("message").asText("the operation failed");
            if (Moderation.soundsLikeRefusal(message)) {
                throw new ContentRejectedException(PROVIDER_ID, message, null);
            }
            if (code == 3 || status.equals("INVALID_ARGUMENT")) {
                throw new InvalidRequestException(PROVIDER_ID, "operation " + job.jobId() + ": " + message, null);
            }
            if (code == 8 || status.equals("RESOURCE_EXHAUSTED")) {
                throw new ThrottledException(PROVIDER_ID, "operation " + job.jobId() + ": " + message, null);
            }
            return VideoJobStatus.failed(message);
        }
        JsonNode result = operation.path("response").path("generateVideoResponse");
        String uri = result.path("generatedSamples").path(0).path("video").path("uri").asText("");
        if (uri.isBlank()) {
            List<String> reasons = new ArrayList<>();
            result.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asText()));
            if (result.path("raiMediaFilteredCount").asInt(0) > 0 || !reasons.isEmpty()) {
                throw new ContentRejectedException(PROVIDER_ID, reasons.isEmpty() ? "the video was filtered"
                        : String.join("; ", reasons), null);
            }
            return VideoJobStatus.failed("the operation finished without a video");
        }
        Delivered delivered = http.download(URI.create(uri), job.output(), MediaKind.VIDEO, true);
        Cost cost = Cost.of(BigDecimal.valueOf(billedSeconds(job.durationSeconds())), Cost.SECOND, pricePerSecond);
        JobReceipt.of(PROVIDER_ID, model, job.jobId(), delivered, cost).writeFor(job.output());
        return VideoJobStatus.succeeded(job.output(), cost);
    }
}
