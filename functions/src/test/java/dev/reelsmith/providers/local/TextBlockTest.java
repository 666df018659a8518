package dev.reelsmith.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.media.text.Fonts;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextBlockTest {
    private static final Font FONT = Fonts.sans(32, false);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    @Test
    void wrap_shouldKeepEveryLineWithinWidth_whenTextIsLong() {
        // given
        String text = "Sunrise over the city: the runner laces up on the rooftop as the skyline wakes and the "
                + "first trains rattle across the river.";

        // when
        List<TextBlock.Line> lines = TextBlock.wrap(text, FONT, FRC, 400, 10);

        // then
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines).allSatisfy(line -> assertThat(line.layout().getVisibleAdvance()).isLessThanOrEqualTo(400f));
        assertThat(String.join("", lines.stream().map(TextBlock.Line::text).toList())).isEqualTo(text);
    }

    @Test
    void wrap_shouldEndWithEllipsis_whenTextDoesNotFitInMaxLines() {
        // given
        String text = "word ".repeat(200);

        // when
        List<TextBlock.Line> lines = TextBlock.wrap(text, FONT, FRC, 300, 3);

        // then
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).layout().getVisibleAdvance()).isLessThanOrEqualTo(300f);
        assertThat(lines.get(2).text()).startsWith("word word").endsWith("word\u2026");
    }

    @Test
    void wrap_shouldNotEllipsise_whenTextFitsExactly() {
        // given / when
        List<TextBlock.Line> lines = TextBlock.wrap("short caption", FONT, FRC, 600, 2);

        // then
        assertThat(lines).extracting(TextBlock.Line::text).containsExactly("short caption");
    }

    @Test
    void wrap_shouldLayOutRightToLeft_whenParagraphIsHebrew() {
        // given / when
        List<TextBlock.Line> lines = TextBlock.wrap("שלום עולם", FONT, FRC, 600, 2);

        // then
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).layout().isLeftToRight()).isFalse();
    }

    @Test
    void wrap_shouldEllipsiseWithinOneCodePoint_whenEmojiWouldBeSplit() {
        // given
        String text = "\uD83D\uDE00".repeat(200);

        // when
        List<TextBlock.Line> lines = TextBlock.wrap(text, FONT, FRC, 200, 1);

        // then
        String shown = lines.get(0).text();
        assertThat(shown).endsWith("\u2026");
        assertThat(shown.codePoints().filter(cp -> cp == 0x1F600).count() * 2 + 1).isEqualTo(shown.length());
    }

    @Test
    void paragraphs_shouldSplitLinesAndDropControlCharacters() {
        // given / when
        List<String> paragraphs = TextBlock.paragraphs("one\ttwo\u0000three\r\n\n  four  ");

        // then
        assertThat(paragraphs).containsExactly("one two three", "four");
    }

    @Test
    void line_shouldReturnNull_whenTextIsBlank() {
        assertThat(TextBlock.line("  \n ", FONT, FRC, 100)).isNull();
    }
}
