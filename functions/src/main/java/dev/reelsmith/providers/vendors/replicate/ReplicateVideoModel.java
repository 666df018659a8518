package dev.reelsmith.providers.vendors.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ImageLinks;
import dev.reelsmith.providers.vendors.http.InlineImages;
import dev.reelsmith.providers.vendors.http.JobReceipt;
import dev.reelsmith.providers.vendors.http.MediaKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Clips from a Replicate image-to-video model priced per output second, by default {@code kwaivgi/kling-v2.1} in
 * standard mode: input {@code prompt}, {@code start_image} (a link when one can be made for keyframes over 256 KB,
 * else a data URL), {@code duration} (5 or 10: the request rounded up) and {@code mode: standard}. Started without
 * waiting; polled: {@code starting} → PENDING, {@code processing} → RUNNING, {@code canceled} → CANCELLED,
 * {@code failed} → FAILED (moderation → {@link dev.reelsmith.providers.ContentRejectedException}),
 * {@code succeeded} → the MP4 at {@code output} is downloaded (Replicate deletes it after an hour).
 *
 * <p>Cost: billed seconds × the per-second price ($0.05 for kling-v2.1 standard, from the tool catalog citing the
 * model page).
 */
public final class ReplicateVideoModel implements VideoModel {
    public static final String KLING_V21 = "kwaivgi/kling-v2.1";
    static final int POLL_SECONDS = 15;

    private final ReplicateApi api;
    private final String model;
    private final BigDecimal pricePerSecond;
    private final List<Integer> durations;
    private final String mode;
    private final Optional<ImageLinks> links;

    /**
     * @param durations the clip lengths the model makes, ascending, e.g. [5, 10]
     * @param mode      the model's {@code mode} input, e.g. {@code standard}
     */
    public ReplicateVideoModel(ReplicateApi api, String model, BigDecimal pricePerSecond, List<Integer> durations,
                               String mode, Optional<ImageLinks> links) {
        this.api = Objects.requireNonNull(api, "api");
        this.model = ReplicateApi.checkModel(model);
        this.pricePerSecond = Objects.requireNonNull(pricePerSecond, "pricePerSecond");
        if (durations == null || durations.isEmpty()) {
            throw new IllegalArgumentException("durations must not be empty");
        }
        this.durations = List.copyOf(durations);
        this.mode = Objects.requireNonNull(mode, "mode");
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public String providerId() {
        return ReplicateApi.PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return model;
    }

    int billedSeconds(double requested) {
        return durations.stream().filter(d -> d >= requested).findFirst().orElse(durations.get(durations.size() - 1));
    }

    @Override
    public VideoJob start(VideoRequest request) {
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("prompt", request.prompt());
        input.put("start_image", InlineImages.reference(ReplicateApi.PROVIDER_ID, request.firstFrame(),
                ReplicateApi.PREFER_LINK_ABOVE_BYTES, ReplicateApi.MAX_DATA_URI_BYTES, links));
        input.put("duration", billedSeconds(request.durationSeconds()));
        input.put("mode", mode);
        JsonNode prediction = api.create(model, input, 0);
        return new VideoJob(ReplicateApi.PROVIDER_ID, model, prediction.path("id").asText(), request.output(),
                request.durationSeconds());
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), ReplicateApi.PROVIDER_ID, model, job.jobId());
        if (receipt.isPresent()) {
            return VideoJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        JsonNode prediction = api.prediction(job.jobId());
        String status = prediction.path("status").asText("");
        switch (status) {
            case "starting":
                return VideoJobStatus.pending(POLL_SECONDS);
            case "processing":
                return VideoJobStatus.running(POLL_SECONDS);
            case "canceled":
                return VideoJobStatus.cancelled("the prediction was canceled");
            case "failed":
                return VideoJobStatus.failed(ReplicateApi.failure(prediction));
            case "succeeded": {
                Delivered delivered = api.http().download(ReplicateApi.outputUrl(prediction), job.output(),
                        MediaKind.VIDEO, false);
                Cost cost = Cost.of(BigDecimal.valueOf(billedSeconds(job.durationSeconds())), Cost.SECOND,
                        pricePerSecond);
                JobReceipt.of(ReplicateApi.PROVIDER_ID, model, job.jobId(), delivered, cost).writeFor(job.output());
                return VideoJobStatus.succeeded(job.output(), cost);
            }
            default:
                throw new TransientVendorException(ReplicateApi.PROVIDER_ID, "prediction " + job.jobId()
                        + " has unknown status " + status, null);
        }
    }
}
