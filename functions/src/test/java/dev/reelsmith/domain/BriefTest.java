package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefTest {
    private static Brief explainer(int durationSeconds) {
        return new Brief(VideoKind.EXPLAINER, null, null, null, null, null, durationSeconds, null, null, null, null,
                null, null, null, null, null);
    }

    private static Brief withBudget(String budget) {
        return new Brief(VideoKind.EXPLAINER, null, null, null, null, null, 30, null, null, null, null,
                new BigDecimal(budget), null, null, null, null);
    }

    @Test
    void constructor_shouldNameFieldRangeAndValue_whenDurationIsZero() {
        // given / when / then
        assertThatThrownBy(() -> explainer(0)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("durationSeconds must be between 6 and 600, was 0");
    }

    @Test
    void constructor_shouldReportFieldAndRule_whenDurationIsTooLong() {
        // given / when
        InvalidFieldException e = catchThrowableOfType(InvalidFieldException.class, () -> explainer(601));

        // then
        assertThat(e.field()).isEqualTo("durationSeconds");
        assertThat(e.rule()).isEqualTo("maximum");
    }

    @Test
    void constructor_shouldApplyDefaults_whenOptionalFieldsAreNull() {
        // given / when
        Brief brief = explainer(45);

        // then
        assertThat(brief.keyMessages()).isEmpty();
        assertThat(brief.aspectRatios()).containsExactly(AspectRatio.LANDSCAPE);
        assertThat(brief.primaryAspectRatio()).isEqualTo(AspectRatio.LANDSCAPE);
        assertThat(brief.budgetUsd()).isEqualTo(new BigDecimal("0.00"));
        assertThat(brief.reviewGates()).isEqualTo(new ReviewGates(false, false));
        assertThat(brief.providerPreferences()).isEqualTo(ProviderPreferences.DEFAULT);
        assertThat(brief.providerPreferences().allowDowngrade()).isFalse();
        assertThat(brief.language()).isEqualTo("en");
        assertThat(brief.deadlineMinutes()).isNull();
    }

    @Test
    void constructor_shouldRequireKeyMessage_whenKindIsAd() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(VideoKind.AD, null, null, List.of(), null, null, 15, null, null, null,
                null, null, null, null, null, null))
                .hasMessage("keyMessages must not be empty when kind is ad; ads need at least one key message");
    }

    @Test
    void constructor_shouldRequireKind_whenKindIsNull() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(null, null, null, null, null, null, 15, null, null, null, null, null,
                null, null, null, null))
                .hasMessage("kind is required (ad, music-video or explainer)");
    }

    @Test
    void constructor_shouldIndexTheMessage_whenOneKeyMessageIsTooLong() {
        // given
        List<String> messages = List.of("short", "x".repeat(201));

        // when / then
        assertThatThrownBy(() -> new Brief(VideoKind.AD, null, null, messages, null, null, 15, null, null, null,
                null, null, null, null, null, null))
                .hasMessage("keyMessages[1] must be at most 200 characters, was 201");
    }

    @Test
    void constructor_shouldCopyLists_whenCallerKeepsMutatingTheirs() {
        // given
        List<String> messages = new java.util.ArrayList<>(List.of("one"));
        Brief brief = new Brief(VideoKind.AD, null, null, messages, null, null, 15, null, null, null, null, null,
                null, null, null, null);

        // when
        messages.add("two");

        // then
        assertThat(brief.keyMessages()).containsExactly("one");
        assertThatThrownBy(() -> brief.keyMessages().add("three")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_shouldRejectControlCharacter_whenToneContainsEscape() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(VideoKind.EXPLAINER, null, null, null, null, "calm\u001B[31m", 30, null,
                null, null, null, null, null, null, null, null))
                .hasMessage("tone must not contain control characters other than tab and line breaks, found U+001B at character 5");
    }

    @Test
    void constructor_shouldRejectUnpairedSurrogate_whenTitleIsBrokenUtf16() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(VideoKind.EXPLAINER, "bad \uD83C title", null, null, null, null, 30, null,
                null, null, null, null, null, null, null, null))
                .hasMessage("title must be valid Unicode, found an unpaired surrogate U+D83C at character 5");
    }

    @Test
    void constructor_shouldRejectDuplicates_whenAspectRatioRepeats() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(VideoKind.EXPLAINER, null, null, null, null, null, 30,
                List.of(AspectRatio.SQUARE, AspectRatio.SQUARE), null, null, null, null, null, null, null, null))
                .hasMessage("aspectRatios must not contain duplicates, 1:1 appears more than once");
    }

    @Test
    void constructor_shouldKeepTwoDecimals_whenBudgetHasFewer() {
        // given / when / then
        assertThat(withBudget("25").budgetUsd()).isEqualTo(new BigDecimal("25.00"));
        assertThat(withBudget("1E+2").budgetUsd()).isEqualTo(new BigDecimal("100.00"));
        assertThat(withBudget("7.500").budgetUsd()).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void constructor_shouldRejectFractionsOfACent_whenBudgetHasThreeDecimals() {
        // given / when / then
        assertThatThrownBy(() -> withBudget("25.555")).hasMessage("budgetUsd must have at most 2 decimal places, was 25.555");
        assertThatThrownBy(() -> withBudget("-1")).hasMessage("budgetUsd must be between 0 and 10000, was -1");
    }

    @Test
    void constructor_shouldRejectMalformedLanguageTag_whenUnderscoreIsUsed() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(VideoKind.EXPLAINER, null, null, null, null, null, 30, null, null, null,
                null, null, null, null, "pt_BR", null))
                .hasMessage("language must be a BCP 47 language tag such as en or pt-BR, was pt_BR");
    }

    @Test
    void constructor_shouldRejectDeadline_whenLongerThanADay() {
        // given / when / then
        assertThatThrownBy(() -> new Brief(VideoKind.EXPLAINER, null, null, null, null, null, 30, null, null, null,
                null, null, null, null, null, 1441))
                .hasMessage("deadlineMinutes must be between 1 and 1440, was 1441");
    }

    @Test
    void brandKit_shouldRejectEscapingKeys_whenLogoKeyLeavesThePrefix() {
        // given / when / then
        assertThatThrownBy(() -> new BrandKit(null, null, "brand/../../etc/passwd"))
                .hasMessage("brand.logoKey must not contain . or .. segments, was brand/../../etc/passwd");
        assertThatThrownBy(() -> new BrandKit(null, null, "/brand/logo.png"))
                .hasMessage("brand.logoKey must be a relative key without a leading /, was /brand/logo.png");
        assertThatThrownBy(() -> new BrandKit(null, null, "brand//logo.png"))
                .hasMessage("brand.logoKey must not contain empty segments (// or a trailing /), was brand//logo.png");
        assertThatThrownBy(() -> new BrandKit(null, null, "brand\\logo.png"))
                .hasMessage("brand.logoKey must not contain backslashes, was brand\\logo.png");
    }

    @Test
    void brandKit_shouldAcceptUnicodeKey_whenItIsRelative() {
        // given / when
        BrandKit kit = new BrandKit(List.of("#C6FF00"), "Inter", "marken/größe 2/logo..v2 🎬.png");

        // then
        assertThat(kit.logoKey()).isEqualTo("marken/größe 2/logo..v2 🎬.png");
    }

    @Test
    void brandKit_shouldNameIndex_whenColourIsNotHex() {
        // given / when / then
        assertThatThrownBy(() -> new BrandKit(List.of("#C6FF00", "volt"), null, null))
                .hasMessage("brand.colors[1] must be a colour as #RRGGBB, was volt");
    }

    @Test
    void callToAction_shouldRejectUrl_whenSchemeIsJavascript() {
        // given / when / then
        assertThatThrownBy(() -> new CallToAction("Buy", "javascript:alert(1)"))
                .hasMessage("cta.url must be an http(s) URL such as https://example.com/offer, was javascript:alert(1)");
    }

    @Test
    void product_shouldRejectBlankName_whenOnlySpacesAreGiven() {
        // given / when / then
        assertThatThrownBy(() -> new Product("   ", null)).hasMessage("product.name must not be blank");
        assertThatThrownBy(() -> new Product(null, "desc")).hasMessage("product.name is required");
    }

    @Test
    void musicDirection_shouldRejectTempo_whenOutsideHumanRange() {
        // given / when / then
        assertThatThrownBy(() -> new MusicDirection("synthwave", null, 20))
                .hasMessage("music.tempoBpm must be between 40 and 240, was 20");
    }

    @Test
    void providerPreferences_shouldRejectOverlap_whenProviderIsAllowedAndBlocked() {
        // given / when / then
        assertThatThrownBy(() -> new ProviderPreferences(null, List.of("local", "runway"), List.of("runway"), null, null))
                .hasMessage("providerPreferences.blocked must not contain runway, which is also allowed");
    }

    @Test
    void providerPreferences_shouldRejectPreference_whenItIsNotAllowed() {
        // given
        PreferredProviders preferred = new PreferredProviders("stability", null, null, null);

        // when / then
        assertThatThrownBy(() -> new ProviderPreferences(preferred, List.of("local"), null, null, true))
                .hasMessage("providerPreferences.preferred.image must be one of the allowed providers [local], was stability");
    }

    @Test
    void providerPreferences_shouldPermitOnlyAllowed_whenAllowListIsGiven() {
        // given
        ProviderPreferences preferences = new ProviderPreferences(null, List.of("local"), List.of("luma"),
                QualityPriority.COST, true);

        // when / then
        assertThat(preferences.permits("local")).isTrue();
        assertThat(preferences.permits("runway")).isFalse();
        assertThat(preferences.permits("luma")).isFalse();
    }

    @Test
    void preferredProviders_shouldRejectId_whenItHasUppercaseAndSpaces() {
        // given / when / then
        assertThatThrownBy(() -> new PreferredProviders(null, "Stability AI", null, null))
                .hasMessage("providerPreferences.preferred.video must be a provider id (lowercase letters, digits and"
                        + " hyphens, at most 40), was Stability AI");
    }

    @Test
    void json_shouldRoundTripUnchanged_whenBriefIsFullyPopulated() throws Exception {
        // given
        Brief brief = new Brief(VideoKind.AD, "Launch", new Product("Stride One", "A shoe"),
                List.of("Light", "Bouncy"), "Runners", "Bold", 15, List.of(AspectRatio.PORTRAIT, AspectRatio.SQUARE),
                new CallToAction("Try it", "https://example.com/s1"),
                new BrandKit(List.of("#C6FF00", "#111111"), "Inter", "brand/logo.png"),
                new MusicDirection("electronic", "driving", 128), new BigDecimal("25.5"), new ReviewGates(true, null),
                new ProviderPreferences(new PreferredProviders("local", "local", null, null), List.of("local"),
                        List.of("luma"), QualityPriority.QUALITY, true), "en-US", 60);

        // when
        String json = Json.mapper().writeValueAsString(brief);
        Brief parsed = Json.mapper().readValue(json, Brief.class);

        // then
        assertThat(parsed).isEqualTo(brief);
        assertThat(Json.mapper().writeValueAsString(parsed)).isEqualTo(json);
        assertThat(json).contains("\"kind\" : \"ad\"", "\"aspectRatios\" : [ \"9:16\", \"1:1\" ]",
                "\"budgetUsd\" : 25.50", "\"qualityPriority\" : \"quality\"", "\"durationSeconds\" : 15");
    }
}
