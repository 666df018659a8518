package dev.reelsmith.media.edit;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.BrandKit;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.CallToAction;
import dev.reelsmith.domain.LyricLine;
import dev.reelsmith.domain.OverlayPosition;
import dev.reelsmith.domain.OverlayRole;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.TextOverlay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text overlays of a video. Briefs get a title card, each beat's on-screen text as a lower-third caption
 * and the call to action over the last seconds, in the brand's colours; songs get a title/artist card and their
 * timed (LRC) lyric lines. Plain-text lyrics are not captioned: without timestamps the words would drift from the
 * singing. Text is passed on exactly as written: the renderer draws it, so nothing needs escaping.
 *
 * <p>Every overlay ends by the video's end. Overlays that would overlap at the same position are resolved by
 * role (call to action, then title, then lyric, then caption): the lower-ranked one is trimmed to the longer
 * side of the clash, or dropped when less than {@link #MIN_SECONDS} would remain.
 */
final class Captions {
    /** How long the brief's title card holds. */
    static final double AD_TITLE_SECONDS = 2.0;
    /** How long a song's title/artist card holds. */
    static final double SONG_TITLE_SECONDS = 3.0;
    /** The call to action holds for the last 2.5-3 s; it starts on a cut inside that window when there is one. */
    static final double CTA_LONGEST_SECONDS = 3.0;
    static final double CTA_SHORTEST_SECONDS = 2.5;
    /** A lyric line stays up until the next one, but never longer than this (a held last note, an instrumental). */
    static final double LYRIC_LONGEST_SECONDS = 6.0;
    /** Overlay fade in and out. */
    static final double FADE_SECONDS = 0.25;
    /** Shorter text flickers rather than reads. */
    static final double MIN_SECONDS = 0.3;
    /** Enough contrast for large text against the black outline the painter draws around unboxed text (WCAG AA). */
    private static final double MIN_CONTRAST = 4.5;
    private static final String DARK_TEXT = "#111111";

    private Captions() {
    }

    /**
     * The overlays of a video of {@code duration} seconds whose cuts are at {@code cuts} (ascending, without 0).
     */
    static List<TextOverlay> of(PlanningInput planning, Script script, double duration, List<Double> cuts) {
        List<Draft> drafts = planning.song() != null
                ? song(planning.song().sidecar(), duration)
                : brief(planning.brief(), script, duration, cuts);
        List<Draft> placed = resolve(drafts, duration);
        placed.sort(Comparator.comparingDouble(Draft::start).thenComparingInt(d -> rank(d.role())));
        List<TextOverlay> overlays = new ArrayList<>(placed.size());
        for (Draft d : placed) {
            double fade = Math.min(FADE_SECONDS, (d.end() - d.start()) / 3);
            overlays.add(new TextOverlay(d.text(), d.role(), d.position(), d.start(), d.end(), d.color(), d.accent(), fade));
        }
        return overlays;
    }

    private static List<Draft> brief(Brief brief, Script script, double duration, List<Double> cuts) {
        List<Draft> drafts = new ArrayList<>();
        String primary = brief.brand() == null ? null : first(brief.brand());
        if (brief.title() != null && !brief.title().isBlank()) {
            String color = primary != null && contrast(primary, "#000000") >= MIN_CONTRAST ? primary : null;
            drafts.add(new Draft(brief.title(), OverlayRole.TITLE, OverlayPosition.CENTER, 0,
                    Math.min(AD_TITLE_SECONDS, duration / 2), color, null));
        }
        for (Beat beat : script.beats()) {
            String text = beat.onScreenText();
            if (text != null && !text.isBlank() && beat.startSeconds() < duration) {
                drafts.add(new Draft(text, OverlayRole.CAPTION, OverlayPosition.LOWER_THIRD, beat.startSeconds(),
                        Math.min(beat.endSeconds(), duration), null, null));
            }
        }
        CallToAction cta = brief.cta();
        if (cta != null) {
            String text = cta.url() != null && cta.text().length() + 1 + cta.url().length() <= 500
                    ? cta.text() + "\n" + cta.url() : cta.text();
            String textColor = primary == null ? null
                    : contrast(primary, "#FFFFFF") >= contrast(primary, DARK_TEXT) ? null : DARK_TEXT;
            drafts.add(new Draft(text, OverlayRole.CTA, OverlayPosition.LOWER_THIRD, ctaStart(duration, cuts),
                    duration, textColor, primary));
        }
        return drafts;
    }

    /** The earliest cut in the last 3 to 2.5 s, so the call to action arrives with a new picture; else 3 s before the end. */
    static double ctaStart(double duration, List<Double> cuts) {
        double from = duration - CTA_LONGEST_SECONDS;
        double to = duration - CTA_SHORTEST_SECONDS;
        for (double cut : cuts) {
            if (cut >= from - 1e-9 && cut <= to + 1e-9) {
                return cut;
            }
        }
        return Math.max(0, from);
    }

    private static List<Draft> song(SongSidecar sidecar, double duration) {
        List<Draft> drafts = new ArrayList<>();
        String card = sidecar.title() == null ? sidecar.artist()
                : sidecar.artist() == null ? sidecar.title() : sidecar.title() + "\n" + sidecar.artist();
        if (card != null) {
            drafts.add(new Draft(card, OverlayRole.TITLE, OverlayPosition.CENTER, 0,
                    Math.min(SONG_TITLE_SECONDS, duration / 2), null, null));
        }
        List<LyricLine> lines = sidecar.timedLyrics();
        for (int i = 0; i < lines.size(); ) {
            LyricLine line = lines.get(i);
            // lines stamped with the same time are sung together: one two-line caption, not two clashing ones
            StringBuilder text = new StringBuilder(line.text());
            int next = i + 1;
            while (next < lines.size() && lines.get(next).startSeconds() == line.startSeconds()
                    && text.length() + 1 + lines.get(next).text().length() <= 500) {
                text.append('\n').append(lines.get(next).text());
                next++;
            }
            double start = line.startSeconds();
            double end = Math.min(start + LYRIC_LONGEST_SECONDS, duration);
            if (line.endSeconds() != null) {
                end = Math.min(end, line.endSeconds());
            }
            if (start < duration) {
                drafts.add(new Draft(text.toString(), OverlayRole.LYRIC, OverlayPosition.BOTTOM, start, end, null, null));
            }
            i = next;
        }
        return drafts;
    }

    /**
     * Places drafts by rank; a lower-ranked draft never overlaps a placed one at its position. Trimming only ever
     * shrinks a draft, so it cannot open a clash with a draft it already cleared.
     */
    private static List<Draft> resolve(List<Draft> drafts, double duration) {
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparingInt((Draft d) -> rank(d.role())).thenComparingDouble(Draft::start));
        List<Draft> placed = new ArrayList<>();
        for (Draft draft : ordered) {
            Draft d = draft.within(0, duration);
            Draft clash = d == null ? null : clash(placed, d);
            while (d != null && clash != null) {
                if (same(d.text(), clash.text())) {
                    // the last beat's on-screen text is usually the call to action itself
                    d = null;
                } else if (clash.start() - d.start() >= d.end() - clash.end()) {
                    d = d.within(d.start(), clash.start());
                } else {
                    d = d.within(clash.end(), d.end());
                }
                clash = d == null ? null : clash(placed, d);
            }
            if (d != null && d.end() - d.start() >= MIN_SECONDS - 1e-9) {
                placed.add(d);
            }
        }
        return placed;
    }

    private static Draft clash(List<Draft> placed, Draft d) {
        for (Draft o : placed) {
            if (o.position() == d.position() && d.start() < o.end() - 1e-9 && o.start() < d.end() - 1e-9) {
                return o;
            }
        }
        return null;
    }

    private static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private static int rank(OverlayRole role) {
        return switch (role) {
            case CTA -> 0;
            case TITLE -> 1;
            case LYRIC -> 2;
            case CAPTION -> 3;
        };
    }

    private static String first(BrandKit brand) {
        return brand.colors().isEmpty() ? null : brand.colors().get(0);
    }

    /** WCAG contrast ratio between two {@code #RRGGBB} colours, 1 to 21. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * linear((rgb >> 16) & 0xFF) + 0.7152 * linear((rgb >> 8) & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private record Draft(String text, OverlayRole role, OverlayPosition position, double start, double end,
                         String color, String accent) {
        /** This draft cut to {@code [from, to]}, or null when nothing of it is left. */
        Draft within(double from, double to) {
            double s = Math.max(start, from);
            double e = Math.min(end, to);
            return e > s ? new Draft(text, role, position, s, e, color, accent) : null;
        }
    }
}
