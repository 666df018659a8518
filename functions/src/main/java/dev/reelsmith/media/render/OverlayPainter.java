package dev.reelsmith.media.render;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.OverlayPosition;
import dev.reelsmith.domain.OverlayRole;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.media.text.Fonts;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws text overlays (titles, captions, lyric lines, calls to action) with Java2D. The text never reaches
 * FFmpeg: it becomes pixels here, so quotes, colons, {@code %{…}}, backslashes, emoji and right-to-left
 * scripts are all just text. Layout uses {@link TextLayout}, which applies the Unicode bidirectional algorithm
 * and Arabic shaping; glyphs the bundled font lacks show as boxes rather than failing.
 *
 * <p>Placement keeps to the title-safe area, and on 9:16 also keeps clear of the bottom fifth and top tenth
 * that short-video apps cover with their own buttons.
 */
public final class OverlayPainter {
    private static final Color DEFAULT_TEXT = Color.WHITE;
    private static final Color DEFAULT_CTA = new Color(0xFF, 0x4D, 0x2E);
    private static final Color CAPTION_BOX = new Color(0, 0, 0, 150);

    /** Draws {@code overlay} for a frame of {@code aspect}'s size. */
    public PaintedOverlay paint(TextOverlay overlay, AspectRatio aspect) {
        int w = aspect.width();
        int h = aspect.height();
        double base = Math.min(w, h);
        Style style = Style.of(overlay.role(), base);
        SafeArea safe = SafeArea.of(aspect);
        int maxWidth = (int) Math.round((w - 2 * safe.side) * style.widthShare);
        Color textColor = overlay.color() == null ? DEFAULT_TEXT : Color.decode(overlay.color());
        Color accent = overlay.accentColor() == null
                ? (overlay.role() == OverlayRole.CTA ? DEFAULT_CTA : CAPTION_BOX)
                : Color.decode(overlay.accentColor());

        FontRenderContext frc = new FontRenderContext(new AffineTransform(), true, true);
        List<TextLayout> lines = null;
        float size = style.size;
        for (int attempt = 0; attempt < 8; attempt++) {
            Font font = Fonts.sans(size, style.bold);
            lines = layout(overlay.text(), font, frc, maxWidth - 2 * style.padX(size));
            if (lines.size() <= style.maxLines || size <= style.size * 0.62f) {
                break;
            }
            size *= 0.9f;
        }
        if (lines.size() > style.maxLines) {
            lines = ellipsise(lines.subList(0, style.maxLines), Fonts.sans(size, style.bold), frc,
                    maxWidth - 2 * style.padX(size), overlay.text(), style.maxLines);
        }

        float lineGap = size * 0.22f;
        float textWidth = 0;
        float textHeight = 0;
        for (TextLayout line : lines) {
            textWidth = Math.max(textWidth, line.getAdvance());
            textHeight += line.getAscent() + line.getDescent();
        }
        textHeight += lineGap * (lines.size() - 1);
        int padX = style.boxed ? style.padX(size) : 0;
        int padY = style.boxed ? Math.round(size * 0.38f) : 0;
        int halo = Math.round(size * 0.25f); // room for shadow/outline
        int imgW = even((int) Math.ceil(textWidth) + 2 * padX + 2 * halo);
        int imgH = even((int) Math.ceil(textHeight) + 2 * padY + 2 * halo);
        imgW = Math.min(imgW, even(w));
        imgH = Math.min(imgH, even(h));

        BufferedImage image = new BufferedImage(imgW, imgH, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (style.boxed) {
                float arc = overlay.role() == OverlayRole.CTA ? imgH - 2f * halo : size * 0.5f;
                g.setColor(new Color(0, 0, 0, 70));
                g.fill(new RoundRectangle2D.Float(halo, halo + size * 0.06f, imgW - 2f * halo, imgH - 2f * halo, arc, arc));
                g.setColor(accent);
                g.fill(new RoundRectangle2D.Float(halo, halo, imgW - 2f * halo, imgH - 2f * halo, arc, arc));
            }
            float y = halo + padY;
            for (TextLayout line : lines) {
                y += line.getAscent();
                float x = (imgW - line.getAdvance()) / 2f;
                AffineTransform at = AffineTransform.getTranslateInstance(x, y);
                Shape outline = line.getOutline(at);
                if (!style.boxed) {
                    // soft shadow, then a dark outline so white text reads on any picture
                    g.setComposite(AlphaComposite.SrcOver.derive(0.45f));
                    g.setColor(Color.BLACK);
                    g.fill(AffineTransform.getTranslateInstance(size * 0.04, size * 0.06).createTransformedShape(outline));
                    g.setComposite(AlphaComposite.SrcOver);
                    g.setStroke(new BasicStroke(Math.max(2f, size * 0.08f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.setColor(new Color(0, 0, 0, 200));
                    g.draw(outline);
                }
                g.setColor(textColor);
                g.fill(outline);
                y += line.getDescent() + lineGap;
            }
        } finally {
            g.dispose();
        }

        int x = even((w - imgW) / 2);
        int top = safe.top;
        int bottom = h - safe.bottom;
        int yPos = switch (overlay.position()) {
            case TOP -> top;
            case CENTER -> (h - imgH) / 2;
            case LOWER_THIRD -> (int) Math.round(h * 0.70 - imgH / 2.0);
            case BOTTOM -> bottom - imgH;
        };
        yPos = Math.max(top, Math.min(yPos, bottom - imgH));
        if (yPos < 0) {
            yPos = 0;
        }
        return new PaintedOverlay(image, x, even(yPos));
    }

    private static List<TextLayout> layout(String text, Font font, FontRenderContext frc, float width) {
        List<TextLayout> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            AttributedString attributed = new AttributedString(p);
            attributed.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(),
                    BreakIterator.getLineInstance(Locale.ROOT), frc);
            while (measurer.getPosition() < p.length()) {
                int before = measurer.getPosition();
                TextLayout line = measurer.nextLayout(Math.max(1f, width));
                if (line == null || measurer.getPosition() == before) {
                    break;
                }
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            lines.add(new TextLayout(" ", font, frc));
        }
        return lines;
    }

    private static List<TextLayout> ellipsise(List<TextLayout> kept, Font font, FontRenderContext frc, float width,
                                              String text, int maxLines) {
        // Re-lay the text and cut the last kept line short with an ellipsis that fits.
        List<TextLayout> out = new ArrayList<>(kept.subList(0, kept.size() - 1));
        int consumed = 0;
        for (TextLayout l : out) {
            consumed += l.getCharacterCount();
        }
        String rest = text.replaceAll("\\s*\\R\\s*", " ").strip();
        rest = consumed < rest.length() ? rest.substring(Math.min(consumed, rest.length())).strip() : "";
        int end = rest.length();
        while (end > 0) {
            String candidate = rest.substring(0, end).strip() + "\u2026";
            TextLayout l = new TextLayout(candidate, font, frc);
            if (l.getAdvance() <= width) {
                out.add(l);
                return out;
            }
            end = Math.max(0, end - Math.max(1, end / 12));
        }
        out.add(new TextLayout("\u2026", font, frc));
        return out.size() > maxLines ? out.subList(0, maxLines) : out;
    }

    private static int even(int v) {
        return v & ~1;
    }

    private record SafeArea(int side, int top, int bottom) {
        static SafeArea of(AspectRatio aspect) {
            int w = aspect.width();
            int h = aspect.height();
            return switch (aspect) {
                case PORTRAIT -> new SafeArea((int) (w * 0.08), (int) (h * 0.10), (int) (h * 0.20));
                case LANDSCAPE, SQUARE -> new SafeArea((int) (w * 0.08), (int) (h * 0.08), (int) (h * 0.08));
            };
        }
    }

    private record Style(float size, boolean bold, int maxLines, boolean boxed, double widthShare) {
        static Style of(OverlayRole role, double base) {
            return switch (role) {
                case TITLE -> new Style((float) (base * 0.085), true, 3, false, 1.0);
                case CTA -> new Style((float) (base * 0.055), true, 2, true, 0.9);
                case CAPTION -> new Style((float) (base * 0.042), false, 2, true, 0.9);
                case LYRIC -> new Style((float) (base * 0.05), true, 2, false, 0.92);
            };
        }

        int padX(float fontSize) {
            return boxed ? Math.round(fontSize * 0.8f) : 0;
        }
    }
}
