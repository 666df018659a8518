package dev.reelsmith.providers.vendors;

import dev.reelsmith.providers.vendors.bedrock.S3Location;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which vendor adapters a deployment has and how they behave; read once per container into
 * {@link dev.reelsmith.providers.ProviderRegistry#configured}. A vendor is configured exactly when it has a secret
 * name (Bedrock, which signs with the function's role, when it has an async output location).
 *
 * @param secretNames        vendor id ({@code runway}, {@code luma}, {@code openai}, {@code replicate},
 *                           {@code google}) → the Secrets Manager secret (or SSM parameter) holding its key
 * @param bedrockOutput      where Bedrock writes async (Luma Ray 2) results; empty turns Bedrock off
 * @param bedrockRegion      the region Bedrock's generation models live in (us-west-2 for Ray 2 and Stability)
 * @param imageLinks         where keyframes are staged for vendors that fetch images by URL (Luma; large keyframes
 *                           for Runway and Replicate); empty when the deployment has no such bucket
 * @param googleVeoModels    Veo model ids live on the Gemini API → price per second; empty by default because the
 *                           Gemini API's Veo 3.1 previews were shut down on 2026-10-22 (VENDORS.md §4)
 * @param openAiImageQuality the quality an untiered lookup of an OpenAI image model gets: low, medium or high
 * @param baseUrls           vendor id → API root, overriding the public endpoint (tests, proxies)
 * @param requestTimeout     how long one vendor API call may take, 1 s – 5 min
 * @param downloadTimeout    how long an output download may take to start answering, 1 s – 10 min
 * @param imageWaitLimit     how long a synchronous image call may poll a vendor task, 5 s – 10 min
 * @param maxDownloadBytes   the largest output accepted, 1 MB – 4 GB
 */
public record ProviderSettings(Map<String, String> secretNames, Optional<S3Location> bedrockOutput,
                               String bedrockRegion, Optional<S3Location> imageLinks,
                               Map<String, BigDecimal> googleVeoModels, String openAiImageQuality,
                               Map<String, URI> baseUrls, Duration requestTimeout, Duration downloadTimeout,
                               Duration imageWaitLimit, long maxDownloadBytes) {
    /** The vendors that read an API key from a secret. */
    public static final Set<String> KEYED_VENDORS = Set.of("runway", "luma", "openai", "replicate", "google");
    public static final String DEFAULT_SECRETS_PREFIX = "reelsmith/";
    public static final String DEFAULT_BEDROCK_REGION = "us-west-2";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_IMAGE_WAIT_LIMIT = Duration.ofSeconds(90);
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 1024L * 1024 * 1024;

    public ProviderSettings {
        Objects.requireNonNull(secretNames, "secretNames");
        for (Map.Entry<String, String> entry : secretNames.entrySet()) {
            if (!KEYED_VENDORS.contains(entry.getKey())) {
                throw new IllegalArgumentException("secretNames has unknown vendor " + entry.getKey() + " (known: "
                        + String.join(", ", new TreeSet<>(KEYED_VENDORS)) + ")");
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw new IllegalArgumentException("the secret name for " + entry.getKey() + " must not be blank");
            }
        }
        secretNames = Map.copyOf(secretNames);
        Objects.requireNonNull(bedrockOutput, "bedrockOutput");
        if (bedrockRegion == null || !bedrockRegion.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("bedrockRegion must be an AWS region such as us-west-2, was "
                    + bedrockRegion);
        }
        Objects.requireNonNull(imageLinks, "imageLinks");
        googleVeoModels = Map.copyOf(Objects.requireNonNull(googleVeoModels, "googleVeoModels"));
        if (!Set.of("low", "medium", "high").contains(openAiImageQuality)) {
            throw new IllegalArgumentException("openAiImageQuality must be low, medium or high, was "
                    + openAiImageQuality);
        }
        baseUrls = Map.copyOf(Objects.requireNonNull(baseUrls, "baseUrls"));
        between(requestTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5), "requestTimeout");
        between(downloadTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10), "downloadTimeout");
        between(imageWaitLimit, Duration.ofSeconds(5), Duration.ofMinutes(10), "imageWaitLimit");
        if (maxDownloadBytes < 1024 * 1024 || maxDownloadBytes > 4L * 1024 * 1024 * 1024) {
            throw new IllegalArgumentException("maxDownloadBytes must be between 1 MB and 4 GB, was " + maxDownloadBytes);
        }
    }

    private static void between(Duration value, Duration min, Duration max, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min.toSeconds() + " s and "
                    + max.toSeconds() + " s, was " + value.toSeconds() + " s");
        }
    }

    /** Nothing configured: only the local providers. */
    public static ProviderSettings none() {
        return new ProviderSettings(Map.of(), Optional.empty(), DEFAULT_BEDROCK_REGION, Optional.empty(), Map.of(),
                "medium", Map.of(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT, DEFAULT_IMAGE_WAIT_LIMIT,
                DEFAULT_MAX_DOWNLOAD_BYTES);
    }

    /**
     * The given keyed vendors, each reading its key from {@code secretsPrefix + vendor} (the contract's
     * {@code reelsmith/runway}, …), with default timeouts.
     */
    public static ProviderSettings withVendors(String secretsPrefix, Collection<String> vendors) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String vendor : vendors) {
            names.put(vendor, secretsPrefix + vendor);
        }
        ProviderSettings none = none();
        return new ProviderSettings(names, none.bedrockOutput, none.bedrockRegion, none.imageLinks,
                none.googleVeoModels, none.openAiImageQuality, none.baseUrls, none.requestTimeout,
                none.downloadTimeout, none.imageWaitLimit, none.maxDownloadBytes);
    }

    /**
     * Settings from the contract's environment variables (or system properties, through {@code env}):
     * {@code REELSMITH_PROVIDERS} names the vendors to configure (e.g. {@code image=openai,video=runway}; the
     * default {@code local} configures none; {@code bedrock} turns Bedrock on), {@code REELSMITH_SECRETS_PREFIX}
     * (default {@code reelsmith/}) prefixes their secret names, and {@code REELSMITH_ARTIFACTS_BUCKET} holds Bedrock's
     * async output ({@code bedrock-async/}) and staged keyframes ({@code vendor-inputs/}).
     *
     * @throws IllegalArgumentException naming the variable when a value is malformed or Bedrock is asked for without
     *                                  an artifacts bucket
     */
    public static ProviderSettings fromEnvironment(Function<String, String> env) {
        String prefix = Optional.ofNullable(env.apply("REELSMITH_SECRETS_PREFIX")).filter(s -> !s.isBlank())
                .orElse(DEFAULT_SECRETS_PREFIX);
        String providers = Optional.ofNullable(env.apply("REELSMITH_PROVIDERS")).orElse("local");
        Set<String> named = new TreeSet<>();
        for (String part : providers.split(",")) {
            String value = part.contains("=") ? part.substring(part.indexOf('=') + 1) : part;
            value = value.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.equals("local")) {
                continue;
            }
            if (!value.equals("bedrock") && !KEYED_VENDORS.contains(value)) {
                throw new IllegalArgumentException("REELSMITH_PROVIDERS names unknown provider " + value + " (known: "
                        + "local, bedrock, " + String.join(", ", new TreeSet<>(KEYED_VENDORS)) + ")");
            }
            named.add(value);
        }
        boolean bedrock = named.remove("bedrock");
        ProviderSettings settings = withVendors(prefix, named);
        String bucket = env.apply("REELSMITH_ARTIFACTS_BUCKET");
        boolean haveBucket = bucket != null && !bucket.isBlank();
        if (bedrock && !haveBucket) {
            throw new IllegalArgumentException("REELSMITH_ARTIFACTS_BUCKET must be set when REELSMITH_PROVIDERS names"
                    + " bedrock (Bedrock writes clips there)");
        }
        Optional<S3Location> output = bedrock ? Optional.of(new S3Location(bucket.strip(), "bedrock-async/"))
                : Optional.empty();
        Optional<S3Location> links = haveBucket ? Optional.of(new S3Location(bucket.strip(), "vendor-inputs/"))
                : Optional.empty();
        return new ProviderSettings(settings.secretNames, output, settings.bedrockRegion, links,
                settings.googleVeoModels, settings.openAiImageQuality, settings.baseUrls, settings.requestTimeout,
                settings.downloadTimeout, settings.imageWaitLimit, settings.maxDownloadBytes);
    }

    /** The same settings with Bedrock on, writing async results under {@code output}. */
    public ProviderSettings withBedrock(S3Location output) {
        return new ProviderSettings(secretNames, Optional.of(output), bedrockRegion, imageLinks, googleVeoModels,
                openAiImageQuality, baseUrls, requestTimeout, downloadTimeout, imageWaitLimit, maxDownloadBytes);
    }

    /** The same settings staging keyframes for vendors under {@code location}. */
    public ProviderSettings withImageLinks(S3Location location) {
        return new ProviderSettings(secretNames, bedrockOutput, bedrockRegion, Optional.of(location), googleVeoModels,
                openAiImageQuality, baseUrls, requestTimeout, downloadTimeout, imageWaitLimit, maxDownloadBytes);
    }

    /** The same settings with a live Veo model on the Gemini API at a price per second. */
    public ProviderSettings withGoogleVeoModel(String modelId, BigDecimal pricePerSecond) {
        Map<String, BigDecimal> models = new LinkedHashMap<>(googleVeoModels);
        models.put(modelId, pricePerSecond);
        return new ProviderSettings(secretNames, bedrockOutput, bedrockRegion, imageLinks, models, openAiImageQuality,
                baseUrls, requestTimeout, downloadTimeout, imageWaitLimit, maxDownloadBytes);
    }

    /** The same settings with a vendor's API root replaced (tests, proxies). */
    public ProviderSettings withBaseUrl(String vendor, URI baseUrl) {
        Map<String, URI> urls = new LinkedHashMap<>(baseUrls);
        urls.put(vendor, baseUrl);
        return new ProviderSettings(secretNames, bedrockOutput, bedrockRegion, imageLinks, googleVeoModels,
                openAiImageQuality, urls, requestTimeout, downloadTimeout, imageWaitLimit, maxDownloadBytes);
    }

    /** The same settings with other timeouts. */
    public ProviderSettings withTimeouts(Duration request, Duration download, Duration imageWait) {
        return new ProviderSettings(secretNames, bedrockOutput, bedrockRegion, imageLinks, googleVeoModels,
                openAiImageQuality, baseUrls, request, download, imageWait, maxDownloadBytes);
    }

    /** The API root for {@code vendor}: the override, else {@code publicUrl}. */
    public URI baseUrl(String vendor, URI publicUrl) {
        return baseUrls.getOrDefault(vendor, publicUrl);
    }
}
