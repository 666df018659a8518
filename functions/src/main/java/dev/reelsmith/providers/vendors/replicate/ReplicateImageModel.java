package dev.reelsmith.providers.vendors.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ImageSize;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.Pause;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keyframes from any Replicate image model. The input is built by a per-model function ({@link #fluxSchnell},
 * {@link #flux11Pro}); the prediction is created with at most a short {@code Prefer: wait} and then polled every
 * {@code pollInterval} for at most {@code waitLimit}, because {@link ImageModel} is synchronous. A prediction that
 * fails with a safety/NSFW error is a {@link dev.reelsmith.providers.ContentRejectedException}; any other failure,
 * a cancellation or a prediction still running at the limit is transient.
 *
 * <p>Cost: one image at the model's per-output price (official models are billed per output; prices from the tool
 * catalog, which cites each model's Replicate page).
 */
public final class ReplicateImageModel implements ImageModel {
    private final ReplicateApi api;
    private final String model;
    private final Function<ImageRequest, ObjectNode> input;
    private final BigDecimal pricePerImage;
    private final Pause pause;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration waitLimit;
    private final int preferWaitSeconds;

    /**
     * @param model             owner/name, owner/name:version or a version id
     * @param input             builds the model's input from the request
     * @param preferWaitSeconds how long creation may hold the connection for a quick result, 0–10 s
     */
    public ReplicateImageModel(ReplicateApi api, String model, Function<ImageRequest, ObjectNode> input,
                               BigDecimal pricePerImage, Pause pause, Clock clock, Duration pollInterval,
                               Duration waitLimit, int preferWaitSeconds) {
        this.api = Objects.requireNonNull(api, "api");
        this.model = ReplicateApi.checkModel(model);
        this.input = Objects.requireNonNull(input, "input");
        this.pricePerImage = Objects.requireNonNull(pricePerImage, "pricePerImage");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.waitLimit = Objects.requireNonNull(waitLimit, "waitLimit");
        if (preferWaitSeconds < 0 || preferWaitSeconds > ReplicateApi.MAX_PREFER_WAIT_SECONDS) {
            throw new IllegalArgumentException("preferWaitSeconds must be between 0 and "
                    + ReplicateApi.MAX_PREFER_WAIT_SECONDS + ", was " + preferWaitSeconds);
        }
        this.preferWaitSeconds = preferWaitSeconds;
    }

    /** {@code black-forest-labs/flux-schnell}: prompt, aspect ratio, one PNG, seed. $0.003 per image. */
    public static Function<ImageRequest, ObjectNode> fluxSchnell() {
        return request -> {
            ObjectNode input = flux(request);
            input.put("num_outputs", 1);
            return input;
        };
    }

    /** {@code black-forest-labs/flux-1.1-pro}: prompt, aspect ratio, PNG, seed. $0.04 per image. */
    public static Function<ImageRequest, ObjectNode> flux11Pro() {
        return request -> {
            ObjectNode input = flux(request);
            input.put("prompt_upsampling", false);
            return input;
        };
    }

    private static ObjectNode flux(ImageRequest request) {
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("prompt", request.prompt());
        input.put("aspect_ratio", request.aspect().label());
        input.put("output_format", "png");
        input.put("seed", Math.floorMod(request.seed(), 2_147_483_648L));
        return input;
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
    public ImageResult generate(ImageRequest request) {
        JsonNode prediction = api.create(model, input.apply(request), preferWaitSeconds);
        String id = prediction.path("id").asText();
        Instant deadline = clock.instant().plus(waitLimit);
        while (true) {
            String status = prediction.path("status").asText("");
            switch (status) {
                case "succeeded": {
                    Delivered delivered = api.http().download(ReplicateApi.outputUrl(prediction), request.output(),
                            MediaKind.IMAGE, false);
                    ImageSize size = ImageSize.of(delivered.file());
                    return new ImageResult(delivered.file(), delivered.format().mimeType(), size.width(), size.height(),
                            request.seed(), Cost.of(BigDecimal.ONE, Cost.IMAGE, pricePerImage),
                            ReplicateApi.PROVIDER_ID, model);
                }
                case "failed":
                    throw new TransientVendorException(ReplicateApi.PROVIDER_ID, "prediction " + id + " failed: "
                            + ReplicateApi.failure(prediction), null);
                case "canceled":
                    throw new TransientVendorException(ReplicateApi.PROVIDER_ID, "prediction " + id + " was canceled", null);
                default:
                    if (!clock.instant().isBefore(deadline)) {
                        throw new TransientVendorException(ReplicateApi.PROVIDER_ID, "prediction " + id + " is still "
                                + status + " after " + waitLimit.toSeconds() + " s", null);
                    }
                    pause.pause(pollInterval);
                    prediction = api.prediction(id);
            }
        }
    }
}
