package dev.reelsmith.steps;

import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.ProviderRegistry;
import dev.reelsmith.providers.vendors.ProviderSettings;
import dev.reelsmith.providers.vendors.VendorClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenPrices;
import dev.reelsmith.providers.text.bedrock.BedrockTextConfig;
import dev.reelsmith.providers.text.bedrock.BedrockTextModel;
import dev.reelsmith.providers.text.local.LocalTextModel;
import dev.reelsmith.store.artifacts.ArtifactStore;
import dev.reelsmith.store.budget.BudgetLedger;
import dev.reelsmith.store.cache.GenerationCache;
import dev.reelsmith.store.vendors.VendorGuard;
import dev.reelsmith.store.vendors.VendorPolicies;
import dev.reelsmith.store.vendors.VendorPolicy;
import dev.reelsmith.store.sessions.SessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What step handlers need, built once per Lambda container (STYLE.md 5–6) and lazily, so a function only pays for
 * the clients it uses (a planning Lambda never locates FFmpeg). Tests build one with {@link #builder} around the
 * local cloud and their own test doubles of our interfaces (provider registry, text model, clock).
 */
public final class StepDependencies {
    private final StepConfig config;
    private final Clock clock;
    private final Supplier<S3Client> s3;
    private final Supplier<DynamoDbClient> dynamo;
    private final Supplier<SfnClient> sfn;
    private final Supplier<EventBridgeClient> events;
    private final Supplier<SqsClient> sqs;
    private final Supplier<Ffmpeg> ffmpeg;
    private final Supplier<ProviderRegistry> providers;
    private final Supplier<TextModel> textModel;
    private final Supplier<ToolCatalog> catalog;
    private final Supplier<SessionStore> sessions;
    private final Supplier<ArtifactStore> artifacts;
    private final Supplier<BudgetLedger> ledger;
    private final Supplier<GenerationCache> cache;
    private final Supplier<VendorGuard> guard;

    private StepDependencies(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.s3 = memo(b.s3 != null ? () -> b.s3 : StepDependencies::defaultS3);
        this.dynamo = memo(b.dynamo != null ? () -> b.dynamo
                : () -> DynamoDbClient.builder().httpClient(http()).build());
        this.sfn = memo(b.sfn != null ? () -> b.sfn : () -> SfnClient.builder().httpClient(http()).build());
        this.events = memo(b.events != null ? () -> b.events
                : () -> EventBridgeClient.builder().httpClient(http()).build());
        this.sqs = memo(b.sqs != null ? () -> b.sqs : () -> SqsClient.builder().httpClient(http()).build());
        this.ffmpeg = memo(b.ffmpeg != null ? () -> b.ffmpeg : Ffmpeg::locate);
        this.providers = memo(b.providers != null ? () -> b.providers : this::configuredProviders);
        this.catalog = memo(ToolCatalog::builtIn);
        this.textModel = memo(b.textModel != null ? () -> b.textModel : () -> textModelFor(config.textModel(), catalog()));
        this.sessions = memo(() -> new SessionStore(dynamo(), config.table(), clock));
        this.artifacts = memo(() -> new ArtifactStore(s3(), config.artifactsBucket()));
        this.ledger = memo(() -> new BudgetLedger(dynamo(), config.table(), clock));
        this.cache = memo(() -> new GenerationCache(dynamo(), config.table(), s3(), config.artifactsBucket(), clock));
        this.guard = memo(() -> new VendorGuard(dynamo(), config.table(), policies(config), clock));
    }

    /** The production wiring: configuration from the environment, real clients. */
    public static StepDependencies fromEnvironment() {
        return builder(StepConfig.fromEnvironment()).build();
    }

    public static Builder builder(StepConfig config) {
        return new Builder(config);
    }

    public StepConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public S3Client s3() {
        return s3.get();
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public EventBridgeClient events() {
        return events.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public Ffmpeg ffmpeg() {
        return ffmpeg.get();
    }

    public ProviderRegistry providers() {
        return providers.get();
    }

    public TextModel textModel() {
        return textModel.get();
    }

    public ToolCatalog catalog() {
        return catalog.get();
    }

    public SessionStore sessions() {
        return sessions.get();
    }

    public ArtifactStore artifacts() {
        return artifacts.get();
    }

    /** Each vendor's concurrency limit from the configuration; unnamed vendors get 4 concurrent calls. */
    static VendorPolicies policies(StepConfig config) {
        VendorPolicy fallback = VendorPolicy.defaults().withMaxConcurrent(4);
        java.util.Map<String, VendorPolicy> byVendor = new java.util.HashMap<>();
        config.vendorLimits().forEach((vendor, limit) -> byVendor.put(vendor, fallback.withMaxConcurrent(limit)));
        return new VendorPolicies(byVendor, fallback);
    }

    /** The run's spending ledger: reserve before a paid call, commit after. */
    public BudgetLedger ledger() {
        return ledger.get();
    }

    /** Content-addressed results: the same request never pays twice. */
    public GenerationCache cache() {
        return cache.get();
    }

    /** Per-vendor circuit breaker and concurrency limiter shared by every Lambda through DynamoDB. */
    public VendorGuard guard() {
        return guard.get();
    }

    /**
     * S3 with path-style addressing when a custom endpoint is configured (local emulators cannot serve
     * virtual-hosted bucket names on 127.0.0.1), virtual-hosted otherwise.
     */
    static S3Client defaultS3() {
        boolean custom = setting("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3") != null
                || setting("AWS_ENDPOINT_URL", "aws.endpointUrl") != null;
        return S3Client.builder().httpClient(http()).forcePathStyle(custom).build();
    }

    private static String setting(String env, String property) {
        String value = System.getenv(env);
        return value != null && !value.isBlank() ? value : System.getProperty(property);
    }

    private static software.amazon.awssdk.http.SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().build();
    }

    /**
     * The local providers, plus the vendors {@code REELSMITH_PROVIDERS} names (keys from Secrets Manager by name;
     * nothing is called until a plan uses the vendor).
     */
    private ProviderRegistry configuredProviders() {
        if (config.providers().equals("local")) {
            return ProviderRegistry.localOnly(ffmpeg());
        }
        ProviderSettings settings = ProviderSettings.fromEnvironment(StepDependencies::setting);
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        return ProviderRegistry.configured(ffmpeg(), settings, VendorClients.forAws(region, settings));
    }

    /** An environment variable, or the JVM system property of the same name (the local cloud's way). */
    static String setting(String name) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : System.getProperty(name);
    }

    /**
     * {@code local} (the deterministic offline planner) or {@code bedrock:<model id>} (Bedrock's Converse API in the
     * function's region, priced from the tool catalog's entry for that model so token costs are recorded).
     */
    static TextModel textModelFor(String setting, ToolCatalog catalog) {
        if (setting.equals("local")) {
            return new LocalTextModel();
        }
        if (setting.startsWith("bedrock:") && setting.length() > "bedrock:".length()) {
            String modelId = setting.substring("bedrock:".length());
            TokenPrices prices = catalog.tools().stream()
                    .filter(t -> t.provider().equals("bedrock") && modelId.endsWith(t.model()))
                    .map(t -> new TokenPrices(t.price().usd(), t.price().outputUsd() == null ? t.price().usd()
                            : t.price().outputUsd()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("REELSMITH_TEXT_MODEL names " + modelId
                            + ", which the tool catalog does not price; use one of its bedrock text tools"));
            BedrockTextConfig config = BedrockTextConfig.of(modelId, prices);
            return new BedrockTextModel(BedrockTextModel.clientBuilder(config.timeout()).build(), config);
        }
        throw new IllegalStateException("REELSMITH_TEXT_MODEL must be local or bedrock:<model id>, was " + setting);
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = supplier.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }

    /** Overrides for tests and the local runtime; anything not set is built from the configuration. */
    public static final class Builder {
        private final StepConfig config;
        private Clock clock;
        private S3Client s3;
        private DynamoDbClient dynamo;
        private SfnClient sfn;
        private EventBridgeClient events;
        private SqsClient sqs;
        private Ffmpeg ffmpeg;
        private ProviderRegistry providers;
        private TextModel textModel;

        private Builder(StepConfig config) {
            this.config = config;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder s3(S3Client value) {
            this.s3 = value;
            return this;
        }

        public Builder dynamo(DynamoDbClient value) {
            this.dynamo = value;
            return this;
        }

        public Builder sfn(SfnClient value) {
            this.sfn = value;
            return this;
        }

        public Builder events(EventBridgeClient value) {
            this.events = value;
            return this;
        }

        public Builder sqs(SqsClient value) {
            this.sqs = value;
            return this;
        }

        public Builder ffmpeg(Ffmpeg value) {
            this.ffmpeg = value;
            return this;
        }

        public Builder providers(ProviderRegistry value) {
            this.providers = value;
            return this;
        }

        public Builder textModel(TextModel value) {
            this.textModel = value;
            return this;
        }

        public StepDependencies build() {
            return new StepDependencies(this);
        }
    }
}
