package dev.reelsmith.providers.vendors.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
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
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Keyframes from OpenAI's GPT image models ({@code POST /images/generations}; {@code gpt-image-1.5},
 * {@code gpt-image-1-mini}): {@code model}, {@code prompt}, {@code n: 1}, {@code size} (1536x1024 for 16:9, 1024x1536
 * for 9:16, 1024x1024 for 1:1: the sizes these models make; the compose step crops to the delivery frame),
 * {@code quality} (this instance's tier: low, medium or high) and {@code output_format: png}. The image arrives as
 * {@code data[0].b64_json}. GPT image models take no seed and no negative prompt.
 *
 * <p>A refusal is HTTP 400 {@code moderation_blocked}, a {@link dev.reelsmith.providers.ContentRejectedException}
 * (not billed). Cost: one image at OpenAI's per-image price for the model, quality and size (VENDORS.md §5 and
 * OpenAI's pricing as quoted on community.openai.com and aifreeapi.com, 2026); prompt tokens, a fraction of a cent,
 * are not included.
 */
public final class OpenAiImageModel implements ImageModel {
    static final int MAX_PROMPT_CHARS = 32_000;

    /** Price per image: model → quality → {square, portrait or landscape}. */
    public static final Map<String, Map<String, BigDecimal[]>> PRICES = Map.of(
            "gpt-image-1.5", Map.of(
                    "low", prices("0.009", "0.013"),
                    "medium", prices("0.034", "0.05"),
                    "high", prices("0.133", "0.20")),
            "gpt-image-1-mini", Map.of(
                    "low", prices("0.005", "0.006"),
                    "medium", prices("0.011", "0.015"),
                    "high", prices("0.036", "0.052")));

    private final OpenAiApi api;
    private final String model;
    private final String quality;

    /**
     * @param model   a key of {@link #PRICES}
     * @param quality low, medium or high
     */
    public OpenAiImageModel(OpenAiApi api, String model, String quality) {
        this.api = Objects.requireNonNull(api, "api");
        Map<String, BigDecimal[]> byQuality = PRICES.get(model);
        if (byQuality == null) {
            throw new IllegalArgumentException("unknown OpenAI image model " + model + " (known: "
                    + String.join(", ", new java.util.TreeSet<>(PRICES.keySet())) + ")");
        }
        if (!byQuality.containsKey(quality)) {
            throw new IllegalArgumentException("quality must be low, medium or high, was " + quality);
        }
        this.model = model;
        this.quality = quality;
    }

    private static BigDecimal[] prices(String square, String oblong) {
        return new BigDecimal[] {new BigDecimal(square), new BigDecimal(oblong)};
    }

    @Override
    public String providerId() {
        return OpenAiApi.PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return model;
    }

    /** The quality tier this instance generates at. */
    public String quality() {
        return quality;
    }

    @Override
    public ImageResult generate(ImageRequest request) {
        if (request.prompt().length() > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException(OpenAiApi.PROVIDER_ID, "the prompt has " + request.prompt().length()
                    + " characters, more than the " + MAX_PROMPT_CHARS + " " + model + " accepts", null);
        }
        String size = switch (request.aspect()) {
            case LANDSCAPE -> "1536x1024";
            case PORTRAIT -> "1024x1536";
            case SQUARE -> "1024x1024";
        };
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("prompt", request.prompt());
        body.put("n", 1);
        body.put("size", size);
        body.put("quality", quality);
        body.put("output_format", "png");
        JsonNode answer = api.http().postJson(api.uri("/images/generations"), body);
        JsonNode b64 = answer.path("data").path(0).path("b64_json");
        if (!b64.isTextual()) {
            throw new TransientVendorException(OpenAiApi.PROVIDER_ID, model + " answered without data[0].b64_json", null);
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(b64.textValue());
        } catch (IllegalArgumentException e) {
            throw new TransientVendorException(OpenAiApi.PROVIDER_ID, model + " returned an image that is not base64", e);
        }
        Delivered delivered = OutputFiles.write(OpenAiApi.PROVIDER_ID, png, request.output(), MediaKind.IMAGE);
        ImageSize actual = ImageSize.of(delivered.file());
        BigDecimal price = PRICES.get(model).get(quality)[size.equals("1024x1024") ? 0 : 1];
        return new ImageResult(delivered.file(), delivered.format().mimeType(), actual.width(), actual.height(),
                request.seed(), Cost.of(BigDecimal.ONE, Cost.IMAGE, price), OpenAiApi.PROVIDER_ID, model);
    }
}
