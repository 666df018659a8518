package dev.reelsmith.agents.shots;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.Product;
import dev.reelsmith.domain.SongStyle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The continuity anchors the shot planner fixes before asking the model: a seed (the sidecar's, or derived from
 * the run so re-runs reproduce), the product as the brief describes it, the brand or song palette and the
 * sidecar's style keywords. What the input does not say (a music video's protagonist, an ad's style words) is
 * left to the model and then copied to every shot.
 */
public final class Anchors {
    private Anchors() {
    }

    /** The anchors the input fixes; {@code subject} may be null and the lists empty when the model is to choose. */
    public static ContinuityAnchors suggest(PlanningInput input) {
        Brief brief = input.brief();
        long seed;
        String subject = null;
        List<String> palette = List.of();
        List<String> keywords = List.of();
        if (input.song() != null) {
            SongStyle style = input.song().sidecar().style();
            seed = style.seed() != null ? style.seed() : crc(input.name() + "|" + input.title());
            palette = upper(style.palette());
            keywords = style.keywords();
        } else {
            Product product = brief.product();
            seed = crc(input.name() + "|" + input.title() + "|" + (product == null ? "" : product.name()));
            if (product != null) {
                subject = product.description() == null ? product.name() : cut(product.name() + ": " + product.description(),
                        ContinuityAnchors.MAX_SUBJECT_LENGTH);
            }
            if (brief.brand() != null) {
                palette = upper(brief.brand().colors());
            }
        }
        return new ContinuityAnchors(seed, subject, palette, keywords);
    }

    /**
     * The words every keyframe prompt must contain to carry the subject: the product's name for briefs, else the
     * subject's first phrase (up to the first comma, colon or full stop); null when there is no subject.
     */
    public static String subjectName(ContinuityAnchors anchors, PlanningInput input) {
        if (input.brief() != null && input.brief().product() != null) {
            return input.brief().product().name();
        }
        if (anchors.subject() == null) {
            return null;
        }
        String subject = anchors.subject().strip();
        int end = subject.length();
        for (char stop : new char[] {',', ':', '.', ';'}) {
            int at = subject.indexOf(stop);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        return subject.substring(0, Math.min(end, 80)).strip();
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static List<String> upper(List<String> colours) {
        List<String> result = new ArrayList<>();
        for (String colour : colours) {
            result.add(colour.toUpperCase(Locale.ROOT));
        }
        return List.copyOf(result);
    }

    /** Cuts text to at most {@code max} characters at a sentence or word boundary. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String head = text.substring(0, text.offsetByCodePoints(0, max));
        int sentence = head.lastIndexOf(". ");
        if (sentence > max / 2) {
            return head.substring(0, sentence + 1);
        }
        int space = head.lastIndexOf(' ');
        return (space > max / 2 ? head.substring(0, space) : head).stripTrailing();
    }
}
