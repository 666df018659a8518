package dev.reelsmith.providers;

import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.render.Renderer;
import dev.reelsmith.providers.local.LocalVideoModel;
import dev.reelsmith.providers.local.StoryboardImageModel;
import dev.reelsmith.providers.local.SynthMusicModel;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.ProviderSettings;
import dev.reelsmith.providers.vendors.VendorClients;
import dev.reelsmith.providers.vendors.bedrock.BedrockLumaRayVideoModel;
import dev.reelsmith.providers.vendors.bedrock.BedrockStabilityImageModel;
import dev.reelsmith.providers.vendors.http.ImageLinks;
import dev.reelsmith.providers.vendors.http.S3ImageLinks;
import dev.reelsmith.providers.vendors.luma.LumaVideoModel;
import dev.reelsmith.providers.vendors.openai.OpenAiApi;
import dev.reelsmith.providers.vendors.openai.OpenAiImageModel;
import dev.reelsmith.providers.vendors.openai.SoraVideoModel;
import dev.reelsmith.providers.vendors.replicate.ReplicateApi;
import dev.reelsmith.providers.vendors.replicate.ReplicateImageModel;
import dev.reelsmith.providers.vendors.replicate.ReplicateMusicModel;
import dev.reelsmith.providers.vendors.replicate.ReplicateVideoModel;
import dev.reelsmith.providers.vendors.runway.RunwayApi;
import dev.reelsmith.providers.vendors.runway.RunwayImageModel;
import dev.reelsmith.providers.vendors.runway.RunwayVideoModel;
import dev.reelsmith.providers.vendors.veo.GeminiVeoVideoModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The generation models this deployment can call, looked up by the provider and model ids the production plan
 * names (and, for models sold in price tiers such as OpenAI's image qualities, the tool's tier). The local providers
 * are always present; vendor adapters are added by {@link #configured} when their secret (or, for Bedrock, their
 * output location) is configured.
 */
public final class ProviderRegistry {
    /** How often synchronous image calls poll a vendor task. */
    static final Duration IMAGE_POLL_INTERVAL = Duration.ofSeconds(2);
    /** Replicate may hold an image prediction's creation this long for a quick result (bounded; never 60 s). */
    static final int REPLICATE_IMAGE_PREFER_WAIT_SECONDS = 5;
    /** Longest music bed asked of MusicGen. */
    static final int MUSICGEN_MAX_SECONDS = 300;

    private final Map<String, ImageModel> images = new LinkedHashMap<>();
    private final Map<String, VideoModel> videos = new LinkedHashMap<>();
    private final Map<String, MusicModel> music = new LinkedHashMap<>();

    private ProviderRegistry() {
    }

    /** Only the free local providers: storyboard frames, Ken Burns motion, synthesised music. */
    public static ProviderRegistry localOnly(Ffmpeg ffmpeg) {
        ProviderRegistry registry = new ProviderRegistry();
        registry.add(new StoryboardImageModel());
        registry.add(new LocalVideoModel(new Renderer(ffmpeg)));
        registry.add(new SynthMusicModel());
        return registry;
    }

    /**
     * The local providers plus every vendor adapter {@code settings} configures:
     * <ul>
     *   <li>{@code runway}: video gen4_turbo, gen4.5, veo3.1, veo3.1_fast; image gen4_image;</li>
     *   <li>{@code luma} (needs {@link ProviderSettings#imageLinks}): video ray-2, ray-flash-2;</li>
     *   <li>{@code openai}: images gpt-image-1.5 and gpt-image-1-mini in tiers low, medium and high (untiered
     *       lookups get {@link ProviderSettings#openAiImageQuality}); video sora-2, sora-2-pro;</li>
     *   <li>{@code replicate}: images black-forest-labs/flux-schnell and flux-1.1-pro; video kwaivgi/kling-v2.1;
     *       music meta/musicgen;</li>
     *   <li>{@code google}: the Veo models in {@link ProviderSettings#googleVeoModels} (none by default);</li>
     *   <li>{@code bedrock} (needs {@link ProviderSettings#bedrockOutput} and a Bedrock client): the three
     *       Stability image models and, with an S3 client, luma.ray-v2:0.</li>
     * </ul>
     * Nothing is called here: keys are read on first use, so a missing secret surfaces as
     * {@link ProviderNotConfiguredException} from the call that needed it.
     */
    public static ProviderRegistry configured(Ffmpeg ffmpeg, ProviderSettings settings, VendorClients clients) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clients, "clients");
        ProviderRegistry registry = localOnly(ffmpeg);
        Optional<ImageLinks> links = settings.imageLinks().flatMap(location -> clients.s3().flatMap(s3 ->
                clients.presigner().map(presigner -> (ImageLinks) new S3ImageLinks(s3, presigner, location.bucket(),
                        location.key(), Duration.ofHours(6)))));
        Duration request = settings.requestTimeout();
        Duration download = settings.downloadTimeout();
        long maxBytes = settings.maxDownloadBytes();

        key(settings, clients, "runway").ifPresent(key -> {
            RunwayApi api = new RunwayApi(clients.http(), settings.baseUrl("runway", RunwayApi.DEFAULT_BASE_URL), key,
                    request, download, maxBytes);
            RunwayVideoModel.CREDITS_PER_SECOND.keySet().stream().sorted()
                    .forEach(model -> registry.add(new RunwayVideoModel(api, model, links)));
            registry.add(new RunwayImageModel(api, links, clients.pause(), clients.clock(), IMAGE_POLL_INTERVAL,
                    settings.imageWaitLimit()));
        });
        key(settings, clients, "luma").ifPresent(key -> links.ifPresent(imageLinks ->
                LumaVideoModel.PRICES_720P.keySet().stream().sorted().forEach(model -> registry.add(new LumaVideoModel(
                        clients.http(), settings.baseUrl("luma", LumaVideoModel.DEFAULT_BASE_URL), key, model,
                        imageLinks, request, download, maxBytes)))));
        key(settings, clients, "openai").ifPresent(key -> {
            OpenAiApi api = new OpenAiApi(clients.http(), settings.baseUrl("openai", OpenAiApi.DEFAULT_BASE_URL), key,
                    request, download, maxBytes);
            for (String model : List.of("gpt-image-1.5", "gpt-image-1-mini")) {
                for (String quality : List.of("low", "medium", "high")) {
                    registry.add(new OpenAiImageModel(api, model, quality), quality);
                }
                registry.add(new OpenAiImageModel(api, model, settings.openAiImageQuality()));
            }
            SoraVideoModel.PRICES.keySet().stream().sorted()
                    .forEach(model -> registry.add(new SoraVideoModel(api, model)));
        });
        key(settings, clients, "replicate").ifPresent(key -> {
            ReplicateApi api = new ReplicateApi(clients.http(), settings.baseUrl("replicate",
                    ReplicateApi.DEFAULT_BASE_URL), key, request, download, maxBytes);
            registry.add(new ReplicateImageModel(api, "black-forest-labs/flux-schnell",
                    ReplicateImageModel.fluxSchnell(), new BigDecimal("0.003"), clients.pause(), clients.clock(),
                    IMAGE_POLL_INTERVAL, settings.imageWaitLimit(), REPLICATE_IMAGE_PREFER_WAIT_SECONDS));
            registry.add(new ReplicateImageModel(api, "black-forest-labs/flux-1.1-pro",
                    ReplicateImageModel.flux11Pro(), new BigDecimal("0.04"), clients.pause(), clients.clock(),
                    IMAGE_POLL_INTERVAL, settings.imageWaitLimit(), REPLICATE_IMAGE_PREFER_WAIT_SECONDS));
            registry.add(new ReplicateVideoModel(api, ReplicateVideoModel.KLING_V21, new BigDecimal("0.05"),
                    List.of(5, 10), "standard", links));
            registry.add(new ReplicateMusicModel(api, ReplicateMusicModel.MUSICGEN,
                    ReplicateMusicModel.A100_80GB_PER_SECOND, MUSICGEN_MAX_SECONDS));
        });
        key(settings, clients, "google").ifPresent(key -> settings.googleVeoModels().forEach((model, price) ->
                registry.add(new GeminiVeoVideoModel(clients.http(), settings.baseUrl("google",
                        GeminiVeoVideoModel.DEFAULT_BASE_URL), key, model, price, request, download, maxBytes))));
        if (settings.bedrockOutput().isPresent() && clients.bedrock().isPresent()) {
            for (String model : List.of(BedrockStabilityImageModel.CORE, BedrockStabilityImageModel.SD35_LARGE,
                    BedrockStabilityImageModel.ULTRA)) {
                registry.add(new BedrockStabilityImageModel(clients.bedrock().get(), model));
            }
            clients.s3().ifPresent(s3 -> registry.add(new BedrockLumaRayVideoModel(clients.bedrock().get(), s3,
                    settings.bedrockOutput().get())));
        }
        return registry;
    }

    private static Optional<SecretSource> key(ProviderSettings settings, VendorClients clients, String vendor) {
        return Optional.ofNullable(settings.secretNames().get(vendor))
                .map(name -> clients.secrets().forVendor(vendor, name));
    }

    /** Adds (or replaces) an image model under its provider and model ids. */
    public ProviderRegistry add(ImageModel model) {
        images.put(key(model.providerId(), model.modelId()), model);
        return this;
    }

    /** Adds (or replaces) an image model for one price tier of its model, e.g. OpenAI's {@code high} quality. */
    public ProviderRegistry add(ImageModel model, String tier) {
        images.put(tierKey(model.providerId(), model.modelId(), tier), model);
        return this;
    }

    /** Adds (or replaces) a video model under its provider and model ids. */
    public ProviderRegistry add(VideoModel model) {
        videos.put(key(model.providerId(), model.modelId()), model);
        return this;
    }

    /** Adds (or replaces) a music model under its provider and model ids. */
    public ProviderRegistry add(MusicModel model) {
        music.put(key(model.providerId(), model.modelId()), model);
        return this;
    }

    /** Whether an image model is configured under these ids (untiered). */
    public boolean hasImage(String providerId, String modelId) {
        return images.containsKey(key(providerId, modelId));
    }

    /** Whether a video model is configured under these ids. */
    public boolean hasVideo(String providerId, String modelId) {
        return videos.containsKey(key(providerId, modelId));
    }

    /** Whether a music model is configured under these ids. */
    public boolean hasMusic(String providerId, String modelId) {
        return music.containsKey(key(providerId, modelId));
    }

    /** @throws ProviderNotConfiguredException when no such image model is configured */
    public ImageModel image(String providerId, String modelId) {
        return find(images, providerId, modelId, "image");
    }

    /**
     * The image model for a tool's price tier (the catalog's {@code tier}), falling back to the model's untiered
     * entry when the tier has none of its own or {@code tier} is null.
     *
     * @throws ProviderNotConfiguredException when neither is configured
     */
    public ImageModel image(String providerId, String modelId, String tier) {
        if (tier != null) {
            ImageModel tiered = images.get(tierKey(providerId, modelId, tier));
            if (tiered != null) {
                return tiered;
            }
        }
        return image(providerId, modelId);
    }

    /** @throws ProviderNotConfiguredException when no such video model is configured */
    public VideoModel video(String providerId, String modelId) {
        return find(videos, providerId, modelId, "video");
    }

    /** @throws ProviderNotConfiguredException when no such music model is configured */
    public MusicModel music(String providerId, String modelId) {
        return find(music, providerId, modelId, "music");
    }

    private static <T> T find(Map<String, T> models, String providerId, String modelId, String kind) {
        T model = models.get(key(providerId, modelId));
        if (model == null) {
            throw new ProviderNotConfiguredException(providerId, "no " + kind + " model " + modelId
                    + " is configured (configured: " + String.join(", ", models.keySet()) + ")");
        }
        return model;
    }

    private static String key(String providerId, String modelId) {
        return Objects.requireNonNull(providerId, "providerId") + "/" + Objects.requireNonNull(modelId, "modelId");
    }

    private static String tierKey(String providerId, String modelId, String tier) {
        return key(providerId, modelId) + "#" + Objects.requireNonNull(tier, "tier");
    }
}
