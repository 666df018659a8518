package dev.reelsmith.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.LyricLine;
import dev.reelsmith.domain.QualityPriority;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.VideoKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UploadValidatorTest {
    private static final UploadValidator VALIDATOR = new UploadValidator();
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidUploadException rejectBrief(String json) {
        return catchThrowableOfType(InvalidUploadException.class, () -> VALIDATOR.parseBrief(utf8(json)));
    }

    @Test
    void parseBrief_shouldApplyDefaults_whenOnlyRequiredFieldsAreGiven() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": 30}""";

        // when
        Brief brief = VALIDATOR.parseBrief(utf8(json));

        // then
        assertThat(brief.kind()).isEqualTo(VideoKind.EXPLAINER);
        assertThat(brief.aspectRatios()).containsExactly(AspectRatio.LANDSCAPE);
        assertThat(brief.budgetUsd()).isEqualTo(new BigDecimal("0.00"));
        assertThat(brief.language()).isEqualTo("en");
        assertThat(brief.keyMessages()).isEmpty();
        assertThat(brief.providerPreferences().qualityPriority()).isEqualTo(QualityPriority.BALANCED);
        assertThat(brief.reviewGates().images()).isFalse();
    }

    @Test
    void parseBrief_shouldPointAtMissingProperty_whenProductNameIsMissing() {
        // given
        String json = """
                {"kind": "ad", "durationSeconds": 15, "keyMessages": ["Fast"], "product": {"description": "A shoe"}}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(
                new Violation("/product/name", "required", "product.name is required"));
    }

    @Test
    void parseBrief_shouldNameMinimum_whenDurationIsThreeSeconds() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": 3}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(
                new Violation("/durationSeconds", "minimum", "durationSeconds must be at least 6, was 3"));
        assertThat(e.getMessage()).isEqualTo("""
                brief is invalid (1 problem):
                /durationSeconds (minimum): durationSeconds must be at least 6, was 3""");
    }

    @Test
    void parseBrief_shouldNameEnum_whenAspectRatioIsFourByThree() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": 30, "aspectRatios": ["16:9", "4:3"]}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/aspectRatios/1", "enum",
                "aspectRatios[1] must be one of 16:9, 9:16, 1:1, was \"4:3\""));
    }

    @Test
    void parseBrief_shouldSuggestDurationSeconds_whenPropertyIsMisspeltDurationSecs() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": 30, "durationSecs": 30}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/durationSecs", "additionalProperties",
                "unknown property \"durationSecs\" in brief; did you mean \"durationSeconds\"?"));
    }

    @Test
    void parseBrief_shouldListAllowedProperties_whenUnknownPropertyResemblesNone() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": 30, "cta": {"text": "Go", "colour": "#FFFFFF"}}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/cta/colour", "additionalProperties",
                "unknown property \"colour\" in cta; expected one of text, url"));
    }

    @Test
    void parseBrief_shouldNameType_whenDurationIsAString() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": "15"}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/durationSeconds", "type",
                "durationSeconds must be an integer, was a string \"15\""));
    }

    @Test
    void parseBrief_shouldNameMaxLength_whenCtaIsLongerThanSixtyCharacters() {
        // given
        String cta = "Tap now to claim the launch discount before it is gone forever";

        // when
        InvalidUploadException e = rejectBrief("""
                {"kind": "explainer", "durationSeconds": 30, "cta": {"text": "%s"}}""".formatted(cta));

        // then
        assertThat(cta.length()).isEqualTo(62);
        assertThat(e.violations()).containsExactly(new Violation("/cta/text", "maxLength",
                "cta.text must be at most 60 characters, was 62"));
    }

    @Test
    void parseBrief_shouldCountEmojiAsOneCharacter_whenCheckingMaxLength() {
        // given sixty clapperboards: 120 UTF-16 units but 60 characters
        String cta = "🎬".repeat(60);

        // when
        Brief brief = VALIDATOR.parseBrief(utf8("""
                {"kind": "explainer", "durationSeconds": 30, "cta": {"text": "%s"}}""".formatted(cta)));

        // then
        assertThat(brief.cta().text()).isEqualTo(cta);
    }

    @Test
    void parseBrief_shouldNameControlCharacter_whenKeyMessageContainsBell() {
        // given
        String json = """
                {"kind": "ad", "durationSeconds": 15, "keyMessages": ["ok", "ding\\u0007dong"]}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/keyMessages/1", "pattern",
                "keyMessages[1] must not contain control characters other than tab and line breaks, found U+0007 at character 5"));
    }

    @Test
    void parseBrief_shouldAcceptTabsAndLineBreaks_whenDescriptionSpansLines() {
        // given
        String json = """
                {"kind": "explainer", "durationSeconds": 30,
                 "product": {"name": "Ledger", "description": "Line one\\r\\nLine two\\n\\tindented"}}""";

        // when
        Brief brief = VALIDATOR.parseBrief(utf8(json));

        // then
        assertThat(brief.product().description()).isEqualTo("Line one\r\nLine two\n\tindented");
    }

    @Test
    void parseBrief_shouldExplainAdRule_whenAdHasNoKeyMessages() {
        // given
        String json = """
                {"kind": "ad", "durationSeconds": 15, "keyMessages": []}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/keyMessages", "minItems",
                "keyMessages must not be empty (ads need at least one key message)"));
    }

    @Test
    void parseBrief_shouldNamePropertyAndAdRule_whenAdLeavesOutKeyMessages() {
        // given
        String json = """
                {"kind": "ad", "durationSeconds": 15}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/keyMessages", "required",
                "keyMessages is required (ads need at least one key message)"));
    }

    @Test
    void parseBrief_shouldReportRecordRule_whenTextHasAnUnpairedSurrogate() {
        // given a JSON escape that decodes to half an emoji: legal JSON, not renderable text
        String json = """
                {"kind": "explainer", "durationSeconds": 30, "tone": "calm \\ud83c"}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/tone", "pattern",
                "tone must be valid Unicode, found an unpaired surrogate U+D83C at character 6"));
    }

    @Test
    void parseBrief_shouldCollectEveryViolationInDocumentOrder_whenSeveralFieldsAreWrong() {
        // given
        String json = """
                {
                  "kind": "ad",
                  "keyMessages": ["   "],
                  "durationSeconds": 700,
                  "brand": {"colors": ["#12345", "red"], "logoKey": "../secrets/key.png"},
                  "budgetUsd": 25.555,
                  "language": "english language"
                }""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).extracting(Violation::pointer, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/keyMessages/0", "pattern"),
                org.assertj.core.groups.Tuple.tuple("/durationSeconds", "maximum"),
                org.assertj.core.groups.Tuple.tuple("/brand/colors/0", "pattern"),
                org.assertj.core.groups.Tuple.tuple("/brand/colors/1", "pattern"),
                org.assertj.core.groups.Tuple.tuple("/brand/logoKey", "pattern"),
                org.assertj.core.groups.Tuple.tuple("/budgetUsd", "multipleOf"),
                org.assertj.core.groups.Tuple.tuple("/language", "pattern"));
        assertThat(e.violations()).extracting(Violation::message).containsExactly(
                "keyMessages[0] must not be blank",
                "durationSeconds must be at most 600, was 700",
                "brand.colors[0] must be a colour as #RRGGBB, was \"#12345\"",
                "brand.colors[1] must be a colour as #RRGGBB, was \"red\"",
                "brand.logoKey must be a relative object key (no leading /, no . or .. segments, no empty segments,"
                        + " no backslashes or control characters), was \"../secrets/key.png\"",
                "budgetUsd must have at most 2 decimal places, was 25.555",
                "language must be a BCP 47 language tag such as en or pt-BR, was \"english language\"");
        assertThat(e.getMessage()).startsWith("brief is invalid (7 problems):\n/keyMessages/0 (pattern): ")
                .hasLineCount(8);
    }

    @Test
    void parseBrief_shouldReportRecordRule_whenPreferredProviderIsBlocked() {
        // given the schema cannot relate two fields, the Brief's own rules can
        String json = """
                {"kind": "explainer", "durationSeconds": 30,
                 "providerPreferences": {"preferred": {"video": "runway"}, "blocked": ["runway"]}}""";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/providerPreferences/preferred/video", "conflict",
                "providerPreferences.preferred.video must not be runway, which is blocked"));
    }

    @Test
    void parseBrief_shouldRejectBeforeParsing_whenUploadIsOver256KiB() {
        // given
        byte[] json = utf8("{\"kind\": \"ad\", \"title\": \"" + "x".repeat(UploadValidator.MAX_UPLOAD_BYTES) + "\"}");

        // when
        InvalidUploadException e = catchThrowableOfType(InvalidUploadException.class, () -> VALIDATOR.parseBrief(json));

        // then
        assertThat(e.violations()).containsExactly(new Violation("", "size", "brief is " + json.length
                + " bytes; uploads are limited to 262144 bytes (256 KiB)"));
    }

    @Test
    void parseBrief_shouldNameOffendingByte_whenUploadIsNotUtf8() {
        // given "café" in ISO-8859-1: 0xE9 cannot start a UTF-8 sequence here
        byte[] json = "{\"kind\": \"ad\", \"title\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1);

        // when
        InvalidUploadException e = catchThrowableOfType(InvalidUploadException.class, () -> VALIDATOR.parseBrief(json));

        // then
        assertThat(e.violations()).containsExactly(new Violation("", "encoding",
                "brief is not valid UTF-8: byte 0xE9 at offset 28 does not start a valid character; save the file as UTF-8"));
    }

    @Test
    void parseBrief_shouldRejectUtf16_whenByteOrderMarkSaysSo() {
        // given
        byte[] json = "{\"kind\": \"ad\"}".getBytes(StandardCharsets.UTF_16);

        // when
        InvalidUploadException e = catchThrowableOfType(InvalidUploadException.class, () -> VALIDATOR.parseBrief(json));

        // then
        assertThat(e.violations()).containsExactly(
                new Violation("", "encoding", "brief must be UTF-8, found a UTF-16 byte order mark"));
    }

    @Test
    void parseBrief_shouldTolerateUtf8ByteOrderMark_whenSavedByWindowsEditor() {
        // given
        byte[] json = utf8("\uFEFF{\"kind\": \"explainer\", \"durationSeconds\": 30}");

        // when
        Brief brief = VALIDATOR.parseBrief(json);

        // then
        assertThat(brief.durationSeconds()).isEqualTo(30);
    }

    @Test
    void parseBrief_shouldPointAtDuplicate_whenKeyAppearsTwice() {
        // given
        String json = "{\"kind\": \"ad\",\n \"cta\": {\"text\": \"a\", \"text\": \"b\"}}";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("/cta/text", "duplicateKey",
                "brief has the key \"text\" twice in the same object (line 2, column 29); each key may appear only once"));
    }

    @Test
    void parseBrief_shouldGiveLineAndColumn_whenJsonIsMalformed() {
        // given
        String json = "{\"kind\": \"ad\",\n \"durationSeconds\": 15,\n}";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEmpty();
            assertThat(v.rule()).isEqualTo("syntax");
            assertThat(v.message()).startsWith("brief is not valid JSON: Unexpected character ('}'")
                    .endsWith("(line 3, column 1)")
                    .doesNotContain("Source");
        });
    }

    @Test
    void parseBrief_shouldRejectTrailingContent_whenTwoObjectsAreConcatenated() {
        // given
        String json = "{\"kind\": \"explainer\", \"durationSeconds\": 30} {}";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).extracting(Violation::rule).containsExactly("syntax");
    }

    @Test
    void parseBrief_shouldRequireAnObject_whenUploadIsAnArray() {
        // given
        String json = "[{\"kind\": \"ad\"}]";

        // when
        InvalidUploadException e = rejectBrief(json);

        // then
        assertThat(e.violations()).containsExactly(new Violation("", "type", "brief must be a JSON object, was array"));
    }

    @Test
    void parseBrief_shouldRejectEmptyUpload_whenFileHasNoContent() {
        // given
        byte[] json = new byte[0];

        // when / then
        assertThatThrownBy(() -> VALIDATOR.parseBrief(json)).isInstanceOf(InvalidUploadException.class)
                .hasMessage("brief is invalid (1 problem):\n(document) (syntax): brief is empty; expected a JSON object");
    }

    @Test
    void parseBrief_shouldKeepHostileTextByteForByte_whenItIsLegalUnicode() throws Exception {
        // given text that breaks naive escaping: quotes, colons, printf/FFmpeg-like sequences, backslashes,
        // emoji (with a ZWJ sequence) and right-to-left scripts
        String hostile = "It's 100%{pts}: C:\\temp\\x \"quoted\" 🎬👩‍👩‍👧 مرحبا بالعالم שלום [00:01] ${x} ' OR 1=1";
        Brief original = new Brief(VideoKind.AD, hostile, new dev.reelsmith.domain.Product("Név: 🎬", hostile),
                List.of("100%{pts} \\ 'quoted' 🎬", "שלום: \\n isn't a newline"), hostile, "dry\tand\nwry", 15, null,
                new dev.reelsmith.domain.CallToAction("اشترِ الآن: 50%{off} 🎬", null), null, null, null, null, null,
                "ar", null);
        byte[] json = Json.mapper().writeValueAsBytes(original);

        // when
        Brief parsed = VALIDATOR.parseBrief(json);

        // then
        assertThat(parsed).isEqualTo(original);
        assertThat(parsed.title().getBytes(StandardCharsets.UTF_8)).isEqualTo(hostile.getBytes(StandardCharsets.UTF_8));
        assertThat(Json.mapper().writeValueAsBytes(parsed)).isEqualTo(json);
    }

    static Stream<Path> exampleBriefs() throws IOException {
        return Files.list(EXAMPLES.resolve("briefs")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("exampleBriefs")
    void parseBrief_shouldAccept_whenFileIsAnExample(Path example) throws Exception {
        // given
        byte[] json = Files.readAllBytes(example);

        // when
        Brief brief = VALIDATOR.parseBrief(json);

        // then the example survives a round trip through our own serialisation
        assertThat(VALIDATOR.parseBrief(Json.mapper().writeValueAsBytes(brief))).isEqualTo(brief);
    }

    @Test
    void parseBrief_shouldFindExamples_whenRunFromTheModule() throws IOException {
        // given / when
        List<String> names = exampleBriefs().map(p -> p.getFileName().toString()).toList();

        // then
        assertThat(names).contains("sneaker-ad.json", "coffee-ad-30s.json", "explainer.json", "missing-product.json");
    }

    @Test
    void parseBrief_shouldMatchItsDescription_whenExampleIsTheSneakerAd() throws Exception {
        // given
        byte[] json = Files.readAllBytes(EXAMPLES.resolve("briefs/sneaker-ad.json"));

        // when
        Brief brief = VALIDATOR.parseBrief(json);

        // then
        assertThat(brief.kind()).isEqualTo(VideoKind.AD);
        assertThat(brief.durationSeconds()).isEqualTo(15);
        assertThat(brief.primaryAspectRatio()).isEqualTo(AspectRatio.PORTRAIT);
        assertThat(brief.keyMessages()).hasSize(3);
        assertThat(brief.budgetUsd()).isEqualByComparingTo("25");
        assertThat(brief.cta()).isNotNull();
        assertThat(brief.brand().colors()).isNotEmpty();
    }

    @Test
    void parseBrief_shouldAdmitThinBrief_whenProductIsMissing() throws Exception {
        // given
        byte[] json = Files.readAllBytes(EXAMPLES.resolve("briefs/missing-product.json"));

        // when
        Brief brief = VALIDATOR.parseBrief(json);

        // then
        assertThat(brief.product()).isNull();
    }

    @Test
    void parseSidecar_shouldReadTimedLyrics_whenFileIsTheDemoSong() throws Exception {
        // given
        byte[] json = Files.readAllBytes(EXAMPLES.resolve("songs/demo-song.json"));

        // when
        SongSidecar sidecar = VALIDATOR.parseSidecar(json);

        // then
        assertThat(sidecar.title()).isEqualTo("Neon Tide");
        assertThat(sidecar.artist()).isEqualTo("Reelsmith Demo");
        assertThat(sidecar.genre()).isEqualTo("synthwave");
        List<LyricLine> lines = sidecar.timedLyrics();
        assertThat(lines).first().isEqualTo(new LyricLine(4.0, 8.0, "City lights come rolling in like waves"));
        assertThat(lines).last().isEqualTo(new LyricLine(36.0, 40.0, "Hold on, don't let go tonight"));
        assertThat(lines).extracting(LyricLine::startSeconds).isSorted();
        assertThat(lines.get(lines.size() - 1).endSeconds()).isBetween(30.0, 40.0);
        assertThat(VALIDATOR.parseSidecar(Json.mapper().writeValueAsBytes(sidecar))).isEqualTo(sidecar);
    }

    @Test
    void parseSidecar_shouldPointAtLyricsWithLineNumber_whenTimestampIsMalformed() {
        // given
        String json = """
                {"title": "Broken", "lyrics": "[00:01.00]one\\n[00:02.00]two\\n[0:3.5]three"}""";

        // when
        InvalidUploadException e = catchThrowableOfType(InvalidUploadException.class,
                () -> VALIDATOR.parseSidecar(utf8(json)));

        // then
        assertThat(e.violations()).containsExactly(new Violation("/lyrics", "lrc",
                "lyrics line 3: malformed timestamp [0:3.5], expected [mm:ss], [mm:ss.xx] or [mm:ss.xxx]"));
    }

    @Test
    void parseSidecar_shouldNameSidecarAndNestedPointers_whenStyleIsWrong() {
        // given
        String json = """
                {"style": {"palette": ["#FF2E97", "pink"], "seed": -1, "aspectRatio": ["16:9"]}}""";

        // when
        InvalidUploadException e = catchThrowableOfType(InvalidUploadException.class,
                () -> VALIDATOR.parseSidecar(utf8(json)));

        // then
        assertThat(e.violations()).containsExactlyInAnyOrder(
                new Violation("/style/palette/1", "pattern", "style.palette[1] must be a colour as #RRGGBB, was \"pink\""),
                new Violation("/style/seed", "minimum", "style.seed must be at least 0, was -1"),
                new Violation("/style/aspectRatio", "additionalProperties",
                        "unknown property \"aspectRatio\" in style; did you mean \"aspectRatios\"?"));
        assertThat(e.getMessage()).startsWith("song sidecar is invalid (3 problems):");
    }

    @Test
    void parseSidecar_shouldAcceptEmptyObject_whenNothingIsKnownAboutTheSong() {
        // given
        byte[] json = utf8("{}");

        // when
        SongSidecar sidecar = VALIDATOR.parseSidecar(json);

        // then
        assertThat(sidecar.style().aspectRatios()).containsExactly(AspectRatio.LANDSCAPE);
        assertThat(sidecar.timedLyrics()).isEmpty();
    }
}
