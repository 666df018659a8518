package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class LrcTest {
    @Test
    void parse_shouldDeriveEndsFromNextLine_whenLinesAreTimed() {
        // given
        String lrc = """
                [ti:Neon Tide]
                [ar:Reelsmith Demo]
                [00:04.00]City lights
                [00:08.50]Chrome and rain
                [00:12.250]We drive""";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then
        assertThat(lines).containsExactly(
                new LyricLine(4.0, 8.5, "City lights"),
                new LyricLine(8.5, 12.25, "Chrome and rain"),
                new LyricLine(12.25, null, "We drive"));
    }

    @Test
    void parse_shouldEmitOneLinePerTimestamp_whenLineRepeatsAsChorus() {
        // given
        String lrc = """
                [00:20.00][00:32.00]Ride the neon tide
                [00:24.00]Hold on
                [00:28.00]Every signal
                [00:36.00]""";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then
        assertThat(lines).containsExactly(
                new LyricLine(20.0, 24.0, "Ride the neon tide"),
                new LyricLine(24.0, 28.0, "Hold on"),
                new LyricLine(28.0, 32.0, "Every signal"),
                new LyricLine(32.0, 36.0, "Ride the neon tide"));
    }

    @Test
    void parse_shouldSortByTime_whenLinesAreOutOfOrder() {
        // given
        String lrc = "[00:10.00]second\n[00:05.00]first\n[00:05.00]also first\n";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then same-time lines keep their order and both end at the next later line
        assertThat(lines).containsExactly(
                new LyricLine(5.0, 10.0, "first"),
                new LyricLine(5.0, 10.0, "also first"),
                new LyricLine(10.0, null, "second"));
    }

    @Test
    void parse_shouldShowLyricsEarlier_whenOffsetIsPositive() {
        // given
        String lrc = "[offset:+500]\n[00:01.00]one\n[00:03.00]two";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then
        assertThat(lines).containsExactly(new LyricLine(0.5, 2.5, "one"), new LyricLine(2.5, null, "two"));
    }

    @Test
    void parse_shouldShowLyricsLater_whenOffsetIsNegative() {
        // given
        String lrc = "[00:01.00]one\n[00:03.00]two\n[offset:-250]";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then
        assertThat(lines).containsExactly(new LyricLine(1.25, 3.25, "one"), new LyricLine(3.25, null, "two"));
    }

    @Test
    void parse_shouldClampAtZero_whenOffsetMovesFirstLineBeforeStart() {
        // given
        String lrc = "[offset:2000]\n[00:01.00]one\n[00:04.00]two";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then
        assertThat(lines).containsExactly(new LyricLine(0.0, 2.0, "one"), new LyricLine(2.0, null, "two"));
    }

    @Test
    void parse_shouldReadAllFractionWidths_whenTimestampsMixThem() {
        // given
        String lrc = "[01:02]a\n[01:02.5]b\n[01:02.75]c\n[01:02.875]d\n[120:00.00]e";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then
        assertThat(lines).extracting(LyricLine::startSeconds).containsExactly(62.0, 62.5, 62.75, 62.875, 7200.0);
    }

    @Test
    void parse_shouldKeepHostileText_whenLyricsContainQuotesAndScripts() {
        // given
        String lrc = "[00:01.00]  It's 100%{x}: \"C:\\path\" 🎬 שלום مرحبا  \r\n[00:02.00]";

        // when
        List<LyricLine> lines = Lrc.parse(lrc);

        // then surrounding spaces go, everything else stays
        assertThat(lines).containsExactly(new LyricLine(1.0, 2.0, "It's 100%{x}: \"C:\\path\" 🎬 שלום مرحبا"));
    }

    @Test
    void parse_shouldNameLineNumber_whenTimestampIsMalformed() {
        // given
        String lrc = "[ar:Someone]\n\n[00:01.00]one\n[1:7.5]two";

        // when
        LrcFormatException e = catchThrowableOfType(LrcFormatException.class, () -> Lrc.parse(lrc));

        // then
        assertThat(e.lineNumber()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("lyrics");
        assertThat(e.rule()).isEqualTo("lrc");
        assertThat(e).hasMessage("lyrics line 4: malformed timestamp [1:7.5], expected [mm:ss], [mm:ss.xx] or [mm:ss.xxx]");
    }

    @Test
    void parse_shouldExplainSecondsRule_whenSecondsReachSixty() {
        // given / when / then
        assertThatThrownBy(() -> Lrc.parse("[00:01.00]one\n[00:60.00]two"))
                .hasMessage("lyrics line 2: malformed timestamp [00:60.00], seconds must be below 60");
    }

    @Test
    void parse_shouldNameLine_whenTagIsUnclosed() {
        // given / when / then
        assertThatThrownBy(() -> Lrc.parse("[00:01.00]one\n[00:02.00 two"))
                .hasMessage("lyrics line 2: unclosed tag \"[00:02.00 two\", missing ]");
    }

    @Test
    void parse_shouldNameLine_whenTextHasNoTimestamp() {
        // given / when / then
        assertThatThrownBy(() -> Lrc.parse("[00:01.00]one\nforgot the time"))
                .hasMessage("lyrics line 2: expected a [mm:ss.xx] timestamp or a [tag:value] metadata tag at the start,"
                        + " found \"forgot the time\"");
    }

    @Test
    void parse_shouldNameLine_whenBracketIsASectionLabel() {
        // given / when / then
        assertThatThrownBy(() -> Lrc.parse("[00:01.00]one\n[Chorus]"))
                .hasMessage("lyrics line 2: [Chorus] is neither a timestamp ([mm:ss], [mm:ss.xx] or [mm:ss.xxx]) nor a"
                        + " [tag:value] metadata tag");
    }

    @Test
    void parse_shouldRejectOffset_whenItIsNotMilliseconds() {
        // given / when / then
        assertThatThrownBy(() -> Lrc.parse("[offset:half a second]\n[00:01.00]one"))
                .hasMessage("lyrics line 1: malformed offset [offset:half a second], expected milliseconds such as"
                        + " [offset:+250] or [offset:-100]");
        assertThatThrownBy(() -> Lrc.parse("[offset:100]\n[offset:200]\n[00:01.00]one"))
                .hasMessage("lyrics line 2: a second [offset:] tag; only one is allowed");
    }

    @Test
    void parse_shouldRejectMetadata_whenTextFollowsIt() {
        // given / when / then
        assertThatThrownBy(() -> Lrc.parse("[ar:Someone] sings\n[00:01.00]one"))
                .hasMessage("lyrics line 1: metadata tag [ar:Someone] must be on a line of its own");
    }

    @Test
    void looksLikeLrc_shouldBeFalse_whenLyricsArePlainWithBrackets() {
        // given
        String plain = "Verse one\n[Chorus]\nLa la la";

        // when / then
        assertThat(Lrc.looksLikeLrc(plain)).isFalse();
        assertThat(Lrc.looksLikeLrc("Verse\n  [00:01]timed")).isTrue();
    }
}
