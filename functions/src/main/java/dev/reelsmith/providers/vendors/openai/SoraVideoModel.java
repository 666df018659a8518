package dev.reelsmith.providers.vendors.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.FrameFit;
import dev.reelsmith.providers.vendors.http.JobReceipt;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.Moderation;
import dev.reelsmith.providers.vendors.http.Multipart;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Clips from OpenAI's Sora video API (VENDORS.md §5, third-party descriptions): {@code POST /videos} as a multipart
 * form with {@code model}, {@code prompt}, {@code seconds} ("4", "8" or "12": the request rounded up) and
 * {@code size} (1280x720 or 720x1280), and the keyframe as {@code input_reference}, scaled and cropped to exactly
 * that size because Sora requires the reference to match. Poll {@code GET /videos/{id}}: {@code queued} → PENDING,
 * {@code in_progress} → RUNNING, {@code failed} → FAILED (or a {@link ContentRejectedException} when the error is
 * moderation), {@code completed} → the MP4 from {@code GET /videos/{id}/content} (available for about an hour).
 *
 * <p>Cost: billed seconds × $0.10 (sora-2) or $0.30 (sora-2-pro at 720p), third-party figures in VENDORS.md §5.
 */
public final class SoraVideoModel implements VideoModel {
    /** Price per second at 720p by model (VENDORS.md §5, third-party). */
    public static final Map<String, BigDecimal> PRICES = Map.of(
            "sora-2", new BigDecimal("0.10"), "sora-2-pro", new BigDecimal("0.30"));
    static final int POLL_SECONDS = 20;
    private static final List<Integer> DURATIONS = List.of(4, 8, 12);

    private final OpenAiApi api;
    private final String model;

    public SoraVideoModel(OpenAiApi api, String model) {
        this.api = Objects.requireNonNull(api, "api");
        if (!PRICES.containsKey(model)) {
            throw new IllegalArgumentException("unknown Sora model " + model + " (known: sora-2, sora-2-pro)");
        }
        this.model = model;
    }

    @Override
    public String providerId() {
        return OpenAiApi.PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return model;
    }

    static int billedSeconds(double requested) {
        return DURATIONS.stream().filter(d -> d >= requested).findFirst().orElse(12);
    }

    @Override
    public VideoJob start(VideoRequest request) {
        int width;
        int height;
        switch (request.aspect()) {
            case LANDSCAPE -> {
                width = 1280;
                height = 720;
            }
            case PORTRAIT -> {
                width = 720;
                height = 1280;
            }
            default -> throw new InvalidRequestException(OpenAiApi.PROVIDER_ID, model
                    + " makes only 16:9 and 9:16 clips, not " + request.aspect().label(), null);
        }
        Multipart form = new Multipart()
                .field("model", model)
                .field("prompt", request.prompt())
                .field("seconds", Integer.toString(billedSeconds(request.durationSeconds())))
                .field("size", width + "x" + height)
                .file("input_reference", "keyframe.png", "image/png",
                        FrameFit.coverPng(OpenAiApi.PROVIDER_ID, request.firstFrame(), width, height));
        JsonNode video = api.http().postMultipart(api.uri("/videos"), form);
        String id = video.path("id").asText("");
        if (id.isBlank()) {
            throw new TransientVendorException(OpenAiApi.PROVIDER_ID, "POST /videos answered without an id", null);
        }
        return new VideoJob(OpenAiApi.PROVIDER_ID, model, id, request.output(), request.durationSeconds());
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), OpenAiApi.PROVIDER_ID, model, job.jobId());
        if (receipt.isPresent()) {
            return VideoJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        JsonNode video = api.http().getJson(api.uri("/videos/" + job.jobId()));
        String status = video.path("status").asText("");
        switch (status) {
            case "queued":
                return VideoJobStatus.pending(POLL_SECONDS);
            case "in_progress":
                return VideoJobStatus.running(POLL_SECONDS);
            case "failed": {
                String code = video.path("error").path("code").asText("");
                String message = video.path("error").path("message").asText("the video failed");
                String reason = code.isEmpty() ? message : code + ": " + message;
                if (code.contains("moderation") || Moderation.soundsLikeRefusal(message)) {
                    throw new ContentRejectedException(OpenAiApi.PROVIDER_ID, reason, null);
                }
                return VideoJobStatus.failed(reason);
            }
            case "completed": {
                Delivered delivered = api.http().download(api.uri("/videos/" + job.jobId() + "/content"),
                        job.output(), MediaKind.VIDEO, true);
                Cost cost = Cost.of(BigDecimal.valueOf(billedSeconds(job.durationSeconds())), Cost.SECOND,
                        PRICES.get(model));
                JobReceipt.of(OpenAiApi.PROVIDER_ID, model, job.jobId(), delivered, cost).writeFor(job.output());
                return VideoJobStatus.succeeded(job.output(), cost);
            }
            default:
                throw new TransientVendorException(OpenAiApi.PROVIDER_ID, "video " + job.jobId() + " has unknown status "
                        + status, null);
        }
    }
}
