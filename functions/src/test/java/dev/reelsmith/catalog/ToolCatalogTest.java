package dev.reelsmith.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.ToolKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
    private static final LocalDate CATALOG_DAY = LocalDate.of(2026, 11, 22);

    @Test
    void builtIn_shouldLoadEveryKindWithSourcedPrices_whenReadFromTheClasspath() {
        // when
        ToolCatalog catalog = ToolCatalog.builtIn();

        // then
        assertThat(catalog.updated()).isEqualTo("2026-11-22");
        assertThat(catalog.tools()).extracting(Tool::kind).contains(ToolKind.IMAGE, ToolKind.VIDEO, ToolKind.MUSIC,
                ToolKind.TEXT);
        assertThat(catalog.tools()).allSatisfy(tool -> assertThat(tool.price().source()).isNotBlank());
        assertThat(catalog.tools()).filteredOn(Tool::isLocal).allSatisfy(tool -> assertThat(tool.price().isFree()).isTrue());
        assertThat(catalog.tools()).extracting(Tool::provider).contains("bedrock", "runway", "luma", "google", "openai",
                "replicate", "local");
    }

    @Test
    void builtIn_shouldMarkVendorsUnverifiedFiguresAsUnverified_whenVendorsMdDoes() {
        // given
        ToolCatalog catalog = ToolCatalog.builtIn();

        // when / then: VENDORS.md marks the Bedrock Luma and Stability prices unverified, Runway's are documented
        assertThat(catalog.find("bedrock-luma-ray2-720p").orElseThrow().price().verified()).isFalse();
        assertThat(catalog.find("bedrock-stability-core").orElseThrow().price().verified()).isFalse();
        assertThat(catalog.find("runway-gen4-turbo").orElseThrow().price().verified()).isTrue();
        assertThat(catalog.find("runway-gen4-turbo").orElseThrow().price().usd()).isEqualByComparingTo("0.05");
        assertThat(catalog.find("openai-sora-2").orElseThrow().price().verified()).isFalse();
    }

    @Test
    void usable_shouldExcludeNovaAndRetiredVeo_whenCheckedOnTheCatalogDay() {
        // given
        ToolCatalog catalog = ToolCatalog.builtIn();
        Tool reel = catalog.find("bedrock-nova-reel").orElseThrow();
        Tool canvas = catalog.find("bedrock-nova-canvas").orElseThrow();
        Tool veo = catalog.find("google-vertex-veo-3.1").orElseThrow();

        // when
        List<Tool> videos = catalog.usable(ToolKind.VIDEO, CATALOG_DAY);
        List<Tool> images = catalog.usable(ToolKind.IMAGE, CATALOG_DAY);

        // then
        assertThat(reel.status()).isEqualTo(ToolStatus.EOL);
        assertThat(reel.retiresOn()).isEqualTo("2026-09-30");
        assertThat(canvas.status()).isEqualTo(ToolStatus.EOL);
        assertThat(canvas.retiresOn()).isEqualTo("2026-09-30");
        assertThat(veo.status()).isEqualTo(ToolStatus.LEGACY);
        assertThat(veo.usableOn(LocalDate.of(2026, 11, 16))).isTrue();
        assertThat(veo.usableOn(LocalDate.of(2026, 11, 17))).isFalse();
        assertThat(reel.usableOn(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(videos).doesNotContain(reel, veo).isNotEmpty();
        assertThat(images).doesNotContain(canvas).isNotEmpty();
        assertThat(videos.get(0).qualityScore()).isGreaterThanOrEqualTo(videos.get(videos.size() - 1).qualityScore());
    }

    @Test
    void builtIn_shouldOfferAFreeLocalToolOfEveryKind_whenPlanningOffline() {
        // given
        ToolCatalog catalog = ToolCatalog.builtIn();

        // when / then
        for (ToolKind kind : ToolKind.values()) {
            Tool local = catalog.local(kind, CATALOG_DAY).orElseThrow();
            assertThat(local.price().isFree()).isTrue();
            if (kind == ToolKind.IMAGE || kind == ToolKind.VIDEO) {
                assertThat(local.supports(AspectRatio.PORTRAIT)).isTrue();
            }
        }
        assertThat(catalog.find("local-ken-burns").orElseThrow().model()).isEqualTo("ken-burns");
        assertThat(catalog.find("local-storyboard").orElseThrow().model()).isEqualTo("storyboard-v1");
        assertThat(catalog.find("local-synth").orElseThrow().model()).isEqualTo("synth-v1");
    }

    @Test
    void parse_shouldListSchemaViolations_whenAToolIsMalformed() {
        // given
        String json = """
                {"updated": "2026-11-22", "tools": [{"id": "Bad Id", "provider": "x", "model": "m", "kind": "hologram",
                 "status": "active", "price": {"unit": "image", "usd": -1, "source": "s", "verified": true},
                 "typicalLatencySeconds": 1, "qualityScore": 101}]}""";

        // when / then
        assertThatThrownBy(() -> ToolCatalog.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCatalogException.class)
                .satisfies(e -> assertThat(((InvalidCatalogException) e).problems()).hasSizeGreaterThanOrEqualTo(4)
                        .anySatisfy(p -> assertThat(p).contains("/tools/0/id"))
                        .anySatisfy(p -> assertThat(p).contains("/tools/0/kind"))
                        .anySatisfy(p -> assertThat(p).contains("/tools/0/price/usd"))
                        .anySatisfy(p -> assertThat(p).contains("/tools/0/qualityScore")));
    }

    @Test
    void parse_shouldRejectALegacyToolWithoutRetirementDate_whenTheSchemaCannotTell() {
        // given
        String json = """
                {"updated": "2026-11-22", "tools": [{"id": "old-model", "provider": "vendor", "model": "m1", "kind": "image",
                 "status": "legacy", "price": {"unit": "image", "usd": 0.01, "source": "s", "verified": true},
                 "aspectRatios": ["16:9"], "typicalLatencySeconds": 1, "qualityScore": 50}]}""";

        // when / then
        assertThatThrownBy(() -> ToolCatalog.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("tool old-model: retiresOn is required when status is legacy");
    }

    @Test
    void parse_shouldRejectDuplicateIds_whenTwoToolsShareOne() {
        // given
        String tool = """
                {"id": "twin", "provider": "vendor", "model": "m", "kind": "image", "status": "active",
                 "price": {"unit": "image", "usd": 0.01, "source": "s", "verified": true}, "aspectRatios": ["1:1"],
                 "typicalLatencySeconds": 1, "qualityScore": 50}""";
        String json = "{\"updated\": \"2026-11-22\", \"tools\": [" + tool + "," + tool + "]}";

        // when / then
        assertThatThrownBy(() -> ToolCatalog.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("tool id twin appears more than once");
    }

    @Test
    void billedSeconds_shouldRoundUpToWhatTheVendorBills_whenShotsAreShorterThanClips() {
        // given
        ClipDurations luma = new ClipDurations(List.of(5.0, 9.0), null, null, null);
        ClipDurations runway = new ClipDurations(null, 2.0, 10.0, 1.0);
        ClipDurations kenBurns = new ClipDurations(null, 0.04, 600.0, 0.0);

        // when / then
        assertThat(luma.billedSeconds(1.875).getAsDouble()).isEqualTo(5.0);
        assertThat(luma.billedSeconds(5.2).getAsDouble()).isEqualTo(9.0);
        assertThat(luma.billedSeconds(9.5)).isEmpty();
        assertThat(runway.billedSeconds(1.5).getAsDouble()).isEqualTo(2.0);
        assertThat(runway.billedSeconds(3.2).getAsDouble()).isEqualTo(4.0);
        assertThat(runway.billedSeconds(3.0).getAsDouble()).isEqualTo(3.0);
        assertThat(runway.billedSeconds(10.5)).isEmpty();
        assertThat(kenBurns.billedSeconds(3.217).getAsDouble()).isEqualTo(3.217);
    }
}
