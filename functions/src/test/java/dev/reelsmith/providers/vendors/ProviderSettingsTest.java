package dev.reelsmith.providers.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading provider settings from the contract's environment variables. */
class ProviderSettingsTest {
    @Test
    void fromEnvironment_shouldConfigureNamedVendorsWithPrefixedSecrets_whenProvidersNameThem() {
        // given
        Map<String, String> env = Map.of("REELSMITH_PROVIDERS", "image=openai,video=runway,music=bedrock",
                "REELSMITH_SECRETS_PREFIX", "prod/reelsmith/", "REELSMITH_ARTIFACTS_BUCKET", "artifacts-123");

        // when
        ProviderSettings settings = ProviderSettings.fromEnvironment(env::get);

        // then
        assertThat(settings.secretNames()).containsOnly(Map.entry("openai", "prod/reelsmith/openai"),
                Map.entry("runway", "prod/reelsmith/runway"));
        assertThat(settings.bedrockOutput().orElseThrow().uri()).isEqualTo("s3://artifacts-123/bedrock-async/");
        assertThat(settings.imageLinks().orElseThrow().uri()).isEqualTo("s3://artifacts-123/vendor-inputs/");
        assertThat(settings.googleVeoModels()).isEmpty();
    }

    @Test
    void fromEnvironment_shouldConfigureNothing_whenProvidersIsLocal() {
        // when
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.<String, String>of()::get);

        // then
        assertThat(settings.secretNames()).isEmpty();
        assertThat(settings.bedrockOutput()).isEmpty();
    }

    @Test
    void fromEnvironment_shouldNameTheVariable_whenAProviderIsUnknown() {
        // when
        IllegalArgumentException thrown = catchThrowableOfType(() -> ProviderSettings.fromEnvironment(
                Map.of("REELSMITH_PROVIDERS", "video=kling")::get), IllegalArgumentException.class);

        // then
        assertThat(thrown).hasMessage("REELSMITH_PROVIDERS names unknown provider kling (known: local, bedrock, google,"
                + " luma, openai, replicate, runway)");
    }
}
