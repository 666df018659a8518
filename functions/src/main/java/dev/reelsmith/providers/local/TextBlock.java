package dev.reelsmith.providers.local;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wraps user text into lines that fit a width, for the storyboard's caption panel and header.
 *
 * <p>Lines are {@link TextLayout}s built by a {@link LineBreakMeasurer}, so mixed-direction text (Arabic,
 * Hebrew inside English) is reordered by the Unicode bidi algorithm and right-to-left lines are right-aligned.
 * The font is pinned through {@link TextAttribute#FONT}, which disables font substitution: glyphs the bundled
 * font lacks (emoji, CJK) draw as its missing-glyph box instead of pulling in a system font, which keeps frames
 * identical on every machine. Text that still does not fit in {@code maxLines} ends with an ellipsis.
 */
final class TextBlock {
    private static final String ELLIPSIS = "\u2026";

    private TextBlock() {
    }

    /** A laid-out line and the text it shows (including an added ellipsis). */
    record Line(String text, TextLayout layout) {
    }

    /** Up to {@code maxLines} lines of {@code text}, the last ellipsised when text remains. */
    static List<Line> wrap(String text, Font font, FontRenderContext frc, float width, int maxLines) {
        List<Line> lines = new ArrayList<>();
        List<String> paragraphs = paragraphs(text);
        for (int p = 0; p < paragraphs.size() && lines.size() < maxLines; p++) {
            String paragraph = paragraphs.get(p);
            boolean lastParagraph = p == paragraphs.size() - 1;
            LineBreakMeasurer measurer = new LineBreakMeasurer(attributed(paragraph, font).getIterator(), frc);
            while (measurer.getPosition() < paragraph.length()) {
                int start = measurer.getPosition();
                if (lines.size() == maxLines - 1) {
                    int end = measurer.nextOffset(width);
                    if (end < paragraph.length() || !lastParagraph) {
                        lines.add(ellipsised(paragraph.substring(start), font, frc, width));
                        return lines;
                    }
                }
                TextLayout layout = measurer.nextLayout(width);
                lines.add(new Line(paragraph.substring(start, measurer.getPosition()), layout));
            }
        }
        return lines;
    }

    /** One line of {@code text}, ellipsised to {@code width}; null when the text is blank. */
    static TextLayout line(String text, Font font, FontRenderContext frc, float width) {
        List<Line> lines = wrap(String.join(" ", paragraphs(text)), font, frc, width, 1);
        return lines.isEmpty() ? null : lines.get(0).layout();
    }

    /** Draws a line in a box starting at {@code x}: left-aligned, or right-aligned when the line reads RTL. */
    static void draw(Graphics2D g, TextLayout line, float x, float baseline, float width) {
        float dx = line.isLeftToRight() ? 0 : width - line.getVisibleAdvance();
        line.draw(g, x + dx, baseline);
    }

    static float lineHeight(TextLayout line) {
        return line.getAscent() + line.getDescent() + line.getLeading();
    }

    /**
     * The text as drawable paragraphs: line breaks split paragraphs, other control characters (tabs, NUL,
     * escape sequences) become spaces because fonts map them to nothing useful, blank paragraphs go.
     */
    static List<String> paragraphs(String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String raw : text.split("\\R")) {
            StringBuilder clean = new StringBuilder(raw.length());
            raw.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF) {
                    clean.append(' ');
                } else {
                    clean.appendCodePoint(cp);
                }
            });
            String paragraph = clean.toString().replaceAll("\\s+", " ").strip();
            if (!paragraph.isEmpty()) {
                result.add(paragraph);
            }
        }
        return result;
    }

    private static Line ellipsised(String rest, Font font, FontRenderContext frc, float width) {
        String text = rest.strip();
        TextLayout whole = new TextLayout(attributed(text + ELLIPSIS, font).getIterator(), frc);
        if (whole.getVisibleAdvance() <= width) {
            return new Line(text + ELLIPSIS, whole);
        }
        // Binary search over code point counts: advance grows with the prefix, and whole code points keep
        // surrogate pairs (emoji) intact.
        int[] codePoints = text.codePoints().toArray();
        int lo = 0;
        int hi = codePoints.length;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (layout(codePoints, mid, font, frc).getVisibleAdvance() <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int cut = lo;
        // Prefer ending on a word boundary when one is near, as a typesetter would.
        for (int i = lo; i > lo * 0.6 && i > 0; i--) {
            if (Character.isWhitespace(codePoints[i - 1])) {
                cut = i - 1;
                break;
            }
        }
        String shown = new String(codePoints, 0, Math.max(cut, 0)).stripTrailing() + ELLIPSIS;
        return new Line(shown, new TextLayout(attributed(shown, font).getIterator(), frc));
    }

    private static TextLayout layout(int[] codePoints, int count, Font font, FontRenderContext frc) {
        String prefix = new String(codePoints, 0, count).stripTrailing();
        return new TextLayout(attributed(prefix + ELLIPSIS, font).getIterator(), frc);
    }

    private static AttributedString attributed(String text, Font font) {
        return new AttributedString(text, Map.of(TextAttribute.FONT, font));
    }
}
