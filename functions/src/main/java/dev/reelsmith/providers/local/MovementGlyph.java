package dev.reelsmith.providers.local;

import dev.reelsmith.domain.CameraMovement;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Storyboard notation for a camera move, drawn the way board artists mark panels: a target frame with inward
 * arrows for a push-in, outward arrows for a pull-out, a long arrow for pans and tilts, an elliptical arrow
 * around the subject for an orbit, a shaken frame for handheld, a tripod for a locked-off shot. The same
 * drawing serves the large overlay on the panel and the small icon in the header badge.
 */
final class MovementGlyph {
    private MovementGlyph() {
    }

    /**
     * Draws {@code movement} inside {@code box}, centred on {@code focus}, with lines {@code stroke} wide.
     * {@code icon} selects the compact form (the badge) over the full overlay; {@code frameAspect} (width over
     * height) shapes the overlay's zoom frames like the picture.
     */
    static void draw(Graphics2D g, CameraMovement movement, Rectangle2D box, Point2D focus, float stroke,
                     Color colour, boolean icon, double frameAspect) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(colour);
            g2.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            float head = stroke * (icon ? 2.6f : 3.2f);
            switch (movement) {
                case STATIC -> tripod(g2, box, stroke);
                case PUSH_IN -> zoom(g2, box, focus, stroke, head, true, icon, frameAspect);
                case PULL_OUT -> zoom(g2, box, focus, stroke, head, false, icon, frameAspect);
                case PAN_LEFT -> horizontal(g2, box, head, -1, icon);
                case PAN_RIGHT -> horizontal(g2, box, head, 1, icon);
                case TILT_UP -> vertical(g2, box, focus, head, -1, icon);
                case TILT_DOWN -> vertical(g2, box, focus, head, 1, icon);
                case ORBIT -> orbit(g2, box, focus, head, icon);
                case HANDHELD -> handheld(g2, box, stroke, icon);
            }
        } finally {
            g2.dispose();
        }
    }

    private static void zoom(Graphics2D g, Rectangle2D box, Point2D focus, float stroke, float head, boolean in,
                             boolean icon, double aspect) {
        if (icon) {
            zoomIcon(g, box, stroke, head, in);
            return;
        }
        // The frame the move ends on (push-in) or starts from (pull-out), in the picture's own aspect ratio,
        // around the subject, with an arrow off each corner.
        double len = 0.16 * Math.min(box.getWidth(), box.getHeight());
        double w = Math.min(box.getWidth() * 0.55, Math.min(box.getWidth() - 2.6 * len, (box.getHeight() - 2.6 * len) * aspect));
        double h = w / aspect;
        double reach = len * 0.75;
        double cx = clamp(focus.getX(), box.getMinX() + reach + w / 2, box.getMaxX() - reach - w / 2);
        double cy = clamp(focus.getY(), box.getMinY() + reach + h / 2, box.getMaxY() - reach - h / 2);
        Rectangle2D inner = new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h);
        if (in) {
            g.setStroke(dashes(stroke, false));
        }
        g.draw(inner);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double gap = stroke * 2.5;
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                double x = cx + sx * w / 2;
                double y = cy + sy * h / 2;
                double ux = sx / Math.sqrt(2);
                double uy = sy / Math.sqrt(2);
                double nearX = x + ux * gap;
                double nearY = y + uy * gap;
                double farX = x + ux * len;
                double farY = y + uy * len;
                if (in) {
                    arrow(g, farX, farY, nearX, nearY, head);
                } else {
                    arrow(g, nearX, nearY, farX, farY, head);
                }
            }
        }
    }

    private static void zoomIcon(Graphics2D g, Rectangle2D box, float stroke, float head, boolean in) {
        double w = box.getWidth() * 0.46;
        double h = box.getHeight() * 0.46;
        Rectangle2D inner = new Rectangle2D.Double(box.getCenterX() - w / 2, box.getCenterY() - h / 2, w, h);
        Shape dashed = in ? inner : box;
        Shape solid = in ? box : inner;
        g.draw(solid);
        g.setStroke(dashes(stroke, true));
        g.draw(dashed);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double[][] corners = {
                {box.getMinX(), box.getMinY(), inner.getMinX(), inner.getMinY()},
                {box.getMaxX(), box.getMinY(), inner.getMaxX(), inner.getMinY()},
                {box.getMinX(), box.getMaxY(), inner.getMinX(), inner.getMaxY()},
                {box.getMaxX(), box.getMaxY(), inner.getMaxX(), inner.getMaxY()}};
        for (double[] c : corners) {
            double x0 = lerp(c[0], c[2], 0.18);
            double y0 = lerp(c[1], c[3], 0.18);
            double x1 = lerp(c[0], c[2], 0.82);
            double y1 = lerp(c[1], c[3], 0.82);
            if (in) {
                arrow(g, x0, y0, x1, y1, head);
            } else {
                arrow(g, x1, y1, x0, y0, head);
            }
        }
    }

    private static void horizontal(Graphics2D g, Rectangle2D box, float head, int direction, boolean icon) {
        double y = icon ? box.getCenterY() : box.getMinY() + box.getHeight() * 0.16;
        double x0 = box.getMinX() + box.getWidth() * (icon ? 0.1 : 0.2);
        double x1 = box.getMaxX() - box.getWidth() * (icon ? 0.1 : 0.2);
        if (direction < 0) {
            arrow(g, x1, y, x0, y, head);
        } else {
            arrow(g, x0, y, x1, y, head);
        }
    }

    private static void vertical(Graphics2D g, Rectangle2D box, Point2D focus, float head, int direction,
                                 boolean icon) {
        double x;
        if (icon) {
            x = box.getCenterX();
        } else {
            // Opposite the subject so the arrow never runs down its face.
            x = focus.getX() < box.getCenterX() ? box.getMinX() + box.getWidth() * 0.86
                    : box.getMinX() + box.getWidth() * 0.14;
        }
        double y0 = box.getMinY() + box.getHeight() * (icon ? 0.1 : 0.15);
        double y1 = box.getMaxY() - box.getHeight() * (icon ? 0.1 : 0.15);
        if (direction < 0) {
            arrow(g, x, y1, x, y0, head);
        } else {
            arrow(g, x, y0, x, y1, head);
        }
    }

    private static void orbit(Graphics2D g, Rectangle2D box, Point2D focus, float head, boolean icon) {
        double w = box.getWidth() * (icon ? 0.84 : 0.5);
        double h = icon ? box.getHeight() * 0.5 : Math.min(box.getHeight() * 0.22, w * 0.32);
        double cx = icon ? box.getCenterX() : clamp(focus.getX(), box.getMinX() + w / 2, box.getMaxX() - w / 2);
        double cy = icon ? box.getCenterY() : focus.getY();
        Arc2D arc = new Arc2D.Double(cx - w / 2, cy - h / 2, w, h, 200, 300, Arc2D.OPEN);
        g.draw(arc);
        Point2D end = arc.getEndPoint();
        double a = Math.toRadians(200 + 300);
        // Tangent of the ellipse at the arc's end, in screen coordinates (y grows downwards).
        double tx = -Math.sin(a) * w / 2;
        double ty = -Math.cos(a) * h / 2;
        double len = Math.hypot(tx, ty);
        arrowHead(g, end.getX(), end.getY(), tx / len, ty / len, head);
    }

    private static void handheld(Graphics2D g, Rectangle2D box, float stroke, boolean icon) {
        Rectangle2D frame = icon ? inset(box, box.getWidth() * 0.12) : inset(box, stroke * 2);
        AffineTransform tilt = AffineTransform.getRotateInstance(Math.toRadians(icon ? -8 : -1.6),
                frame.getCenterX(), frame.getCenterY());
        g.setStroke(dashes(stroke, icon));
        g.draw(tilt.createTransformedShape(frame));
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // A shake mark: a short zigzag, in the corner for the overlay, centred in the icon.
        double size = icon ? box.getWidth() * 0.5 : Math.min(box.getWidth(), box.getHeight()) * 0.12;
        double x = icon ? box.getCenterX() - size / 2 : frame.getMaxX() - size * 1.4;
        double y = icon ? box.getCenterY() : frame.getMinY() + size * 0.8;
        Path2D zig = new Path2D.Double();
        zig.moveTo(x, y);
        for (int i = 1; i <= 6; i++) {
            zig.lineTo(x + size * i / 6.0, y + (i % 2 == 0 ? 1 : -1) * size * 0.18 * (i == 6 ? 0 : 1));
        }
        g.draw(zig);
    }

    private static void tripod(Graphics2D g, Rectangle2D box, float stroke) {
        double cx = box.getCenterX();
        double top = box.getMinY() + box.getHeight() * 0.16;
        double w = box.getWidth() * 0.42;
        double camH = box.getHeight() * 0.24;
        g.fill(new RoundRectangle2D.Double(cx - w / 2, top, w, camH, camH * 0.4, camH * 0.4));
        double hub = top + camH + stroke;
        double foot = box.getMaxY() - box.getHeight() * 0.1;
        g.draw(new Line2D.Double(cx, hub, cx - box.getWidth() * 0.3, foot));
        g.draw(new Line2D.Double(cx, hub, cx + box.getWidth() * 0.3, foot));
        g.draw(new Line2D.Double(cx, hub, cx, foot));
    }

    static void arrow(Graphics2D g, double x0, double y0, double x1, double y1, float head) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        g.draw(new Line2D.Double(x0, y0, x1 - ux * head * 0.6, y1 - uy * head * 0.6));
        arrowHead(g, x1, y1, ux, uy, head);
    }

    private static void arrowHead(Graphics2D g, double x, double y, double ux, double uy, float head) {
        Path2D tip = new Path2D.Double();
        tip.moveTo(x, y);
        tip.lineTo(x - ux * head - uy * head * 0.6, y - uy * head + ux * head * 0.6);
        tip.lineTo(x - ux * head + uy * head * 0.6, y - uy * head - ux * head * 0.6);
        tip.closePath();
        g.fill(tip);
    }

    private static BasicStroke dashes(float stroke, boolean icon) {
        float dash = stroke * (icon ? 1.6f : 3.5f);
        return new BasicStroke(stroke * (icon ? 0.8f : 0.7f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {dash, dash * 0.8f}, 0f);
    }

    private static Rectangle2D inset(Rectangle2D r, double d) {
        return new Rectangle2D.Double(r.getX() + d, r.getY() + d, r.getWidth() - 2 * d, r.getHeight() - 2 * d);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double clamp(double v, double lo, double hi) {
        return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, v));
    }
}
