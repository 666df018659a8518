package dev.reelsmith.providers.vendors.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.InvalidRequestException;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Clips from Runway's {@code POST /v1/image_to_video} task: the keyframe as {@code promptImage} (a data URI up to
 * Runway's 5 MB inline limit, else a link from {@link ImageLinks}), {@code promptText}, {@code ratio} in pixels and
 * an integer {@code duration}. Models and what this adapter sends them (runwayml/sdk-python types, 2026):
 * <ul>
 *   <li>{@code gen4_turbo}, {@code gen4.5}: 2–10 s (the request rounded up), ratios 1280:720, 720:1280, 960:960,
 *       a {@code seed}; first frame only;</li>
 *   <li>{@code veo3.1}, {@code veo3.1_fast}: 4, 6 or 8 s, ratios 1280:720 or 720:1280, {@code audio: false} (the
 *       pipeline brings its own music, and audio raises the price), first and optional last frame, no seed.</li>
 * </ul>
 * Task states map PENDING and THROTTLED → {@code PENDING}, RUNNING → {@code RUNNING}, CANCELLED →
 * {@code CANCELLED}; SUCCEEDED downloads {@code output[0]}; FAILED is classified by {@link RunwayApi#failure}.
 *
 * <p>Cost: billed seconds × credits per second × $0.01, with credits per second from Runway's API reference
 * (runwayml/skills {@code rw-api-reference}): gen4_turbo 5, gen4.5 12, veo3.1 20 and veo3.1_fast 10 without
 * audio (40 and 15 with audio, third-party ledgers).
 */
public final class RunwayVideoModel implements VideoModel {
    /** Credits per second by model, for clips without audio. */
    public static final Map<String, Integer> CREDITS_PER_SECOND = Map.of(
            "gen4_turbo", 5, "gen4.5", 12, "veo3.1", 20, "veo3.1_fast", 10);

    static final int POLL_SECONDS = 10;
    private static final List<Integer> VEO_DURATIONS = List.of(4, 6, 8);

    private final RunwayApi api;
    private final String model;
    private final Optional<ImageLinks> links;

    /**
     * @param model one of {@link #CREDITS_PER_SECOND}'s keys
     * @param links how to share keyframes too large to inline; empty when the deployment has none
     */
    public RunwayVideoModel(RunwayApi api, String model, Optional<ImageLinks> links) {
        this.api = Objects.requireNonNull(api, "api");
        if (!CREDITS_PER_SECOND.containsKey(model)) {
            throw new IllegalArgumentException("unknown Runway video model " + model + " (known: "
                    + String.join(", ", new java.util.TreeSet<>(CREDITS_PER_SECOND.keySet())) + ")");
        }
        this.model = model;
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public String providerId() {
        return RunwayApi.PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return model;
    }

    private boolean veo() {
        return model.startsWith("veo");
    }

    /** The clip length Runway makes and bills for a requested one. */
    int billedSeconds(double requested) {
        if (veo()) {
            return VEO_DURATIONS.stream().filter(d -> d >= requested).findFirst().orElse(8);
        }
        return (int) Math.max(2, Math.min(10, Math.ceil(requested)));
    }

    private String ratio(AspectRatio aspect) {
        switch (aspect) {
            case LANDSCAPE:
                return "1280:720";
            case PORTRAIT:
                return "720:1280";
            default:
                if (veo()) {
                    throw new InvalidRequestException(RunwayApi.PROVIDER_ID, model + " makes only 16:9 and 9:16 clips,"
                            + " not " + aspect.label(), null);
                }
                return "960:960";
        }
    }

    @Override
    public VideoJob start(VideoRequest request) {
        RunwayApi.checkPrompt(request.prompt());
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        String first = InlineImages.reference(RunwayApi.PROVIDER_ID, request.firstFrame(),
                RunwayApi.MAX_DATA_URI_BYTES, links);
        if (veo() && request.lastFrame() != null) {
            ArrayNode frames = body.putArray("promptImage");
            frames.addObject().put("uri", first).put("position", "first");
            frames.addObject().put("uri", InlineImages.reference(RunwayApi.PROVIDER_ID, request.lastFrame(),
                    RunwayApi.MAX_DATA_URI_BYTES, links)).put("position", "last");
        } else {
            body.put("promptImage", first);
        }
        body.put("promptText", request.prompt());
        body.put("ratio", ratio(request.aspect()));
        body.put("duration", billedSeconds(request.durationSeconds()));
        if (veo()) {
            body.put("audio", false);
        } else {
            body.put("seed", Math.floorMod(request.seed(), 4_294_967_296L));
        }
        String id = api.create("image_to_video", body);
        return new VideoJob(RunwayApi.PROVIDER_ID, model, id, request.output(), request.durationSeconds());
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), RunwayApi.PROVIDER_ID, model, job.jobId());
        if (receipt.isPresent()) {
            return VideoJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        JsonNode task = api.task(job.jobId());
        String status = task.path("status").asText("");
        switch (status) {
            case "PENDING":
            case "THROTTLED":
                return VideoJobStatus.pending(POLL_SECONDS);
            case "RUNNING":
                return VideoJobStatus.running(POLL_SECONDS);
            case "CANCELLED":
                return VideoJobStatus.cancelled("the Runway task was cancelled");
            case "FAILED":
                return VideoJobStatus.failed(RunwayApi.failure(task));
            case "SUCCEEDED": {
                Delivered delivered = api.http().download(URI.create(RunwayApi.outputUrl(task)), job.output(),
                        MediaKind.VIDEO, false);
                int seconds = billedSeconds(job.durationSeconds());
                BigDecimal perSecond = RunwayApi.USD_PER_CREDIT.multiply(BigDecimal.valueOf(CREDITS_PER_SECOND.get(model)));
                Cost cost = Cost.of(BigDecimal.valueOf(seconds), Cost.SECOND, perSecond);
                JobReceipt.of(RunwayApi.PROVIDER_ID, model, job.jobId(), delivered, cost).writeFor(job.output());
                return VideoJobStatus.succeeded(job.output(), cost);
            }
            default:
                throw new TransientVendorException(RunwayApi.PROVIDER_ID, "task " + job.jobId() + " has unknown status "
                        + status, null);
        }
    }
}
