package dev.reelsmith.providers.vendors.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicJobStatus;
import dev.reelsmith.providers.MusicModel;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.JobReceipt;
import dev.reelsmith.providers.vendors.http.MediaKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Music beds from Meta's MusicGen on Replicate ({@code meta/musicgen}, a community model addressed by version): input
 * {@code prompt} (genre, mood and tempo in words), {@code duration} (whole seconds, the request rounded up, at most
 * {@code maxSeconds}), {@code model_version: stereo-large}, {@code output_format: wav},
 * {@code normalization_strategy: peak} and {@code seed}. Started without waiting, polled like any prediction; the
 * WAV at {@code output} is downloaded on success.
 *
 * <p>Community models are billed for the hardware time the prediction ran, so the cost is
 * {@code metrics.predict_time} seconds × the hardware's price per second (Nvidia A100 80 GB: $0.0014/s, VENDORS.md
 * §6), in unit {@code gpu-second}.
 */
public final class ReplicateMusicModel implements MusicModel {
    /** meta/musicgen at the version the examples in Replicate's documentation use. */
    public static final String MUSICGEN = "meta/musicgen:671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb";
    /** Replicate's A100 (80 GB) price per second (VENDORS.md §6). */
    public static final BigDecimal A100_80GB_PER_SECOND = new BigDecimal("0.0014");
    /** The unit of hardware-time billing. */
    public static final String GPU_SECOND = "gpu-second";
    static final int POLL_SECONDS = 10;

    private final ReplicateApi api;
    private final String model;
    private final BigDecimal hardwarePricePerSecond;
    private final int maxSeconds;

    public ReplicateMusicModel(ReplicateApi api, String model, BigDecimal hardwarePricePerSecond, int maxSeconds) {
        this.api = Objects.requireNonNull(api, "api");
        this.model = ReplicateApi.checkModel(model);
        this.hardwarePricePerSecond = Objects.requireNonNull(hardwarePricePerSecond, "hardwarePricePerSecond");
        if (maxSeconds < 1) {
            throw new IllegalArgumentException("maxSeconds must be positive, was " + maxSeconds);
        }
        this.maxSeconds = maxSeconds;
    }

    @Override
    public String providerId() {
        return ReplicateApi.PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return model;
    }

    @Override
    public MusicJob start(MusicRequest request) {
        int seconds = (int) Math.ceil(request.durationSeconds());
        if (seconds > maxSeconds) {
            throw new InvalidRequestException(ReplicateApi.PROVIDER_ID, model + " makes at most " + maxSeconds
                    + " s of music, " + seconds + " s were asked for", null);
        }
        StringBuilder prompt = new StringBuilder(request.genre());
        if (request.mood() != null) {
            prompt.append(", ").append(request.mood());
        }
        if (request.tempoBpm() != null) {
            prompt.append(", ").append(request.tempoBpm()).append(" bpm");
        }
        prompt.append(", instrumental");
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("prompt", prompt.toString());
        input.put("duration", seconds);
        input.put("model_version", "stereo-large");
        input.put("output_format", "wav");
        input.put("normalization_strategy", "peak");
        input.put("seed", Math.floorMod(request.seed(), 2_147_483_648L));
        JsonNode prediction = api.create(model, input, 0);
        return new MusicJob(ReplicateApi.PROVIDER_ID, model, prediction.path("id").asText(), request.output(),
                request.durationSeconds());
    }

    @Override
    public MusicJobStatus poll(MusicJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), ReplicateApi.PROVIDER_ID, model, job.jobId());
        if (receipt.isPresent()) {
            return MusicJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        JsonNode prediction = api.prediction(job.jobId());
        String status = prediction.path("status").asText("");
        switch (status) {
            case "starting":
                return MusicJobStatus.pending(POLL_SECONDS);
            case "processing":
                return MusicJobStatus.running(POLL_SECONDS);
            case "canceled":
                return MusicJobStatus.cancelled("the prediction was canceled");
            case "failed":
                return MusicJobStatus.failed(ReplicateApi.failure(prediction));
            case "succeeded": {
                Delivered delivered = api.http().download(ReplicateApi.outputUrl(prediction), job.output(),
                        MediaKind.AUDIO, false);
                BigDecimal seconds = prediction.path("metrics").path("predict_time").isNumber()
                        ? prediction.path("metrics").path("predict_time").decimalValue().setScale(3, RoundingMode.UP)
                        : BigDecimal.ZERO;
                Cost cost = Cost.of(seconds, GPU_SECOND, hardwarePricePerSecond);
                JobReceipt.of(ReplicateApi.PROVIDER_ID, model, job.jobId(), delivered, cost).writeFor(job.output());
                return MusicJobStatus.succeeded(job.output(), cost);
            }
            default:
                throw new TransientVendorException(ReplicateApi.PROVIDER_ID, "prediction " + job.jobId()
                        + " has unknown status " + status, null);
        }
    }
}
