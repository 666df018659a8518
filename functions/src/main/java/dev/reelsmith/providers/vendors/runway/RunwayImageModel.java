package dev.reelsmith.providers.vendors.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ImageLinks;
import dev.reelsmith.providers.vendors.http.ImageSize;
import dev.reelsmith.providers.vendors.http.InlineImages;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.Pause;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keyframes from Runway's {@code gen4_image} ({@code POST /v1/text_to_image}). The image API is a task like the clip
 * API, but {@link ImageModel} is synchronous, so {@link #generate} polls the task itself every
 * {@code pollInterval} for at most {@code waitLimit} (images take about 20 s); a task still running after that is a
 * transient failure naming the task id.
 *
 * <p>The ratio follows the request: a request whose longer side is at least 1440 pixels gets the 1080p tier
 * (1920:1080, 1080:1920, 1080:1080; 8 credits), anything smaller the 720p tier (1280:720, 720:1280, 720:720;
 * 5 credits). Up to three reference images are sent as {@code referenceImages}. Cost: the tier's credits × $0.01.
 */
public final class RunwayImageModel implements ImageModel {
    public static final String MODEL_ID = "gen4_image";
    static final int CREDITS_720P = 5;
    static final int CREDITS_1080P = 8;

    private final RunwayApi api;
    private final Optional<ImageLinks> links;
    private final Pause pause;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration waitLimit;

    public RunwayImageModel(RunwayApi api, Optional<ImageLinks> links, Pause pause, Clock clock,
                            Duration pollInterval, Duration waitLimit) {
        this.api = Objects.requireNonNull(api, "api");
        this.links = Objects.requireNonNull(links, "links");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.waitLimit = Objects.requireNonNull(waitLimit, "waitLimit");
    }

    @Override
    public String providerId() {
        return RunwayApi.PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public ImageResult generate(ImageRequest request) {
        RunwayApi.checkPrompt(request.prompt());
        boolean fullHd = Math.max(request.width(), request.height()) >= 1440;
        String ratio = switch (request.aspect()) {
            case LANDSCAPE -> fullHd ? "1920:1080" : "1280:720";
            case PORTRAIT -> fullHd ? "1080:1920" : "720:1280";
            case SQUARE -> fullHd ? "1080:1080" : "720:720";
        };
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", MODEL_ID);
        body.put("promptText", request.prompt());
        body.put("ratio", ratio);
        body.put("seed", Math.floorMod(request.seed(), 4_294_967_296L));
        if (!request.referenceImages().isEmpty()) {
            ArrayNode references = body.putArray("referenceImages");
            for (Path reference : request.referenceImages().subList(0, Math.min(3, request.referenceImages().size()))) {
                references.addObject().put("uri", InlineImages.reference(RunwayApi.PROVIDER_ID, reference,
                        RunwayApi.MAX_DATA_URI_BYTES, links));
            }
        }
        String id = api.create("text_to_image", body);
        Instant deadline = clock.instant().plus(waitLimit);
        while (true) {
            JsonNode task = api.task(id);
            String status = task.path("status").asText("");
            switch (status) {
                case "SUCCEEDED": {
                    Delivered delivered = api.http().download(URI.create(RunwayApi.outputUrl(task)), request.output(),
                            MediaKind.IMAGE, false);
                    ImageSize size = ImageSize.of(delivered.file());
                    BigDecimal credits = BigDecimal.valueOf(fullHd ? CREDITS_1080P : CREDITS_720P);
                    Cost cost = new Cost(BigDecimal.ONE, Cost.IMAGE, credits.multiply(RunwayApi.USD_PER_CREDIT),
                            credits.multiply(RunwayApi.USD_PER_CREDIT));
                    return new ImageResult(delivered.file(), delivered.format().mimeType(), size.width(), size.height(),
                            request.seed(), cost, RunwayApi.PROVIDER_ID, MODEL_ID);
                }
                case "FAILED":
                    throw new TransientVendorException(RunwayApi.PROVIDER_ID, "image task " + id + " failed: "
                            + RunwayApi.failure(task), null);
                case "CANCELLED":
                    throw new TransientVendorException(RunwayApi.PROVIDER_ID, "image task " + id + " was cancelled", null);
                default:
                    if (!clock.instant().isBefore(deadline)) {
                        throw new TransientVendorException(RunwayApi.PROVIDER_ID, "image task " + id + " is still "
                                + status + " after " + waitLimit.toSeconds() + " s", null);
                    }
                    pause.pause(pollInterval);
            }
        }
    }
}
