package dev.reelsmith.providers.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.ProviderRegistry;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.http.Pause;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import dev.reelsmith.providers.vendors.openai.OpenAiImageModel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which adapters {@link ProviderRegistry#configured} adds for which settings (no vendor is called). */
class ConfiguredRegistryTest {
    private final List<String> secretsAsked = new ArrayList<>();

    private VendorClients clients() {
        return new VendorClients(VendorHttp.newClient(Duration.ofSeconds(1)), (vendor, name) -> {
            secretsAsked.add(vendor + "=" + name);
            return SecretSource.fixed("unused");
        }, Optional.empty(), Optional.empty(), Optional.empty(), Pause.none(), Clock.systemUTC());
    }

    @Test
    void configured_shouldAddOnlyVendorsWithSecrets_whenRunwayOpenAiAndReplicateAreConfigured() {
        // given
        ProviderSettings settings = ProviderSettings.withVendors("reelsmith/", List.of("runway", "openai", "replicate"))
                .withGoogleVeoModel("veo-3.1-generate-001", new BigDecimal("0.40"));

        // when
        ProviderRegistry registry = ProviderRegistry.configured(Ffmpeg.locate(), settings, clients());

        // then
        assertThat(secretsAsked).containsExactlyInAnyOrder("runway=reelsmith/runway", "openai=reelsmith/openai",
                "replicate=reelsmith/replicate");
        assertThat(registry.hasVideo("runway", "gen4_turbo")).isTrue();
        assertThat(registry.hasVideo("runway", "veo3.1_fast")).isTrue();
        assertThat(registry.hasImage("runway", "gen4_image")).isTrue();
        assertThat(registry.hasImage("replicate", "black-forest-labs/flux-1.1-pro")).isTrue();
        assertThat(registry.hasVideo("replicate", "kwaivgi/kling-v2.1")).isTrue();
        assertThat(registry.hasMusic("replicate", "meta/musicgen:671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a8"
                + "37eedcfb")).isTrue();
        assertThat(registry.hasVideo("openai", "sora-2-pro")).isTrue();
        assertThat(registry.hasVideo("google", "veo-3.1-generate-001")).isFalse();
        assertThat(registry.hasVideo("luma", "ray-2")).isFalse();
        assertThat(registry.hasImage("bedrock", "stability.stable-image-ultra-v1:1")).isFalse();
        assertThat(registry.hasImage("local", "storyboard-v1")).isTrue();
    }

    @Test
    void image_shouldPickTheTierAndFallBackToTheDefaultQuality_whenOpenAiImagesAreConfigured() {
        // given
        ProviderRegistry registry = ProviderRegistry.configured(Ffmpeg.locate(),
                ProviderSettings.withVendors("reelsmith/", List.of("openai")), clients());

        // when
        OpenAiImageModel high = (OpenAiImageModel) registry.image("openai", "gpt-image-1.5", "high");
        OpenAiImageModel untiered = (OpenAiImageModel) registry.image("openai", "gpt-image-1.5", null);

        // then
        assertThat(high.quality()).isEqualTo("high");
        assertThat(untiered.quality()).isEqualTo("medium");
    }

    @Test
    void video_shouldThrowProviderNotConfigured_whenLumaHasASecretButNoImageLinks() {
        // given
        ProviderRegistry registry = ProviderRegistry.configured(Ffmpeg.locate(),
                ProviderSettings.withVendors("reelsmith/", List.of("luma")), clients());

        // when
        ProviderNotConfiguredException thrown = catchThrowableOfType(() -> registry.video("luma", "ray-2"),
                ProviderNotConfiguredException.class);

        // then
        assertThat(thrown.getMessage()).contains("no video model ray-2 is configured");
    }
}
