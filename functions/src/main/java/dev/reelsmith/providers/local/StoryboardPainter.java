package dev.reelsmith.providers.local;

import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.media.text.Fonts;
import dev.reelsmith.providers.FrameContext;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.reelsmith.providers.local.StoryboardPalette.alpha;
import static dev.reelsmith.providers.local.StoryboardPalette.mix;

/**
 * Paints one animatic panel: a palette gradient and soft shapes, a stylised scene composed for the shot type,
 * composition guides, the camera-move notation, a header with the shot number and framing, and the caption on a
 * semi-opaque panel inside the title-safe area.
 *
 * <p>Every size is expressed in {@code u}, one percent of the frame's short side, so a 1080×1920 portrait
 * panel gets the same type size as a 1920×1080 one. All variation comes from one {@link SplittableRandom}
 * seeded with the request's seed, drawn in a fixed order, so a seed always paints the same frame.
 */
final class StoryboardPainter {
    private static final Color TEXT = new Color(0xF7F7F5);
    private static final Color PANEL = new Color(8, 10, 14, 188);
    /** A standing figure, 1 unit tall, feet at y = 1, centred on x = 0 (built once, scaled per shot). */
    private static final Area FIGURE = figure();
    private static final double FIGURE_SHOULDERS = 0.27;

    private final int width;
    private final int height;
    private final float u;
    private final FrameContext frame;
    private final String caption;
    private final StoryboardPalette palette;
    private final SplittableRandom random;
    private final float marginX;
    private final float marginY;
    /** Which side light comes from (and which third the subject stands on): -1 left, +1 right. */
    private final int side;

    private Rectangle2D stage;
    private Point2D focus;

    StoryboardPainter(int width, int height, FrameContext frame, String caption, long seed) {
        this.width = width;
        this.height = height;
        this.u = Math.min(width, height) / 100f;
        this.frame = frame;
        this.caption = caption;
        this.palette = StoryboardPalette.forFrame(frame.palette(), frame.mood());
        this.random = new SplittableRandom(seed);
        this.marginX = width * 0.06f;
        this.marginY = height * 0.06f;
        this.side = random.nextBoolean() ? 1 : -1;
    }

    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);

        // Text is laid out first: the header and caption panel decide the stage the scene is composed in.
        Header header = layoutHeader(g.getFontRenderContext());
        CaptionPanel panel = layoutPanel(g.getFontRenderContext());
        float stageTop = header.bottom + 2 * u;
        stage = new Rectangle2D.Float(marginX, stageTop, width - 2 * marginX, panel.top - 2 * u - stageTop);
        focus = new Point2D.Double(width / 2.0, height / 2.0);

        paintScene(g);
        paintVignette(g);
        paintGuides(g);
        paintMovement(g);
        paintHeader(g, header);
        paintPanel(g, panel);
    }

    // ---------------------------------------------------------------- scene

    private void paintScene(Graphics2D g) {
        switch (frame.shotType()) {
            case ESTABLISHING -> establishing(g);
            case WIDE -> wide(g);
            case MEDIUM -> medium(g);
            case CLOSE_UP -> closeUp(g);
            case EXTREME_CLOSE_UP -> extremeCloseUp(g);
            case DETAIL -> detail(g);
            case INSERT -> insert(g);
            case POV -> pov(g);
            case OVER_THE_SHOULDER -> overTheShoulder(g);
            case TWO_SHOT -> twoShot(g);
            case AERIAL -> aerial(g);
        }
    }

    private void establishing(Graphics2D g) {
        float horizon = horizonAbovePanel(2 / 3f);
        sky(g, horizon);
        float sunX = third(-side);
        sun(g, sunX, horizon - 9 * u, 11 * u);
        birds(g, sunX, horizon - 30 * u);
        ridge(g, horizon, 16 * u, 7, mix(palette.skyBottom(), palette.ink(), 0.35f), 0.9f);
        skyline(g, horizon);
        ground(g, horizon);
        perspectiveLines(g, new Point2D.Float(width / 2f, horizon), horizon, 0.12f);
        float h = Math.min(height * 0.08f, 11 * u);
        Point2D at = new Point2D.Float(third(side), Math.min(horizon + (height - horizon) * 0.3f,
                (float) stage.getMaxY() - 2 * u));
        shadow(g, at.getX(), at.getY(), h * 0.35f);
        figure(g, at.getX(), at.getY() - h, h);
        focus = new Point2D.Double(width / 2.0, horizon - 6 * u);
    }

    private void wide(Graphics2D g) {
        float horizon = horizonAbovePanel(2 / 3f);
        sky(g, horizon);
        float sunX = third(-side);
        sun(g, sunX, horizon - 6 * u, 8 * u);
        ridge(g, horizon, 10 * u, 4, mix(palette.skyBottom(), palette.ink(), 0.45f), 0.85f);
        ground(g, horizon);
        perspectiveLines(g, new Point2D.Float(third(side), horizon), horizon, 0.16f);
        float h = Math.min(height * (height > width ? 0.15f : 0.22f), (float) stage.getHeight() * 0.45f);
        float x = third(side);
        float feet = Math.min(horizon + (height - horizon) * 0.15f, (float) stage.getMaxY() - 2 * u);
        shadow(g, x, feet, h * 0.3f);
        figure(g, x, feet - h, h);
        focus = new Point2D.Double(x, feet - h * 0.6);
    }

    private void medium(Graphics2D g) {
        float horizon = height * 0.62f;
        sky(g, horizon);
        bokeh(g, 9);
        softGround(g, horizon);
        // Waist-up: the waist sits on the bottom edge, so nothing below it is in frame.
        float top = (float) stage.getMinY() + 5 * u;
        float scale = Math.min((height - top) / 0.56f, width * 0.6f / (float) FIGURE_SHOULDERS);
        float x = thirdOrInside(side, scale * 0.16f);
        figure(g, x, top, scale);
        focus = new Point2D.Double(x, top + scale * 0.07);
    }

    private void closeUp(Graphics2D g) {
        gradientBackground(g);
        bokeh(g, 7);
        float top = (float) stage.getMinY() + 3 * u;
        float chin = Math.max(top + 20 * u, height * (height > width ? 0.5f : 0.58f));
        float scale = Math.min((chin - top) / 0.135f, width * 0.62f / 0.11f);
        float x = width / 2f + side * width * 0.08f;
        figure(g, x, top, scale);
        focus = new Point2D.Double(x, top + scale * 0.07);
    }

    private void extremeCloseUp(Graphics2D g) {
        GradientPaint skin = new GradientPaint(0, 0, mix(palette.glow(), palette.skyBottom(), 0.3f),
                0, height, mix(palette.skyBottom(), palette.skyTop(), 0.45f));
        g.setPaint(skin);
        g.fillRect(0, 0, width, height);
        blob(g, width * 0.5f - side * width * 0.3f, height * 0.25f, 45 * u, alpha(palette.glow(), 0.45f));
        blob(g, width * 0.5f + side * width * 0.35f, height * 0.8f, 50 * u, alpha(palette.ink(), 0.25f));

        float cx = width / 2f + (float) (random.nextDouble() - 0.5) * width * 0.08f;
        float cy = (float) (stage.getCenterY() + stage.getHeight() * 0.08);
        float w = (float) Math.min(width * (height > width ? 0.8 : 0.62), stage.getHeight() * 1.15);
        float h = w * 0.42f;
        Path2D eye = new Path2D.Float();
        eye.moveTo(cx - w / 2, cy);
        eye.curveTo(cx - w * 0.25f, cy - h * 0.95f, cx + w * 0.25f, cy - h * 0.95f, cx + w / 2, cy - h * 0.08f);
        eye.curveTo(cx + w * 0.22f, cy + h * 0.72f, cx - w * 0.24f, cy + h * 0.72f, cx - w / 2, cy);
        eye.closePath();

        // Brow and lid crease sit above the eye, in the ink colour softened towards the skin.
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setStroke(new BasicStroke(h * 0.16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.setColor(alpha(palette.ink(), 0.75f));
        Path2D brow = new Path2D.Float();
        brow.moveTo(cx - w * 0.52f, cy - h * 1.05f);
        brow.quadTo(cx - w * 0.05f, cy - h * 1.7f, cx + w * 0.52f, cy - h * 1.15f);
        g2.draw(brow);
        g2.setStroke(new BasicStroke(h * 0.04f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.setColor(alpha(palette.ink(), 0.35f));
        Path2D crease = new Path2D.Float();
        crease.moveTo(cx - w * 0.4f, cy - h * 0.6f);
        crease.curveTo(cx - w * 0.2f, cy - h * 1.1f, cx + w * 0.2f, cy - h * 1.1f, cx + w * 0.44f, cy - h * 0.5f);
        g2.draw(crease);

        g2.setColor(mix(Color.WHITE, palette.glow(), 0.25f));
        g2.fill(eye);
        g2.setClip(eye);
        float r = h * 0.55f;
        float ix = cx + (float) (random.nextDouble() - 0.5) * w * 0.12f;
        g2.setPaint(new RadialGradientPaint(new Point2D.Float(ix, cy - h * 0.1f), r,
                new float[] {0f, 0.55f, 1f},
                new Color[] {mix(palette.accent(), Color.WHITE, 0.2f), palette.accent(), mix(palette.accent(), palette.ink(), 0.7f)}));
        g2.fill(new Ellipse2D.Float(ix - r, cy - h * 0.1f - r, 2 * r, 2 * r));
        g2.setColor(palette.ink());
        float pupil = r * 0.42f;
        g2.fill(new Ellipse2D.Float(ix - pupil, cy - h * 0.1f - pupil, 2 * pupil, 2 * pupil));
        g2.setColor(alpha(Color.WHITE, 0.9f));
        float glint = r * 0.16f;
        g2.fill(new Ellipse2D.Float(ix - r * 0.35f - glint, cy - h * 0.1f - r * 0.35f - glint, 2 * glint, 2 * glint));
        // Lid shadow across the top of the eyeball.
        g2.setPaint(new GradientPaint(0, cy - h * 0.7f, alpha(palette.ink(), 0.45f), 0, cy - h * 0.2f, alpha(palette.ink(), 0f)));
        g2.fill(eye.getBounds2D());
        g2.setClip(null);
        g2.setColor(palette.ink());
        g2.setStroke(new BasicStroke(h * 0.07f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D lid = new Path2D.Float();
        lid.moveTo(cx - w / 2, cy);
        lid.curveTo(cx - w * 0.25f, cy - h * 0.95f, cx + w * 0.25f, cy - h * 0.95f, cx + w / 2, cy - h * 0.08f);
        g2.draw(lid);
        g2.setStroke(new BasicStroke(h * 0.035f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 1; i <= 11; i++) {
            double t = 0.06 + 0.88 * i / 12.0;
            Point2D p = cubic(cx - w / 2, cy, cx - w * 0.25f, cy - h * 0.95f, cx + w * 0.25f, cy - h * 0.95f,
                    cx + w / 2, cy - h * 0.08f, t);
            double lean = (t - 0.5) * 0.9;
            g2.draw(new Line2D.Double(p.getX(), p.getY(), p.getX() + (lean * h * 0.3), p.getY() - h * 0.2));
        }
        g2.setColor(alpha(palette.ink(), 0.4f));
        g2.setStroke(new BasicStroke(h * 0.03f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D lower = new Path2D.Float();
        lower.moveTo(cx - w / 2, cy);
        lower.curveTo(cx - w * 0.24f, cy + h * 0.72f, cx + w * 0.22f, cy + h * 0.72f, cx + w / 2, cy - h * 0.08f);
        g2.draw(lower);
        g2.dispose();
        focus = new Point2D.Double(ix, cy);
    }

    private void detail(Graphics2D g) {
        gradientBackground(g);
        float tableY = (float) (stage.getMinY() + stage.getHeight() * 0.72);
        blob(g, width / 2f, tableY - 12 * u, 48 * u, alpha(palette.glow(), 0.55f));
        tabletop(g, tableY);
        float h = (float) Math.min(stage.getHeight() * 0.62, width * 0.9);
        float w = h * 0.42f;
        float cx = width / 2f + side * Math.min(width * 0.1f, 8 * u);
        float base = tableY + h * 0.06f;
        // Pedestal: a short cylinder the product stands on.
        float pw = w * 1.7f;
        float ph = h * 0.1f;
        g.setPaint(new GradientPaint(cx - pw / 2, 0, mix(palette.ground(), palette.glow(), 0.35f),
                cx + pw / 2, 0, mix(palette.ground(), palette.ink(), 0.5f)));
        g.fill(new Rectangle2D.Float(cx - pw / 2, base - ph, pw, ph));
        g.fill(new Ellipse2D.Float(cx - pw / 2, base - pw * 0.09f, pw, pw * 0.18f));
        g.setColor(mix(palette.ground(), palette.glow(), 0.55f));
        g.fill(new Ellipse2D.Float(cx - pw / 2, base - ph - pw * 0.09f, pw, pw * 0.18f));
        float bottom = base - ph - pw * 0.02f;
        bottle(g, cx, bottom, w, h * 0.82f);
        focus = new Point2D.Double(cx, bottom - h * 0.4);
    }

    private void insert(Graphics2D g) {
        gradientBackground(g);
        bokeh(g, 6);
        float tableY = (float) (stage.getMinY() + stage.getHeight() * 0.8);
        tabletop(g, tableY);
        float h = (float) Math.min(stage.getHeight() * 0.78, width * 1.1);
        float w = h * 0.5f;
        float cx = width / 2f + side * Math.min(width * 0.08f, 6 * u);
        float cy = (float) stage.getCenterY();
        Graphics2D g2 = (Graphics2D) g.create();
        g2.rotate(Math.toRadians(side * -7), cx, cy);
        // Hand behind the device: palm and thumb in ink, so the device reads as held.
        g2.setColor(mix(palette.ink(), palette.ground(), 0.35f));
        g2.fill(new RoundRectangle2D.Float(cx - w * 0.62f, cy + h * 0.05f, w * 1.24f, h * 0.9f, w * 0.5f, w * 0.5f));
        RoundRectangle2D body = new RoundRectangle2D.Float(cx - w / 2, cy - h / 2, w, h, w * 0.16f, w * 0.16f);
        g2.setColor(alpha(Color.BLACK, 0.3f));
        g2.fill(new RoundRectangle2D.Float(cx - w / 2 + 1.2f * u, cy - h / 2 + 1.8f * u, w, h, w * 0.16f, w * 0.16f));
        g2.setColor(palette.ink());
        g2.fill(body);
        float bezel = w * 0.05f;
        Shape screen = new RoundRectangle2D.Float(cx - w / 2 + bezel, cy - h / 2 + bezel, w - 2 * bezel, h - 2 * bezel,
                w * 0.11f, w * 0.11f);
        g2.setPaint(new GradientPaint(0, cy - h / 2, mix(palette.glow(), Color.WHITE, 0.5f), 0, cy + h / 2, palette.skyBottom()));
        g2.fill(screen);
        g2.setClip(screen);
        float sx = cx - w / 2 + bezel;
        float sw = w - 2 * bezel;
        float y = cy - h / 2 + bezel;
        g2.setColor(palette.accent());
        g2.fill(new Rectangle2D.Float(sx, y, sw, h * 0.16f));
        g2.setColor(alpha(palette.skyTop(), 0.8f));
        g2.fill(new RoundRectangle2D.Float(sx + sw * 0.1f, y + h * 0.22f, sw * 0.8f, h * 0.26f, sw * 0.08f, sw * 0.08f));
        g2.setColor(alpha(palette.ink(), 0.55f));
        float line = h * 0.032f;
        for (int i = 0; i < 4; i++) {
            float len = sw * (0.8f - 0.22f * (float) random.nextDouble());
            g2.fill(new RoundRectangle2D.Float(sx + sw * 0.1f, y + h * (0.54f + 0.075f * i), len, line, line, line));
        }
        g2.setColor(palette.accent());
        g2.fill(new RoundRectangle2D.Float(sx + sw * 0.1f, y + h * 0.86f, sw * 0.8f, h * 0.07f, h * 0.07f, h * 0.07f));
        g2.setClip(null);
        g2.setColor(mix(palette.ink(), palette.ground(), 0.2f));
        g2.fill(new Ellipse2D.Float(cx + side * w * 0.38f - w * 0.16f, cy + h * 0.08f, w * 0.32f, h * 0.3f));
        g2.dispose();
        focus = new Point2D.Double(cx, cy);
    }

    private void pov(Graphics2D g) {
        float horizon = height * 0.55f;
        sky(g, horizon);
        float vx = width / 2f + (float) (random.nextDouble() - 0.5) * width * 0.12f;
        sun(g, vx, horizon - 4 * u, 6 * u);
        ridge(g, horizon, 8 * u, 5, mix(palette.skyBottom(), palette.ink(), 0.4f), 0.85f);
        ground(g, horizon);
        Path2D road = new Path2D.Float();
        road.moveTo(vx - 0.5f * u, horizon);
        road.lineTo(vx + 0.5f * u, horizon);
        road.lineTo(width * 0.82f, height);
        road.lineTo(width * 0.18f, height);
        road.closePath();
        g.setColor(mix(palette.ground(), palette.skyBottom(), 0.3f));
        g.fill(road);
        // Centre-line dashes and roadside posts shrink with distance towards the vanishing point.
        g.setColor(alpha(palette.glow(), 0.75f));
        for (int k = 0; k < 14; k++) {
            double t0 = Math.pow(0.78, k);
            double t1 = t0 * 0.86;
            g.setStroke(new BasicStroke((float) Math.max(0.15 * u, 1.1 * u * t0), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g.draw(new Line2D.Double(vx + (width / 2.0 - vx) * t0, horizon + (height - horizon) * t0,
                    vx + (width / 2.0 - vx) * t1, horizon + (height - horizon) * t1));
        }
        g.setColor(palette.ink());
        for (int k = 1; k < 9; k++) {
            double t = Math.pow(0.7, k);
            for (int s = -1; s <= 1; s += 2) {
                double edge = width / 2.0 + s * width * 0.42;
                double bx = vx + (edge - vx) * t;
                double bottom = horizon + (height - horizon) * t;
                double ph = 30 * u * t;
                double pw = Math.max(1.4 * u * t, 0.25 * u);
                g.fill(new Rectangle2D.Double(bx - pw / 2, bottom - ph, pw, ph));
            }
        }
        // The viewfinder: darkened edges and corner marks, like looking through the character's eyes.
        RoundRectangle2D view = new RoundRectangle2D.Float(width * 0.07f, height * 0.08f, width * 0.86f,
                height * 0.84f, 14 * u, 14 * u);
        for (int i = 0; i < 16; i++) {
            Area outside = new Area(new Rectangle2D.Float(0, 0, width, height));
            float grow = i * 0.7f * u;
            outside.subtract(new Area(new RoundRectangle2D.Double(view.getX() + grow, view.getY() + grow,
                    view.getWidth() - 2 * grow, view.getHeight() - 2 * grow, 14 * u + grow, 14 * u + grow)));
            g.setColor(alpha(Color.BLACK, i == 0 ? 0.5f : 0.028f));
            g.fill(outside);
        }
        g.setColor(alpha(Color.WHITE, 0.6f));
        g.setStroke(new BasicStroke(0.35f * u));
        float c = 3 * u;
        g.draw(new Line2D.Float(width / 2f - c, height / 2f, width / 2f + c, height / 2f));
        g.draw(new Line2D.Float(width / 2f, height / 2f - c, width / 2f, height / 2f + c));
        focus = new Point2D.Double(vx, horizon);
    }

    private void overTheShoulder(Graphics2D g) {
        float horizon = height * 0.6f;
        sky(g, horizon);
        bokeh(g, 6);
        softGround(g, horizon);
        float top = (float) stage.getMinY() + 8 * u;
        float scale = Math.min((height * 0.98f - top) / 0.6f, width * 0.42f / (float) FIGURE_SHOULDERS);
        float x = thirdOrInside(side, scale * 0.14f);
        figure(g, x, top, scale);
        // The foreground shoulder: a much larger figure seen from behind, cut by the frame edge.
        // Head top near the top third, shoulder line low in frame, centre just inside the edge.
        float ftop = height * 0.3f;
        float big = Math.min(height * 0.5f / 0.2f, width * 0.75f / (float) FIGURE_SHOULDERS);
        float fx = side > 0 ? width * 0.08f : width * 0.92f;
        Shape foreground = AffineTransform.getTranslateInstance(fx, ftop).createTransformedShape(
                AffineTransform.getScaleInstance(big, big).createTransformedShape(FIGURE));
        float rim = 0.5f * u;
        g.setColor(alpha(palette.accent(), 0.55f));
        g.fill(AffineTransform.getTranslateInstance(side * rim, -rim).createTransformedShape(foreground));
        g.setColor(mix(palette.ink(), palette.skyTop(), 0.12f));
        g.fill(foreground);
        focus = new Point2D.Double(x, top + scale * 0.07);
    }

    private void twoShot(Graphics2D g) {
        float horizon = height * 0.62f;
        sky(g, horizon);
        bokeh(g, 8);
        softGround(g, horizon);
        float top = (float) stage.getMinY() + 6 * u;
        float scale = Math.min((height - top) / 0.6f, width * 0.4f / (float) FIGURE_SHOULDERS);
        float gap = Math.min(width * 0.2f, scale * (float) FIGURE_SHOULDERS * 0.62f);
        // The partner further from camera stands a little smaller and higher, overlapping slightly.
        figure(g, width / 2f - side * gap, top + 3 * u, scale * 0.93f);
        figure(g, width / 2f + side * gap, top, scale);
        focus = new Point2D.Double(width / 2.0, top + scale * 0.1);
    }

    private void aerial(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, mix(palette.ground(), palette.skyBottom(), 0.3f), 0, height,
                mix(palette.ground(), palette.ink(), 0.2f)));
        g.fillRect(0, 0, width, height);
        // A patchwork of fields on a ground plane seen from high up: the grid converges slightly towards a
        // vanishing point far above the frame, so the camera reads as tilted, not straight down.
        float vx = width / 2f;
        float vy = -height * 1.6f;
        float span = Math.max(width, height) * 0.16f;
        int columns = (int) Math.ceil(width / span) + 4;
        List<Float> rows = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            float y = vy + (height - vy) / (1f + 0.16f * k);
            if (y < -height * 0.1f) {
                break;
            }
            rows.add(y);
        }
        Color[] fields = {mix(palette.ground(), palette.glow(), 0.45f), palette.skyBottom(),
                mix(palette.accent(), palette.ground(), 0.35f), mix(palette.skyTop(), palette.ground(), 0.3f)};
        for (int r = 0; r + 1 < rows.size(); r++) {
            for (int c = -columns; c < columns; c++) {
                if (random.nextDouble() < 0.3) {
                    continue;
                }
                Color fieldColour = fields[random.nextInt(fields.length)];
                float inset = 0.5f * u;
                float y0 = rows.get(r) - inset;
                float y1 = rows.get(r + 1) + inset;
                Path2D cell = new Path2D.Float();
                cell.moveTo(gridX(vx, vy, c * span + inset, y0), y0);
                cell.lineTo(gridX(vx, vy, (c + 1) * span - inset, y0), y0);
                cell.lineTo(gridX(vx, vy, (c + 1) * span - inset, y1), y1);
                cell.lineTo(gridX(vx, vy, c * span + inset, y1), y1);
                cell.closePath();
                g.setColor(alpha(fieldColour, 0.35f + 0.4f * (float) random.nextDouble()));
                g.fill(cell);
                if (random.nextDouble() < 0.35) {
                    // Furrows: a few lines across the field, like crops seen from the air.
                    Graphics2D g2 = (Graphics2D) g.create();
                    g2.clip(cell);
                    g2.setColor(alpha(palette.ink(), 0.12f));
                    g2.setStroke(new BasicStroke(Math.max(1f, 0.2f * u)));
                    for (float fy = y1; fy < y0; fy += 1.2f * u) {
                        g2.draw(new Line2D.Float(0, fy, width, fy));
                    }
                    g2.dispose();
                }
            }
        }
        Path2D road = new Path2D.Float();
        float start = (float) random.nextDouble() * width * 0.4f + width * 0.05f;
        road.moveTo(start, -2 * u);
        road.curveTo(width * 0.95f, height * 0.3f, width * 0.05f, height * 0.62f, width - start, height + 2 * u);
        // Tree clumps with soft shadows, then small buildings, then the road over them.
        for (int clump = 0; clump < 7; clump++) {
            float tx = (float) random.nextDouble() * width;
            float ty = (float) random.nextDouble() * height;
            for (int t = 0; t < 9; t++) {
                float x = tx + (float) (random.nextGaussian() * 3.2 * u);
                float y = ty + (float) (random.nextGaussian() * 2.4 * u);
                float r = (0.9f + 0.9f * (float) random.nextDouble()) * u;
                g.setColor(alpha(Color.BLACK, 0.22f));
                g.fill(new Ellipse2D.Float(x - r + 0.6f * u, y - r + 0.8f * u, 2 * r, 2 * r));
                g.setColor(mix(palette.ink(), palette.ground(), 0.45f));
                g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
            }
        }
        for (int b = 0; b < 9; b++) {
            double t = random.nextDouble();
            Point2D p = cubic(start, -2 * u, width * 0.95f, height * 0.3f, width * 0.05f, height * 0.62f,
                    width - start, height + 2 * u, t);
            float bw = (2.2f + 2f * (float) random.nextDouble()) * u;
            float bh = bw * (0.7f + 0.5f * (float) random.nextDouble());
            float x = (float) p.getX() + (random.nextBoolean() ? 3 : -3) * u - bw / 2;
            float y = (float) p.getY() - bh / 2;
            g.setColor(alpha(Color.BLACK, 0.3f));
            g.fill(new Rectangle2D.Float(x + 0.8f * u, y + 0.9f * u, bw, bh));
            g.setColor(mix(palette.glow(), Color.WHITE, 0.3f));
            g.fill(new Rectangle2D.Float(x, y, bw, bh));
            g.setColor(mix(palette.accent(), palette.ink(), 0.3f));
            g.fill(new Rectangle2D.Float(x, y, bw, bh * 0.42f));
        }
        g.setColor(alpha(mix(palette.glow(), Color.WHITE, 0.4f), 0.9f));
        g.setStroke(new BasicStroke(2.6f * u, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(road);
        g.setColor(alpha(palette.ink(), 0.5f));
        g.setStroke(new BasicStroke(0.35f * u, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {1.8f * u, 1.4f * u}, 0f));
        g.draw(road);
        for (int i = 0; i < 4; i++) {
            blob(g, (float) random.nextDouble() * width, (float) (stage.getMinY() + random.nextDouble() * stage.getHeight() * 0.6),
                    (14 + 10 * (float) random.nextDouble()) * u, alpha(Color.WHITE, 0.3f));
        }
        focus = new Point2D.Double(width / 2.0, height / 2.0);
    }

    // ---------------------------------------------------------------- scene parts

    private void sky(Graphics2D g, float horizon) {
        g.setPaint(new GradientPaint(0, 0, palette.skyTop(), 0, horizon, palette.skyBottom()));
        g.fillRect(0, 0, width, (int) Math.ceil(horizon) + 1);
        for (int i = 0; i < 3; i++) {
            blob(g, (float) random.nextDouble() * width, (float) random.nextDouble() * horizon * 0.8f,
                    (22 + 26 * (float) random.nextDouble()) * u, alpha(palette.glow(), 0.22f));
        }
    }

    private void gradientBackground(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, palette.skyTop(), width * 0.3f * side, height,
                mix(palette.skyBottom(), palette.skyTop(), 0.25f)));
        g.fillRect(0, 0, width, height);
        blob(g, width / 2f - side * width * 0.25f, height * 0.3f, 55 * u, alpha(palette.glow(), 0.32f));
        blob(g, width / 2f + side * width * 0.3f, height * 0.75f, 45 * u, alpha(palette.accent(), 0.16f));
    }

    private void ground(Graphics2D g, float horizon) {
        g.setPaint(new GradientPaint(0, horizon, mix(palette.ground(), palette.skyBottom(), 0.25f), 0, height,
                mix(palette.ground(), palette.ink(), 0.4f)));
        g.fill(new Rectangle2D.Float(0, horizon, width, height - horizon));
        g.setColor(alpha(palette.skyBottom(), 0.55f));
        g.setStroke(new BasicStroke(Math.max(1f, 0.3f * u)));
        g.draw(new Line2D.Float(0, horizon, width, horizon));
    }

    /** A blurred horizon for medium shots: the background is out of focus, so the ground only tints. */
    private void softGround(Graphics2D g, float horizon) {
        g.setPaint(new GradientPaint(0, horizon - 6 * u, alpha(palette.ground(), 0f), 0, horizon + 10 * u,
                alpha(mix(palette.ground(), palette.skyBottom(), 0.2f), 0.85f)));
        g.fill(new Rectangle2D.Float(0, horizon - 6 * u, width, height - horizon + 6 * u));
    }

    private void tabletop(Graphics2D g, float y) {
        g.setPaint(new GradientPaint(0, y, mix(palette.ground(), palette.glow(), 0.2f), 0, height,
                mix(palette.ground(), palette.ink(), 0.5f)));
        g.fill(new Rectangle2D.Float(0, y, width, height - y));
        g.setColor(alpha(palette.glow(), 0.5f));
        g.setStroke(new BasicStroke(Math.max(1f, 0.25f * u)));
        g.draw(new Line2D.Float(0, y, width, y));
    }

    private void perspectiveLines(Graphics2D g, Point2D vanishing, float horizon, float alphaValue) {
        g.setColor(alpha(palette.glow(), alphaValue));
        g.setStroke(new BasicStroke(Math.max(1f, 0.22f * u)));
        for (int i = -6; i <= 6; i++) {
            float bottomX = (float) vanishing.getX() + i * width * 0.22f;
            g.draw(new Line2D.Float((float) vanishing.getX(), horizon, bottomX, height));
        }
    }

    private void sun(Graphics2D g, float x, float y, float r) {
        blob(g, x, y, r * 4.5f, alpha(palette.accent(), 0.35f));
        g.setColor(mix(palette.accent(), Color.WHITE, 0.25f));
        g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
    }

    private void birds(Graphics2D g, float x, float y) {
        g.setColor(alpha(palette.ink(), 0.7f));
        g.setStroke(new BasicStroke(0.35f * u, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            float bx = x + (float) (random.nextDouble() - 0.3) * 22 * u;
            float by = y + (float) (random.nextDouble() - 0.5) * 10 * u;
            float s = (1.2f + (float) random.nextDouble()) * u;
            Path2D bird = new Path2D.Float();
            bird.moveTo(bx - s, by - s * 0.4f);
            bird.quadTo(bx - s * 0.4f, by - s * 0.6f, bx, by);
            bird.quadTo(bx + s * 0.4f, by - s * 0.6f, bx + s, by - s * 0.4f);
            g.draw(bird);
        }
    }

    private void ridge(Graphics2D g, float horizon, float amplitude, int peaks, Color colour, float alphaValue) {
        Path2D ridge = new Path2D.Float();
        ridge.moveTo(0, horizon);
        float step = width / (float) peaks;
        float prevX = 0;
        float prevY = horizon - amplitude * 0.3f;
        ridge.lineTo(prevX, prevY);
        for (int i = 1; i <= peaks; i++) {
            float x = i * step;
            float y = horizon - amplitude * (0.25f + 0.75f * (float) random.nextDouble());
            float midX = (prevX + x) / 2;
            float midY = Math.min(prevY, y) - amplitude * 0.35f * (float) random.nextDouble();
            ridge.quadTo(midX, midY, x, y);
            prevX = x;
            prevY = y;
        }
        ridge.lineTo(width, horizon);
        ridge.closePath();
        g.setColor(alpha(colour, alphaValue));
        g.fill(ridge);
    }

    private void skyline(Graphics2D g, float horizon) {
        float x = -2 * u;
        Color building = mix(palette.ink(), palette.skyBottom(), 0.18f);
        Color window = alpha(palette.accent(), 0.7f);
        while (x < width) {
            float w = (3 + 6 * (float) random.nextDouble()) * u;
            float h = (4 + 18 * (float) Math.pow(random.nextDouble(), 1.6)) * u;
            boolean gapHere = random.nextDouble() < 0.18;
            if (!gapHere) {
                g.setColor(building);
                g.fill(new Rectangle2D.Float(x, horizon - h, w, h + 1));
                g.setColor(window);
                float win = 0.45f * u;
                for (float wy = horizon - h + 1.2f * u; wy < horizon - 1.2f * u; wy += 1.6f * u) {
                    for (float wx = x + 0.8f * u; wx < x + w - 0.8f * u; wx += 1.4f * u) {
                        if (random.nextDouble() < 0.22) {
                            g.fill(new Rectangle2D.Float(wx, wy, win, win * 1.3f));
                        }
                    }
                }
            }
            x += w + (gapHere ? 3 * u : 0.3f * u);
        }
    }

    private void bokeh(Graphics2D g, int count) {
        for (int i = 0; i < count; i++) {
            float x = (float) random.nextDouble() * width;
            float y = (float) (random.nextDouble() * height * 0.75);
            float r = (3 + 9 * (float) random.nextDouble()) * u;
            Color c = random.nextDouble() < 0.35 ? palette.accent() : palette.glow();
            g.setColor(alpha(c, 0.10f + 0.14f * (float) random.nextDouble()));
            g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
            g.setColor(alpha(c, 0.18f));
            g.setStroke(new BasicStroke(Math.max(1f, 0.2f * u)));
            g.draw(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
        }
    }

    private void blob(Graphics2D g, float x, float y, float r, Color colour) {
        if (r <= 0) {
            return;
        }
        g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), r, new float[] {0f, 1f},
                new Color[] {colour, alpha(colour, 0f)}));
        g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
    }

    private void shadow(Graphics2D g, double x, double y, float w) {
        blob(g, (float) x, (float) y, w, alpha(palette.ink(), 0.45f));
    }

    /** A figure {@code h} tall whose head top is at {@code (x, top)}, with a rim light on the lit side. */
    private void figure(Graphics2D g, double x, double top, double h) {
        Shape body = AffineTransform.getTranslateInstance(x, top).createTransformedShape(
                AffineTransform.getScaleInstance(h, h).createTransformedShape(FIGURE));
        float rim = (float) Math.min(Math.max(1.5, h * 0.006), 0.5 * u);
        g.setColor(alpha(mix(palette.accent(), Color.WHITE, 0.2f), 0.9f));
        g.fill(AffineTransform.getTranslateInstance(-side * rim, -rim * 0.5).createTransformedShape(body));
        Rectangle2D bounds = body.getBounds2D();
        // The lit side of the silhouette is a shade lighter, giving the flat figure some volume.
        float litX = (float) (side > 0 ? bounds.getMinX() : bounds.getMaxX());
        float darkX = (float) (side > 0 ? bounds.getMaxX() : bounds.getMinX());
        g.setPaint(new GradientPaint(litX, 0, mix(palette.ink(), palette.accent(), 0.16f), darkX, 0, palette.ink()));
        g.fill(body);
    }

    private void bottle(Graphics2D g, float cx, float bottom, float w, float h) {
        float shoulder = bottom - h * 0.66f;
        float neckW = w * 0.36f;
        Path2D shape = new Path2D.Float();
        shape.moveTo(cx - w / 2, bottom - w * 0.12f);
        shape.lineTo(cx - w / 2, shoulder);
        shape.curveTo(cx - w / 2, shoulder - h * 0.12f, cx - neckW / 2, shoulder - h * 0.1f, cx - neckW / 2, shoulder - h * 0.2f);
        shape.lineTo(cx - neckW / 2, bottom - h * 0.94f);
        shape.lineTo(cx + neckW / 2, bottom - h * 0.94f);
        shape.lineTo(cx + neckW / 2, shoulder - h * 0.2f);
        shape.curveTo(cx + neckW / 2, shoulder - h * 0.1f, cx + w / 2, shoulder - h * 0.12f, cx + w / 2, shoulder);
        shape.lineTo(cx + w / 2, bottom - w * 0.12f);
        shape.quadTo(cx + w / 2, bottom, cx + w * 0.38f, bottom);
        shape.lineTo(cx - w * 0.38f, bottom);
        shape.quadTo(cx - w / 2, bottom, cx - w / 2, bottom - w * 0.12f);
        shape.closePath();
        g.setPaint(new GradientPaint(cx - w / 2, 0, mix(palette.skyTop(), palette.ink(), 0.2f), cx + w / 2, 0,
                mix(palette.skyTop(), palette.ink(), 0.75f)));
        g.fill(shape);
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setClip(shape);
        g2.setColor(palette.accent());
        g2.fill(new Rectangle2D.Float(cx - w / 2, bottom - h * 0.5f, w, h * 0.22f));
        g2.setColor(alpha(palette.ink(), 0.6f));
        g2.fill(new Rectangle2D.Float(cx - w * 0.3f, bottom - h * 0.42f, w * 0.6f, h * 0.025f));
        g2.fill(new Rectangle2D.Float(cx - w * 0.22f, bottom - h * 0.375f, w * 0.44f, h * 0.02f));
        g2.setPaint(new java.awt.LinearGradientPaint(cx - w * 0.42f, 0, cx - w * 0.1f, 0, new float[] {0f, 0.35f, 1f},
                new Color[] {alpha(Color.WHITE, 0f), alpha(Color.WHITE, 0.5f), alpha(Color.WHITE, 0f)}));
        g2.fill(new Rectangle2D.Float(cx - w * 0.42f, bottom - h, w * 0.32f, h));
        g2.dispose();
        g.setColor(mix(palette.accent(), palette.ink(), 0.35f));
        g.fill(new RoundRectangle2D.Float(cx - neckW * 0.62f, bottom - h * 1.04f, neckW * 1.24f, h * 0.13f, w * 0.06f, w * 0.06f));
    }

    private static Area figure() {
        Area body = new Area(new Ellipse2D.Double(-0.052, 0.0, 0.104, 0.132));
        Path2D neck = new Path2D.Double();
        neck.moveTo(-0.025, 0.1);
        neck.lineTo(0.025, 0.1);
        neck.lineTo(0.033, 0.172);
        neck.lineTo(-0.033, 0.172);
        neck.closePath();
        body.add(new Area(neck));
        Path2D torso = new Path2D.Double();
        torso.moveTo(-0.032, 0.155);
        torso.curveTo(-0.09, 0.163, -0.133, 0.172, -0.14, 0.232);
        torso.lineTo(-0.112, 0.535);
        torso.lineTo(0.112, 0.535);
        torso.lineTo(0.14, 0.232);
        torso.curveTo(0.133, 0.172, 0.09, 0.163, 0.032, 0.155);
        torso.closePath();
        body.add(new Area(torso));
        // Arms hang against the torso (no gap), so the silhouette reads as one figure at any scale.
        BasicStroke arm = new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        BasicStroke leg = new BasicStroke(0.08f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (int s = -1; s <= 1; s += 2) {
            Path2D a = new Path2D.Double();
            a.moveTo(s * 0.122, 0.23);
            a.quadTo(s * 0.15, 0.38, s * 0.132, 0.53);
            body.add(new Area(arm.createStrokedShape(a)));
            body.add(new Area(new Ellipse2D.Double(s * 0.132 - 0.026, 0.52, 0.052, 0.06)));
            body.add(new Area(leg.createStrokedShape(new Line2D.Double(s * 0.052, 0.5, s * 0.06, 0.955))));
            body.add(new Area(new Ellipse2D.Double(s * 0.06 - 0.05 + s * 0.02, 0.95, 0.1, 0.05)));
        }
        return body;
    }

    // ---------------------------------------------------------------- overlays

    private void paintVignette(Graphics2D g) {
        float r = (float) Math.hypot(width, height) / 2f;
        g.setPaint(new RadialGradientPaint(new Point2D.Float(width / 2f, height / 2f), r,
                new float[] {0.55f, 1f}, new Color[] {alpha(Color.BLACK, 0f), alpha(Color.BLACK, 0.38f)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, width, height);
    }

    private void paintGuides(Graphics2D g) {
        float thin = Math.max(1f, 0.14f * u);
        g.setColor(alpha(Color.WHITE, 0.2f));
        g.setStroke(new BasicStroke(thin));
        for (int i = 1; i <= 2; i++) {
            g.draw(new Line2D.Float(width * i / 3f, 0, width * i / 3f, height));
            g.draw(new Line2D.Float(0, height * i / 3f, width, height * i / 3f));
        }
        g.setColor(alpha(Color.WHITE, 0.55f));
        g.setStroke(new BasicStroke(thin * 1.6f));
        float c = 1.2f * u;
        for (int i = 1; i <= 2; i++) {
            for (int j = 1; j <= 2; j++) {
                float x = width * i / 3f;
                float y = height * j / 3f;
                g.draw(new Line2D.Float(x - c, y, x + c, y));
                g.draw(new Line2D.Float(x, y - c, x, y + c));
            }
        }
        // Title-safe corners.
        g.setColor(alpha(Color.WHITE, 0.5f));
        g.setStroke(new BasicStroke(thin * 1.8f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        float len = 3.5f * u;
        float x0 = marginX * 0.5f;
        float y0 = marginY * 0.5f;
        float x1 = width - x0;
        float y1 = height - y0;
        for (float[] k : new float[][] {{x0, y0, 1, 1}, {x1, y0, -1, 1}, {x0, y1, 1, -1}, {x1, y1, -1, -1}}) {
            Path2D corner = new Path2D.Float();
            corner.moveTo(k[0] + k[2] * len, k[1]);
            corner.lineTo(k[0], k[1]);
            corner.lineTo(k[0], k[1] + k[3] * len);
            g.draw(corner);
        }
    }

    private void paintMovement(Graphics2D g) {
        if (frame.cameraMovement() == CameraMovement.STATIC) {
            return;
        }
        float stroke = 0.55f * u;
        Rectangle2D box = stage;
        // A dark pass under the white marks keeps them readable on light skies.
        Graphics2D shadow = (Graphics2D) g.create();
        shadow.translate(0.25f * u, 0.3f * u);
        MovementGlyph.draw(shadow, frame.cameraMovement(), box, focus, stroke, alpha(Color.BLACK, 0.35f), false,
                width / (double) height);
        shadow.dispose();
        MovementGlyph.draw(g, frame.cameraMovement(), box, focus, stroke, alpha(Color.WHITE, 0.88f), false,
                width / (double) height);
    }

    // ---------------------------------------------------------------- header

    private record Header(TextLayout title, TextLayout shot, TextLayout type, TextLayout move, float titleBaseline,
                          float shotBaseline, Rectangle2D badge, Rectangle2D icon, float typeBaseline,
                          float moveBaseline, float bottom) {
    }

    private Header layoutHeader(FontRenderContext frc) {
        float safeWidth = width - 2 * marginX;
        Font shotFont = Fonts.sans(5.6f * u, true);
        Font titleFont = tracked(Fonts.sans(2.3f * u, true), 0.14f);
        Font typeFont = tracked(Fonts.sans(2.6f * u, true), 0.04f);
        Font moveFont = tracked(Fonts.sans(2.2f * u, true), 0.08f);

        TextLayout shot = TextBlock.line("SHOT " + frame.shotNumber() + " / " + frame.totalShots(), shotFont, frc,
                safeWidth);
        TextLayout type = TextBlock.line(shotTypeLabel(frame.shotType()), typeFont, frc, safeWidth * 0.6f);
        TextLayout move = TextBlock.line(movementLabel(frame.cameraMovement()), moveFont, frc, safeWidth * 0.6f);
        float pad = 1.4f * u;
        float iconSize = 6.4f * u;
        float labelWidth = Math.max(type.getVisibleAdvance(), move.getVisibleAdvance());
        float badgeW = pad + iconSize + 1.4f * u + labelWidth + pad * 1.4f;
        float badgeH = iconSize + 2 * pad;

        String titleText = frame.title() == null ? frame.shotId() : frame.title();
        float left = marginX;
        float y = marginY;
        float titleWidth = safeWidth - badgeW - 3 * u;
        boolean stacked = titleWidth < shot.getVisibleAdvance();
        TextLayout title = TextBlock.line(titleText.toUpperCase(Locale.ROOT), titleFont, frc,
                stacked ? safeWidth : titleWidth);
        float titleBaseline = y + (title == null ? 0 : title.getAscent());
        float shotTop = titleBaseline + (title == null ? 0 : title.getDescent() + 0.8f * u);
        float shotBaseline = shotTop + shot.getAscent();
        float leftBottom = shotBaseline + shot.getDescent();

        float badgeX = width - marginX - badgeW;
        float badgeY = stacked ? leftBottom + 1.5f * u : y;
        Rectangle2D badge = new Rectangle2D.Float(badgeX, badgeY, badgeW, badgeH);
        Rectangle2D icon = new Rectangle2D.Float(badgeX + pad, badgeY + pad, iconSize, iconSize);
        float centreY = badgeY + badgeH / 2;
        float block = type.getAscent() + type.getDescent() + 0.6f * u + move.getAscent();
        float typeBaseline = centreY - block / 2 + type.getAscent();
        float moveBaseline = typeBaseline + type.getDescent() + 0.6f * u + move.getAscent();
        float bottom = Math.max(leftBottom, badgeY + badgeH);
        return new Header(title, shot, type, move, titleBaseline, shotBaseline, badge, icon, typeBaseline, moveBaseline,
                bottom);
    }

    private void paintHeader(Graphics2D g, Header header) {
        float scrimBottom = header.bottom + 8 * u;
        g.setPaint(new GradientPaint(0, 0, alpha(Color.BLACK, 0.6f), 0, scrimBottom, alpha(Color.BLACK, 0f)));
        g.fill(new Rectangle2D.Float(0, 0, width, scrimBottom));

        if (header.title != null) {
            g.setColor(alpha(TEXT, 0.78f));
            header.title.draw(g, marginX, header.titleBaseline);
        }
        textWithShadow(g, header.shot, marginX, header.shotBaseline, TEXT);
        // Accent underline ties the shot number to the palette.
        g.setColor(palette.accent());
        g.fill(new RoundRectangle2D.Float(marginX, header.shotBaseline + header.shot.getDescent() * 0.75f,
                Math.min(header.shot.getVisibleAdvance() * 0.3f, 12 * u), 0.55f * u, 0.55f * u, 0.55f * u));

        Rectangle2D b = header.badge;
        RoundRectangle2D badge = new RoundRectangle2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight(),
                2.2 * u, 2.2 * u);
        g.setColor(new Color(0, 0, 0, 120));
        g.fill(badge);
        g.setColor(alpha(Color.WHITE, 0.28f));
        g.setStroke(new BasicStroke(Math.max(1f, 0.15f * u)));
        g.draw(badge);
        Rectangle2D icon = header.icon;
        g.setColor(alpha(palette.accent(), 0.22f));
        g.fill(new RoundRectangle2D.Double(icon.getX(), icon.getY(), icon.getWidth(), icon.getHeight(), 1.6 * u, 1.6 * u));
        Rectangle2D glyphBox = new Rectangle2D.Double(icon.getX() + icon.getWidth() * 0.17,
                icon.getY() + icon.getHeight() * 0.17, icon.getWidth() * 0.66, icon.getHeight() * 0.66);
        MovementGlyph.draw(g, frame.cameraMovement(), glyphBox,
                new Point2D.Double(glyphBox.getCenterX(), glyphBox.getCenterY()), 0.32f * u, TEXT, true, 1.0);
        float textX = (float) (icon.getMaxX() + 1.4f * u);
        g.setColor(TEXT);
        header.type.draw(g, textX, header.typeBaseline);
        g.setColor(palette.accent());
        header.move.draw(g, textX, header.moveBaseline);
    }

    // ---------------------------------------------------------------- caption panel

    private record CaptionPanel(List<TextBlock.Line> lines, TextLayout footer, float top, float padding, float lineGap) {
    }

    private CaptionPanel layoutPanel(FontRenderContext frc) {
        float padding = 2.6f * u;
        float innerWidth = width - 2 * marginX - 2 * padding - 1.2f * u;
        Font captionFont = Fonts.sans(3.7f * u, false);
        Font footerFont = tracked(Fonts.sans(1.9f * u, true), 0.12f);
        String mood = frame.mood() != null ? "MOOD \u00b7 " + frame.mood().toUpperCase(Locale.ROOT)
                : frame.palette().isEmpty() ? "" : "BRAND PALETTE";
        float swatchesWidth = swatchColours().size() * 3.2f * u;
        TextLayout footer = TextBlock.line(mood, footerFont, frc, innerWidth - swatchesWidth - 2 * u);
        float footerHeight = 2.6f * u;
        float lineGap = 0.35f * captionFont.getSize2D();
        float lineHeight = captionFont.getSize2D() * 1.16f + lineGap;
        float maxPanel = height * (height > width ? 0.3f : 0.34f);
        int maxLines = (int) Math.max(2, Math.min(8, Math.floor((maxPanel - 2 * padding - footerHeight - 1.5f * u) / lineHeight)));
        List<TextBlock.Line> lines = TextBlock.wrap(caption, captionFont, frc, innerWidth, maxLines);
        float textHeight = 0;
        for (TextBlock.Line line : lines) {
            textHeight += TextBlock.lineHeight(line.layout()) + lineGap;
        }
        float panelHeight = 2 * padding + textHeight + footerHeight + (lines.isEmpty() ? 0 : 0.6f * u);
        return new CaptionPanel(lines, footer, height - marginY - panelHeight, padding, lineGap);
    }

    private void paintPanel(Graphics2D g, CaptionPanel panel) {
        float x = marginX;
        float w = width - 2 * marginX;
        float h = height - marginY - panel.top;
        RoundRectangle2D box = new RoundRectangle2D.Float(x, panel.top, w, h, 2.4f * u, 2.4f * u);
        g.setColor(PANEL);
        g.fill(box);
        g.setColor(alpha(Color.WHITE, 0.14f));
        g.setStroke(new BasicStroke(Math.max(1f, 0.15f * u)));
        g.draw(box);
        Graphics2D clip = (Graphics2D) g.create();
        clip.setClip(box);
        clip.setColor(palette.accent());
        clip.fill(new Rectangle2D.Float(x, panel.top, 0.7f * u, h));
        clip.dispose();

        float textX = x + panel.padding + 1.2f * u;
        float textWidth = w - 2 * panel.padding - 1.2f * u;
        float y = panel.top + panel.padding;
        g.setColor(TEXT);
        for (TextBlock.Line line : panel.lines) {
            TextLayout layout = line.layout();
            y += layout.getAscent();
            TextBlock.draw(g, layout, textX, y, textWidth);
            y += layout.getDescent() + layout.getLeading() + panel.lineGap;
        }
        float footerCentre = height - marginY - panel.padding - 1.3f * u;
        if (panel.footer != null) {
            g.setColor(alpha(TEXT, 0.7f));
            panel.footer.draw(g, textX, footerCentre + (panel.footer.getAscent() - panel.footer.getDescent()) / 2);
        }
        float r = 1.05f * u;
        float sx = x + w - panel.padding - r;
        List<Color> swatches = swatchColours();
        for (int i = swatches.size() - 1; i >= 0; i--) {
            g.setColor(swatches.get(i));
            g.fill(new Ellipse2D.Float(sx - r, footerCentre - r, 2 * r, 2 * r));
            g.setColor(alpha(Color.WHITE, 0.6f));
            g.setStroke(new BasicStroke(Math.max(1f, 0.15f * u)));
            g.draw(new Ellipse2D.Float(sx - r, footerCentre - r, 2 * r, 2 * r));
            sx -= 3.2f * u;
        }
    }

    private List<Color> swatchColours() {
        if (!frame.palette().isEmpty()) {
            return frame.palette().stream().limit(6).map(Color::decode).toList();
        }
        return palette.swatches();
    }

    // ---------------------------------------------------------------- helpers

    private void textWithShadow(Graphics2D g, TextLayout line, float x, float y, Color colour) {
        g.setColor(alpha(Color.BLACK, 0.45f));
        line.draw(g, x + 0.2f * u, y + 0.25f * u);
        g.setColor(colour);
        line.draw(g, x, y);
    }

    /** The horizon at {@code fraction} of the height, lifted when the caption panel reaches above it. */
    private float horizonAbovePanel(float fraction) {
        return Math.min(height * fraction, (float) stage.getMaxY() - 8 * u);
    }

    private float third(int whichSide) {
        return whichSide < 0 ? width / 3f : width * 2 / 3f;
    }

    /** The third line on {@code whichSide}, pulled inwards when a subject {@code halfWidth} wide would leave the frame. */
    private float thirdOrInside(int whichSide, float halfWidth) {
        float x = third(whichSide);
        return Math.max(halfWidth + marginX * 0.5f, Math.min(width - halfWidth - marginX * 0.5f, x));
    }

    private float gridX(float vx, float vy, float bottomOffset, float y) {
        return vx + bottomOffset * (y - vy) / (height - vy);
    }

    private static Point2D cubic(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3,
                                 double t) {
        double m = 1 - t;
        double x = m * m * m * x0 + 3 * m * m * t * x1 + 3 * m * t * t * x2 + t * t * t * x3;
        double y = m * m * m * y0 + 3 * m * m * t * y1 + 3 * m * t * t * y2 + t * t * t * y3;
        return new Point2D.Double(x, y);
    }

    private static Font tracked(Font font, float tracking) {
        return font.deriveFont(Map.of(TextAttribute.TRACKING, tracking));
    }

    static String shotTypeLabel(ShotType type) {
        return switch (type) {
            case ESTABLISHING -> "ESTABLISHING";
            case WIDE -> "WIDE";
            case MEDIUM -> "MEDIUM";
            case CLOSE_UP -> "CLOSE-UP";
            case EXTREME_CLOSE_UP -> "EXTREME CLOSE-UP";
            case DETAIL -> "DETAIL";
            case POV -> "POV";
            case OVER_THE_SHOULDER -> "OVER THE SHOULDER";
            case TWO_SHOT -> "TWO-SHOT";
            case AERIAL -> "AERIAL";
            case INSERT -> "INSERT";
        };
    }

    static String movementLabel(CameraMovement movement) {
        return switch (movement) {
            case STATIC -> "STATIC";
            case PUSH_IN -> "PUSH IN";
            case PULL_OUT -> "PULL OUT";
            case PAN_LEFT -> "PAN LEFT";
            case PAN_RIGHT -> "PAN RIGHT";
            case TILT_UP -> "TILT UP";
            case TILT_DOWN -> "TILT DOWN";
            case ORBIT -> "ORBIT";
            case HANDHELD -> "HANDHELD";
        };
    }
}
