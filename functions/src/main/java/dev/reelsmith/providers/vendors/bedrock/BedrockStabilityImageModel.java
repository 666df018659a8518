package dev.reelsmith.providers.vendors.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ImageSize;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.OutputFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Keyframes from Stability AI's image models on Amazon Bedrock ({@code InvokeModel}, one image per call, base64 in
 * the JSON answer). The request carries the prompt, the aspect ratio, the seed (reduced into Stability's range
 * 0–4294967294), {@code negative_prompt} when the plan has one, and {@code output_format: png}; SD3.5 Large also
 * gets {@code mode: text-to-image}.
 *
 * <p>Bedrock answers a filtered prompt or image with HTTP 200 and a non-null {@code finish_reasons[0]} ("Filter
 * reason: prompt", "… output image", "… input image"): that is a {@link ContentRejectedException} carrying the
 * reason; "Inference error" is transient. Cost: one image at the model's list price (VENDORS.md §1b, unverified:
 * Core $0.04, SD3.5 Large $0.08, Ultra $0.14).
 */
public final class BedrockStabilityImageModel implements ImageModel {
    public static final String PROVIDER_ID = BedrockFailures.PROVIDER_ID;
    public static final String CORE = "stability.stable-image-core-v1:1";
    public static final String SD35_LARGE = "stability.sd3-5-large-v1:0";
    public static final String ULTRA = "stability.stable-image-ultra-v1:1";
    /** Price per image by model id (shared/VENDORS.md §1b, marked unverified there). */
    public static final Map<String, BigDecimal> PRICES = Map.of(
            CORE, new BigDecimal("0.04"),
            SD35_LARGE, new BigDecimal("0.08"),
            ULTRA, new BigDecimal("0.14"));

    static final int MAX_PROMPT_CHARS = 10_000;
    private static final long SEED_RANGE = 4_294_967_295L;

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final BigDecimal pricePerImage;

    /** A model from {@link #PRICES}. */
    public BedrockStabilityImageModel(BedrockRuntimeClient client, String modelId) {
        this(client, modelId, priceOf(modelId));
    }

    /** Any Stability model on Bedrock with the same request shape, at a given price per image. */
    public BedrockStabilityImageModel(BedrockRuntimeClient client, String modelId, BigDecimal pricePerImage) {
        this.client = Objects.requireNonNull(client, "client");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.pricePerImage = Objects.requireNonNull(pricePerImage, "pricePerImage");
    }

    private static BigDecimal priceOf(String modelId) {
        BigDecimal price = PRICES.get(modelId);
        if (price == null) {
            throw new IllegalArgumentException("no known price for Bedrock model " + modelId + " (known: "
                    + String.join(", ", new java.util.TreeSet<>(PRICES.keySet())) + ")");
        }
        return price;
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public ImageResult generate(ImageRequest request) {
        if (request.prompt().length() > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException(PROVIDER_ID, modelId + ": the prompt has " + request.prompt().length()
                    + " characters, more than the " + MAX_PROMPT_CHARS + " the model accepts", null);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("prompt", request.prompt());
        if (SD35_LARGE.equals(modelId)) {
            body.put("mode", "text-to-image");
        }
        body.put("aspect_ratio", request.aspect().label());
        body.put("seed", Math.floorMod(request.seed(), SEED_RANGE));
        body.put("output_format", "png");
        if (request.negativePrompt() != null) {
            body.put("negative_prompt", request.negativePrompt());
        }
        InvokeModelResponse response;
        try {
            response = client.invokeModel(r -> r.modelId(modelId).contentType("application/json")
                    .accept("application/json").body(SdkBytes.fromUtf8String(body.toString())));
        } catch (RuntimeException e) {
            throw BedrockFailures.classify("InvokeModel " + modelId, e);
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(response.body().asUtf8String());
        } catch (IOException e) {
            throw new TransientVendorException(PROVIDER_ID, modelId + " answered with a body that is not JSON", e);
        }
        JsonNode reason = answer.path("finish_reasons").path(0);
        if (reason.isTextual()) {
            String text = reason.textValue();
            if (text.startsWith("Filter reason")) {
                throw new ContentRejectedException(PROVIDER_ID, text, null);
            }
            throw new TransientVendorException(PROVIDER_ID, modelId + " finished with \"" + text + "\"", null);
        }
        JsonNode image = answer.path("images").path(0);
        if (!image.isTextual()) {
            throw new TransientVendorException(PROVIDER_ID, modelId + " returned no image", null);
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(image.textValue());
        } catch (IllegalArgumentException e) {
            throw new TransientVendorException(PROVIDER_ID, modelId + " returned an image that is not base64", e);
        }
        Delivered delivered = OutputFiles.write(PROVIDER_ID, png, request.output(), MediaKind.IMAGE);
        ImageSize size = ImageSize.of(delivered.file());
        long seed = answer.path("seeds").path(0).canConvertToLong() ? answer.path("seeds").path(0).asLong()
                : request.seed();
        return new ImageResult(delivered.file(), delivered.format().mimeType(), size.width(), size.height(), seed,
                Cost.of(BigDecimal.ONE, Cost.IMAGE, pricePerImage), PROVIDER_ID, modelId);
    }
}
