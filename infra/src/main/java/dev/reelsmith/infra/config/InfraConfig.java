package dev.reelsmith.infra.config;

import dev.reelsmith.domain.Brief;
import dev.reelsmith.steps.PipelineFunction;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything a deployment may choose, read once from CDK context ({@code cdk.json} or {@code -c key=value}) and
 * validated here, so a bad value stops {@code cdk synth} with a message naming the key instead of producing a
 * stack that fails at deploy or run time. Defaults are the safe, zero-cost ones: local providers, no review,
 * 30-day retention, IAM-authorised API.
 *
 * @param stackPrefix            stack names are {@code <prefix>-Storage}, {@code -Pipeline}, {@code -Api}
 * @param secretsPrefix          Secrets Manager name prefix of vendor keys ({@code REELSMITH_SECRETS_PREFIX})
 * @param vendorSecretNames      the secrets functions may read, each under {@code secretsPrefix}
 * @param defaultProviders       {@code REELSMITH_PROVIDERS}, e.g. {@code local} or {@code image=openai,video=runway}
 * @param textModel              {@code REELSMITH_TEXT_MODEL}: {@code local}, {@code bedrock:<modelId>} or {@code openai:<model>}
 * @param defaultBudgetUsd       {@code REELSMITH_DEFAULT_BUDGET_USD} for runs whose input names no budget
 * @param review                 {@code REELSMITH_REVIEW}: {@code none|images|clips|both}
 * @param retentionDays          artifacts under {@code runs/} and session items expire after this many days
 * @param cacheRetentionDays     the paid-for generation cache ({@code cache/}) expires after this many days
 * @param logRetentionDays       CloudWatch Logs retention of every log group (a value Logs accepts)
 * @param allowedApiPrincipals   IAM ARNs that may assume the API client role (IAM authorisation)
 * @param jwtIssuer              JWT issuer URL; when set the API uses a JWT authoriser instead of IAM
 * @param jwtAudience            accepted JWT audiences (required with {@code jwtIssuer})
 * @param alarmEmail             address subscribed to the alarm topic
 * @param eventBusName           {@code default}, or the name of a bus the pipeline stack creates
 * @param ffmpegArchitecture     architecture of the functions that need FFmpeg ({@code x86_64} or {@code arm64})
 * @param reservedConcurrency    reserved concurrency per function id, e.g. {@code compose=5}
 * @param apiThrottleRateLimit   steady-state requests per second the API stage accepts
 * @param apiThrottleBurstLimit  burst the API stage accepts
 * @param destroyData            true: buckets, table, key and logs are deleted with the stacks (test accounts)
 * @param buildOutputs           the jar, layer zips and ASL file the app deploys
 */
public record InfraConfig(String stackPrefix, String secretsPrefix, List<String> vendorSecretNames,
                          String defaultProviders, String textModel, BigDecimal defaultBudgetUsd, String review,
                          int retentionDays, int cacheRetentionDays, int logRetentionDays,
                          List<String> allowedApiPrincipals, Optional<String> jwtIssuer, List<String> jwtAudience,
                          Optional<String> alarmEmail, String eventBusName, String ffmpegArchitecture,
                          Map<String, Integer> reservedConcurrency, int apiThrottleRateLimit,
                          int apiThrottleBurstLimit, boolean destroyData, BuildOutputs buildOutputs) {

    /** The vendors with a secret each (VENDORS.md); the default {@code vendorSecretNames} are these under the prefix. */
    public static final List<String> VENDORS = List.of("runway", "luma", "openai", "replicate", "google");
    static final Set<String> REVIEW_MODES = Set.of("none", "images", "clips", "both");
    static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private static final Pattern STACK_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern PROVIDERS =
            Pattern.compile("[a-z0-9-]+|[a-z]+=[a-z0-9-]+(,[a-z]+=[a-z0-9-]+)*");
    private static final Pattern TEXT_MODEL = Pattern.compile("local|bedrock:[A-Za-z0-9.:_-]+|openai:[A-Za-z0-9.:_-]+");
    private static final Pattern IAM_PRINCIPAL =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(root|user/[\\w+=,.@/-]+|role/[\\w+=,.@/-]+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EVENT_BUS = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    public InfraConfig {
        require(STACK_PREFIX.matcher(nonNull(stackPrefix, "stackPrefix")).matches(), "stackPrefix",
                "must start with a letter and hold only letters, digits and hyphens (at most 64)", stackPrefix);
        require(!nonNull(secretsPrefix, "secretsPrefix").isEmpty() && SECRET_NAME.matcher(secretsPrefix).matches(),
                "secretsPrefix", "must be a Secrets Manager name prefix", secretsPrefix);
        vendorSecretNames = List.copyOf(nonNull(vendorSecretNames, "vendorSecretNames"));
        for (String name : vendorSecretNames) {
            require(name.startsWith(secretsPrefix) && name.length() > secretsPrefix.length()
                            && SECRET_NAME.matcher(name).matches(), "vendorSecretNames",
                    "must be secret names under secretsPrefix '" + secretsPrefix + "'", name);
        }
        require(PROVIDERS.matcher(nonNull(defaultProviders, "defaultProviders")).matches(), "defaultProviders",
                "must be a provider id or kind=provider pairs, e.g. image=openai,video=runway", defaultProviders);
        require(TEXT_MODEL.matcher(nonNull(textModel, "textModel")).matches(), "textModel",
                "must be local, bedrock:<modelId> or openai:<model>", textModel);
        nonNull(defaultBudgetUsd, "defaultBudgetUsd");
        require(defaultBudgetUsd.signum() >= 0 && defaultBudgetUsd.compareTo(Brief.MAX_BUDGET_USD) <= 0
                        && defaultBudgetUsd.stripTrailingZeros().scale() <= 2, "defaultBudgetUsd",
                "must be between 0 and " + Brief.MAX_BUDGET_USD + " with at most 2 decimals", defaultBudgetUsd);
        require(REVIEW_MODES.contains(nonNull(review, "review")), "review", "must be one of none, images, clips, both",
                review);
        require(retentionDays >= 1 && retentionDays <= 3650, "retentionDays", "must be between 1 and 3650",
                retentionDays);
        require(cacheRetentionDays >= retentionDays && cacheRetentionDays <= 3650, "cacheRetentionDays",
                "must be between retentionDays (" + retentionDays + ") and 3650", cacheRetentionDays);
        require(LogRetention.acceptedDays().contains(logRetentionDays), "logRetentionDays",
                "must be one of " + LogRetention.acceptedDays(), logRetentionDays);
        allowedApiPrincipals = List.copyOf(nonNull(allowedApiPrincipals, "allowedApiPrincipals"));
        for (String principal : allowedApiPrincipals) {
            require(IAM_PRINCIPAL.matcher(principal).matches(), "allowedApiPrincipals",
                    "must be IAM role, user or account root ARNs", principal);
        }
        nonNull(jwtIssuer, "jwtIssuer");
        jwtAudience = List.copyOf(nonNull(jwtAudience, "jwtAudience"));
        jwtIssuer.ifPresent(issuer -> require(issuer.startsWith("https://") && issuer.length() > 8, "jwtIssuer",
                "must be an https:// URL", issuer));
        require(jwtIssuer.isPresent() == !jwtAudience.isEmpty(), "jwtAudience",
                "must be given together with jwtIssuer", jwtAudience.isEmpty() ? "[]" : jwtAudience);
        require(jwtIssuer.isEmpty() || allowedApiPrincipals.isEmpty(), "allowedApiPrincipals",
                "must be empty when jwtIssuer is set (the API uses one authoriser)", allowedApiPrincipals);
        nonNull(alarmEmail, "alarmEmail").ifPresent(email -> require(EMAIL.matcher(email).matches(), "alarmEmail",
                "must be an email address", email));
        require(EVENT_BUS.matcher(nonNull(eventBusName, "eventBusName")).matches(), "eventBusName",
                "must be default or a bus name of letters, digits, '.', '_' and '-'", eventBusName);
        require(ARCHITECTURES.contains(nonNull(ffmpegArchitecture, "ffmpegArchitecture")), "ffmpegArchitecture",
                "must be x86_64 or arm64", ffmpegArchitecture);
        reservedConcurrency = Map.copyOf(nonNull(reservedConcurrency, "reservedConcurrency"));
        Set<String> ids = Arrays.stream(PipelineFunction.values()).map(PipelineFunction::id)
                .collect(Collectors.toSet());
        reservedConcurrency.forEach((id, count) -> {
            require(ids.contains(id), "reservedConcurrency", "keys must be function ids ("
                    + ids.stream().sorted().collect(Collectors.joining(", ")) + ")", id);
            require(count >= 1 && count <= 1000, "reservedConcurrency." + id, "must be between 1 and 1000", count);
        });
        require(apiThrottleRateLimit >= 1 && apiThrottleRateLimit <= 10000, "apiThrottleRateLimit",
                "must be between 1 and 10000", apiThrottleRateLimit);
        require(apiThrottleBurstLimit >= 1 && apiThrottleBurstLimit <= 5000, "apiThrottleBurstLimit",
                "must be between 1 and 5000", apiThrottleBurstLimit);
        nonNull(buildOutputs, "buildOutputs");
    }

    /**
     * Reads every key from {@code context} (typically {@code app.getNode()::tryGetContext}); absent keys take
     * their defaults. Context keys are the component names above, plus {@code functionsJar},
     * {@code ffmpegLayerDir} and {@code stateMachineDefinition} for {@link BuildOutputs}.
     *
     * @throws InvalidContextException naming the first key whose value is invalid
     */
    public static InfraConfig fromContext(Function<String, Object> context) {
        ContextValues values = new ContextValues(context);
        String secretsPrefix = values.string("secretsPrefix", "reelsmith/");
        List<String> defaultSecrets = VENDORS.stream().map(vendor -> secretsPrefix + vendor).toList();
        int retentionDays = values.integer("retentionDays", 30, 1, 3650);
        Map<String, Integer> reserved = new LinkedHashMap<>();
        values.map("reservedConcurrency").forEach((id, count) -> {
            try {
                reserved.put(id, Integer.parseInt(count));
            } catch (NumberFormatException notAnInteger) {
                throw new InvalidContextException("reservedConcurrency." + id + " must be a whole number, was "
                        + count);
            }
        });
        return new InfraConfig(
                values.string("stackPrefix", "Reelsmith"),
                secretsPrefix,
                values.list("vendorSecretNames", defaultSecrets),
                values.string("defaultProviders", "local"),
                values.string("textModel", "local"),
                values.decimal("defaultBudgetUsd", BigDecimal.ZERO),
                values.string("review", "none"),
                retentionDays,
                values.integer("cacheRetentionDays", Math.max(180, retentionDays), 1, 3650),
                values.integer("logRetentionDays", 30, 1, 3653),
                values.list("allowedApiPrincipals", List.of()),
                values.optionalString("jwtIssuer"),
                values.list("jwtAudience", List.of()),
                values.optionalString("alarmEmail"),
                values.string("eventBusName", "default"),
                values.string("ffmpegArchitecture", "x86_64"),
                reserved,
                values.integer("apiThrottleRateLimit", 10, 1, 10000),
                values.integer("apiThrottleBurstLimit", 20, 1, 5000),
                values.bool("destroyData", false),
                new BuildOutputs(
                        Path.of(values.string("functionsJar", BuildOutputs.DEFAULT_FUNCTIONS_JAR.toString())),
                        Path.of(values.string("ffmpegLayerDir", BuildOutputs.DEFAULT_FFMPEG_LAYER_DIR.toString())),
                        Path.of(values.string("stateMachineDefinition",
                                BuildOutputs.DEFAULT_STATE_MACHINE.toString()))));
    }

    /** True when the deployment uses the account's default bus rather than creating one. */
    public boolean usesDefaultEventBus() {
        return "default".equals(eventBusName);
    }

    /** The Bedrock model id when {@code textModel} is {@code bedrock:<modelId>}. */
    public Optional<String> bedrockModelId() {
        return textModel.startsWith("bedrock:") ? Optional.of(textModel.substring("bedrock:".length()))
                : Optional.empty();
    }

    /** Reserved concurrency for {@code function}, when configured. */
    public Optional<Integer> reservedConcurrencyOf(PipelineFunction function) {
        return Optional.ofNullable(reservedConcurrency.get(function.id()));
    }

    private static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, name + " must not be null");
    }

    private static void require(boolean condition, String key, String rule, Object value) {
        if (!condition) {
            throw new InvalidContextException(key + " " + rule + ", was " + value);
        }
    }
}
