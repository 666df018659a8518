package dev.reelsmith.infra.config;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraConfigTest {

    private static InfraConfig read(Map<String, Object> context) {
        return InfraConfig.fromContext(context::get);
    }

    @Test
    void fromContext_shouldTakeSafeDefaults_whenContextIsEmpty() {
        // given
        Map<String, Object> context = Map.of();

        // when
        InfraConfig config = read(context);

        // then
        assertThat(config.stackPrefix()).isEqualTo("Reelsmith");
        assertThat(config.secretsPrefix()).isEqualTo("reelsmith/");
        assertThat(config.vendorSecretNames()).containsExactly("reelsmith/runway", "reelsmith/luma",
                "reelsmith/openai", "reelsmith/replicate", "reelsmith/google");
        assertThat(config.defaultProviders()).isEqualTo("local");
        assertThat(config.textModel()).isEqualTo("local");
        assertThat(config.defaultBudgetUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(config.review()).isEqualTo("none");
        assertThat(config.retentionDays()).isEqualTo(30);
        assertThat(config.cacheRetentionDays()).isEqualTo(180);
        assertThat(config.logRetentionDays()).isEqualTo(30);
        assertThat(config.allowedApiPrincipals()).isEmpty();
        assertThat(config.jwtIssuer()).isEmpty();
        assertThat(config.alarmEmail()).isEmpty();
        assertThat(config.usesDefaultEventBus()).isTrue();
        assertThat(config.ffmpegArchitecture()).isEqualTo("x86_64");
        assertThat(config.reservedConcurrency()).isEmpty();
        assertThat(config.destroyData()).isFalse();
        assertThat(config.buildOutputs().functionsJar())
                .isEqualTo(Path.of("functions/target/reelsmith-functions-lambda.jar"));
        assertThat(config.buildOutputs().ffmpegLayerZip("arm64"))
                .isEqualTo(Path.of("layers/ffmpeg/target/layer/ffmpeg-layer-arm64.zip"));
    }

    @Test
    void fromContext_shouldReadCommandLineStrings_whenGivenWithDashC() {
        // given: `-c key=value` always arrives as strings
        Map<String, Object> context = new HashMap<>();
        context.put("vendorSecretNames", "reelsmith/runway, reelsmith/openai");
        context.put("retentionDays", "14");
        context.put("defaultBudgetUsd", "12.50");
        context.put("reservedConcurrency", "compose=5,poll-clip=20");
        context.put("destroyData", "true");
        context.put("allowedApiPrincipals", "arn:aws:iam::123456789012:role/editor");

        // when
        InfraConfig config = read(context);

        // then
        assertThat(config.vendorSecretNames()).containsExactly("reelsmith/runway", "reelsmith/openai");
        assertThat(config.retentionDays()).isEqualTo(14);
        assertThat(config.cacheRetentionDays()).isEqualTo(180);
        assertThat(config.defaultBudgetUsd()).isEqualByComparingTo("12.50");
        assertThat(config.reservedConcurrency()).containsEntry("compose", 5).containsEntry("poll-clip", 20);
        assertThat(config.destroyData()).isTrue();
        assertThat(config.allowedApiPrincipals()).containsExactly("arn:aws:iam::123456789012:role/editor");
    }

    @Test
    void fromContext_shouldReadJsonTypes_whenGivenInCdkJson() {
        // given: cdk.json gives numbers, booleans, arrays and objects
        Map<String, Object> context = new HashMap<>();
        context.put("jwtIssuer", "https://auth.example.com/");
        context.put("jwtAudience", List.of("reelsmith-console", "reelsmith-cli"));
        context.put("retentionDays", 400);
        context.put("reservedConcurrency", Map.of("compose", 3));
        context.put("destroyData", false);
        context.put("textModel", "bedrock:us.anthropic.claude-sonnet-4-20250514-v1:0");

        // when
        InfraConfig config = read(context);

        // then
        assertThat(config.jwtIssuer()).contains("https://auth.example.com/");
        assertThat(config.jwtAudience()).containsExactly("reelsmith-console", "reelsmith-cli");
        assertThat(config.retentionDays()).isEqualTo(400);
        assertThat(config.cacheRetentionDays()).isEqualTo(400);
        assertThat(config.reservedConcurrency()).containsExactly(Map.entry("compose", 3));
        assertThat(config.bedrockModelId()).contains("us.anthropic.claude-sonnet-4-20250514-v1:0");
    }

    @Test
    void fromContext_shouldNameKeyRuleAndValue_whenRetentionIsOutOfRange() {
        // given
        Map<String, Object> context = Map.of("retentionDays", "0");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("retentionDays must be between 1 and 3650, was 0");
    }

    @Test
    void fromContext_shouldRejectCacheRetention_whenShorterThanRunRetention() {
        // given
        Map<String, Object> context = Map.of("retentionDays", "60", "cacheRetentionDays", "30");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("cacheRetentionDays must be between retentionDays (60) and 3650, was 30");
    }

    @Test
    void fromContext_shouldRejectReview_whenNotAKnownGate() {
        // given
        Map<String, Object> context = Map.of("review", "always");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("review must be one of none, images, clips, both, was always");
    }

    @Test
    void fromContext_shouldRejectLogRetention_whenCloudWatchDoesNotOfferIt() {
        // given
        Map<String, Object> context = Map.of("logRetentionDays", "31");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageStartingWith("logRetentionDays must be one of [1, 3, 5, 7, 14, 30,")
                .hasMessageEndingWith(", was 31");
    }

    @Test
    void fromContext_shouldRequireAudience_whenIssuerIsSet() {
        // given
        Map<String, Object> context = Map.of("jwtIssuer", "https://auth.example.com");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("jwtAudience must be given together with jwtIssuer, was []");
    }

    @Test
    void fromContext_shouldRejectPrincipals_whenJwtIsConfigured() {
        // given
        Map<String, Object> context = Map.of("jwtIssuer", "https://auth.example.com", "jwtAudience", "reelsmith",
                "allowedApiPrincipals", "arn:aws:iam::123456789012:root");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("allowedApiPrincipals must be empty when jwtIssuer is set (the API uses one authoriser), "
                        + "was [arn:aws:iam::123456789012:root]");
    }

    @Test
    void fromContext_shouldRejectPrincipal_whenNotAnIamArn() {
        // given
        Map<String, Object> context = Map.of("allowedApiPrincipals", "arn:aws:s3:::bucket");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("allowedApiPrincipals must be IAM role, user or account root ARNs, was arn:aws:s3:::bucket");
    }

    @Test
    void fromContext_shouldRejectSecretName_whenOutsideThePrefix() {
        // given
        Map<String, Object> context = Map.of("vendorSecretNames", "prod/runway");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("vendorSecretNames must be secret names under secretsPrefix 'reelsmith/', was prod/runway");
    }

    @Test
    void fromContext_shouldRejectReservedConcurrency_whenFunctionIsUnknown() {
        // given
        Map<String, Object> context = Map.of("reservedConcurrency", "render=3");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageStartingWith("reservedConcurrency keys must be function ids (admit, analyze, api, ")
                .hasMessageEndingWith("), was render");
    }

    @Test
    void fromContext_shouldRejectBudget_whenItHasMoreThanTwoDecimals() {
        // given
        Map<String, Object> context = Map.of("defaultBudgetUsd", "1.005");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("defaultBudgetUsd must be between 0 and 10000 with at most 2 decimals, was 1.005");
    }

    @Test
    void fromContext_shouldRejectTextModel_whenProviderIsUnknown() {
        // given
        Map<String, Object> context = Map.of("textModel", "mistral:large");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("textModel must be local, bedrock:<modelId> or openai:<model>, was mistral:large");
    }

    @Test
    void fromContext_shouldRejectBoolean_whenNotTrueOrFalse() {
        // given
        Map<String, Object> context = Map.of("destroyData", "yes");

        // when / then
        assertThatThrownBy(() -> read(context))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("destroyData must be true or false, was yes");
    }

    @Test
    void requireFunctionsJar_shouldNameTheBuildCommand_whenTheJarIsMissing() {
        // given
        BuildOutputs outputs = new BuildOutputs(Path.of("target/no-such.jar"), Path.of("target/no-layer"),
                Path.of("target/no.asl.json"));

        // when / then
        assertThatThrownBy(outputs::requireFunctionsJar)
                .isInstanceOf(MissingBuildOutputException.class)
                .hasMessageContaining("the functions jar is missing: ")
                .hasMessageContaining("no-such.jar")
                .hasMessageEndingWith("Build it from the repository root with `mvn -q -B -o -pl infra -am package "
                        + "-DskipTests` (or pass -c functionsJar=<path>).");
        assertThatThrownBy(() -> outputs.requireFfmpegLayerZip("arm64"))
                .isInstanceOf(MissingBuildOutputException.class)
                .hasMessageContaining("the FFmpeg layer zip for arm64 is missing: ")
                .hasMessageContaining("ffmpeg-layer-arm64.zip");
    }
}
