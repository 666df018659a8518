package dev.reelsmith.agents.script;

import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.LyricLine;
import dev.reelsmith.domain.Section;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.VideoKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Computes the structure of a script before any words are written: which beats, how long, which key message
 * each carries, and for songs which section and lyrics. Ads use the eight ALT beats (hook, problem, agitation,
 * solution, proof, benefit, offer, cta) scaled to the duration, explainers a problem-to-how-it-works arc, music
 * videos the analysed sections with their boundaries moved onto the nearest downbeat.
 *
 * <p>The arithmetic lives here, not in the model: a remote LLM receives the same skeleton and only writes the
 * words, so durations add up and messages are placed whichever model answers.
 */
public final class ScriptSkeleton {
    /** Purposes of an ad in story order. */
    private static final List<BeatPurpose> AD_ORDER = List.of(BeatPurpose.HOOK, BeatPurpose.PROBLEM,
            BeatPurpose.AGITATION, BeatPurpose.SOLUTION, BeatPurpose.PROOF, BeatPurpose.BENEFIT, BeatPurpose.OFFER,
            BeatPurpose.CTA);
    private static final List<BeatPurpose> EXPLAINER_ORDER = List.of(BeatPurpose.HOOK, BeatPurpose.PROBLEM,
            BeatPurpose.CONTEXT, BeatPurpose.HOW_IT_WORKS, BeatPurpose.PROOF, BeatPurpose.BENEFIT, BeatPurpose.SUMMARY,
            BeatPurpose.CTA);
    private static final Map<BeatPurpose, Double> WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(BeatPurpose.HOOK, 1.0), Map.entry(BeatPurpose.PROBLEM, 1.0), Map.entry(BeatPurpose.AGITATION, 0.8),
            Map.entry(BeatPurpose.SOLUTION, 1.4), Map.entry(BeatPurpose.PROOF, 1.1), Map.entry(BeatPurpose.BENEFIT, 1.1),
            Map.entry(BeatPurpose.OFFER, 0.9), Map.entry(BeatPurpose.CTA, 1.1), Map.entry(BeatPurpose.CONTEXT, 0.9),
            Map.entry(BeatPurpose.HOW_IT_WORKS, 1.4), Map.entry(BeatPurpose.SUMMARY, 0.8)));
    /** Words that make a call to action an offer worth its own beat. */
    private static final Pattern OFFER = Pattern.compile(
            "\\d+\\s?%|[$€£]\\s?\\d|\\b(free|off|save|discount|trial|deal|bonus|gift)\\b", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LYRIC_LENGTH = 500;
    private static final double LYRIC_LEAD_SECONDS = 0.3;

    private ScriptSkeleton() {
    }

    /** The skeleton for a run; the brief has already passed {@link BriefReview}. */
    public static List<SkeletonBeat> build(PlanningInput input) {
        if (input.song() != null) {
            return song(input);
        }
        return input.kind() == VideoKind.EXPLAINER ? explainer(input) : ad(input);
    }

    /** Whether a call to action makes an offer (a discount, a free trial) that earns an offer beat. */
    public static boolean isOffer(String ctaText) {
        return ctaText != null && OFFER.matcher(ctaText).find();
    }

    /** How many beats an ad or explainer needs at least: one per key message plus the call to action. */
    public static int minimumBeats(Brief brief) {
        return Math.max(2, brief.keyMessages().size() + 1);
    }

    // ---- ads ---------------------------------------------------------------------------------------------------

    private static List<SkeletonBeat> ad(PlanningInput input) {
        Brief brief = input.brief();
        double duration = brief.durationSeconds();
        boolean offer = brief.cta() != null && isOffer(brief.cta().text());
        int preferred = duration <= 7 ? 3 : duration <= 10 ? 4 : duration <= 13 ? 5 : duration <= 17 ? 7 : 8;
        int count = beatCount(brief, preferred);
        List<BeatPurpose> keep = new ArrayList<>(List.of(BeatPurpose.HOOK, BeatPurpose.CTA, BeatPurpose.SOLUTION,
                BeatPurpose.BENEFIT, BeatPurpose.PROBLEM, BeatPurpose.PROOF));
        if (offer) {
            keep.add(BeatPurpose.OFFER);
        }
        keep.add(BeatPurpose.AGITATION);
        List<BeatPurpose> purposes = inStoryOrder(keep, count, AD_ORDER, BeatPurpose.BENEFIT);
        List<BeatPurpose> carriers = List.of(BeatPurpose.SOLUTION, BeatPurpose.PROOF, BeatPurpose.BENEFIT,
                BeatPurpose.HOOK, BeatPurpose.PROBLEM, BeatPurpose.AGITATION, BeatPurpose.OFFER);
        return timed(input, purposes, carriers);
    }

    private static List<SkeletonBeat> explainer(PlanningInput input) {
        Brief brief = input.brief();
        int preferred = (int) Math.max(4, Math.min(10, Math.round(brief.durationSeconds() / 5.0)));
        int count = beatCount(brief, preferred);
        int howBeats = Math.max(1, Math.min(3, brief.keyMessages().size() - 2));
        List<BeatPurpose> keep = new ArrayList<>(List.of(BeatPurpose.HOOK, BeatPurpose.CTA, BeatPurpose.HOW_IT_WORKS,
                BeatPurpose.PROBLEM, BeatPurpose.BENEFIT, BeatPurpose.PROOF));
        for (int i = 1; i < howBeats; i++) {
            keep.add(BeatPurpose.HOW_IT_WORKS);
        }
        keep.add(BeatPurpose.SUMMARY);
        keep.add(BeatPurpose.CONTEXT);
        List<BeatPurpose> purposes = inStoryOrder(keep, count, EXPLAINER_ORDER, BeatPurpose.HOW_IT_WORKS);
        List<BeatPurpose> carriers = List.of(BeatPurpose.HOW_IT_WORKS, BeatPurpose.PROOF, BeatPurpose.BENEFIT,
                BeatPurpose.SUMMARY, BeatPurpose.HOOK, BeatPurpose.PROBLEM, BeatPurpose.CONTEXT);
        return timed(input, purposes, carriers);
    }

    private static int beatCount(Brief brief, int preferred) {
        int fit = (int) Math.floor(brief.durationSeconds() / Pacing.MIN_AD_SHOT_SECONDS + 1e-9);
        return Math.min(fit, Math.max(preferred, minimumBeats(brief)));
    }

    /** The first {@code count} purposes by keep-priority (extras repeat {@code filler}), sorted into story order. */
    private static List<BeatPurpose> inStoryOrder(List<BeatPurpose> keep, int count, List<BeatPurpose> order,
                                                  BeatPurpose filler) {
        List<BeatPurpose> chosen = new ArrayList<>(keep.subList(0, Math.min(count, keep.size())));
        while (chosen.size() < count) {
            chosen.add(filler);
        }
        chosen.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
        return chosen;
    }

    private static List<SkeletonBeat> timed(PlanningInput input, List<BeatPurpose> purposes, List<BeatPurpose> carriers) {
        Brief brief = input.brief();
        double duration = brief.durationSeconds();
        double min = Pacing.MIN_AD_SHOT_SECONDS;
        double[] lengths = new double[purposes.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = WEIGHTS.get(purposes.get(i));
        }
        lengths = proportional(lengths, duration, min);
        double[] bounds = new double[lengths.length + 1];
        for (int i = 0; i < lengths.length; i++) {
            bounds[i + 1] = bounds[i] + lengths[i];
        }
        bounds[lengths.length] = duration;
        snapToGrid(bounds, BeatGrid.of(input), min);
        Integer[] messages = assignMessages(purposes, carriers, brief.keyMessages().size());
        List<SkeletonBeat> beats = new ArrayList<>();
        for (int i = 0; i < purposes.size(); i++) {
            double start = Pacing.millis(bounds[i]);
            double end = i == purposes.size() - 1 ? duration : Pacing.millis(bounds[i + 1]);
            Integer message = messages[i];
            beats.add(new SkeletonBeat(i, purposes.get(i), start, Pacing.millis(end - start), message,
                    message == null ? null : brief.keyMessages().get(message), null, null, null));
        }
        return beats;
    }

    /** Lengths proportional to the weights, none below {@code min}, summing to {@code total}. */
    static double[] proportional(double[] weights, double total, double min) {
        int n = weights.length;
        double[] lengths = new double[n];
        boolean[] pinned = new boolean[n];
        for (int round = 0; round <= n; round++) {
            double free = total;
            double weight = 0;
            for (int i = 0; i < n; i++) {
                if (pinned[i]) {
                    free -= min;
                } else {
                    weight += weights[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                lengths[i] = pinned[i] ? min : free * weights[i] / weight;
                if (!pinned[i] && lengths[i] < min) {
                    pinned[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return lengths;
    }

    /**
     * Moves inner boundaries onto the beat grid (the soundtrack's tempo) or, without one, onto tenths of a second
     * (three frames at 30 fps), keeping every beat at least {@code min} long.
     */
    private static void snapToGrid(double[] bounds, BeatGrid grid, double min) {
        int n = bounds.length - 1;
        double end = bounds[n];
        for (int j = 1; j < n; j++) {
            double lowest = bounds[j - 1] + min;
            double highest = end - min * (n - j);
            double target = Math.max(lowest, Math.min(highest, bounds[j]));
            double snapped = Double.NaN;
            if (!grid.isEmpty()) {
                snapped = bestOnGrid(grid, target, lowest, highest);
            }
            if (Double.isNaN(snapped)) {
                double tenth = Math.round(target * 10) / 10.0;
                if (tenth < lowest - 1e-9) {
                    tenth = Math.ceil(lowest * 10 - 1e-9) / 10.0;
                }
                if (tenth > highest + 1e-9) {
                    tenth = Math.floor(highest * 10 + 1e-9) / 10.0;
                }
                snapped = tenth >= lowest - 1e-9 && tenth <= highest + 1e-9 ? tenth : target;
            }
            bounds[j] = snapped;
        }
    }

    private static double bestOnGrid(BeatGrid grid, double target, double lowest, double highest) {
        double best = Double.NaN;
        for (double beat : grid.beatsInside(lowest - 1e-9, highest + 1e-9)) {
            if (Double.isNaN(best) || Math.abs(beat - target) < Math.abs(best - target)) {
                best = beat;
            }
        }
        return best;
    }

    /** Key message i goes to the i-th carrier beat in carrier-priority, then story, order. */
    private static Integer[] assignMessages(List<BeatPurpose> purposes, List<BeatPurpose> carriers, int messages) {
        Integer[] assigned = new Integer[purposes.size()];
        List<Integer> slots = new ArrayList<>();
        for (BeatPurpose carrier : carriers) {
            for (int i = 0; i < purposes.size(); i++) {
                if (purposes.get(i) == carrier) {
                    slots.add(i);
                }
            }
        }
        for (int m = 0; m < messages && m < slots.size(); m++) {
            assigned[slots.get(m)] = m;
        }
        return assigned;
    }

    // ---- songs -------------------------------------------------------------------------------------------------

    private static List<SkeletonBeat> song(PlanningInput input) {
        Analysis analysis = input.song().analysis();
        BeatGrid grid = BeatGrid.detected(analysis);
        double duration = analysis.durationSeconds();
        double min = Pacing.MIN_MUSIC_SHOT_SECONDS;
        List<Section> sections = analysis.sections();
        List<double[]> spans = new ArrayList<>();
        List<Section> owners = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < sections.size(); i++) {
            double end = i == sections.size() - 1 ? duration : snapBoundary(grid, sections.get(i).endSeconds());
            if (end - start < min && i < sections.size() - 1) {
                continue;
            }
            if (end - start < min && !spans.isEmpty()) {
                spans.get(spans.size() - 1)[1] = end;
                start = end;
                continue;
            }
            spans.add(new double[] {start, end});
            owners.add(longest(sections, start, end));
            start = end;
        }
        List<SkeletonBeat> beats = new ArrayList<>();
        Map<BeatPurpose, Integer> seen = new EnumMap<>(BeatPurpose.class);
        Map<BeatPurpose, Integer> totals = new EnumMap<>(BeatPurpose.class);
        for (Section owner : owners) {
            totals.merge(purpose(owner.label()), 1, Integer::sum);
        }
        List<String> lyrics = lyricsPerBeat(input.song().sidecar(), spans, owners);
        for (int i = 0; i < spans.size(); i++) {
            Section owner = owners.get(i);
            BeatPurpose purpose = purpose(owner.label());
            int number = seen.merge(purpose, 1, Integer::sum);
            String label = purpose.label().replace('-', ' ')
                    + (totals.get(purpose) > 1 ? " " + number : "");
            double beatStart = Pacing.millis(spans.get(i)[0]);
            double beatEnd = i == spans.size() - 1 ? duration : Pacing.millis(spans.get(i)[1]);
            double length = i == spans.size() - 1 ? beatEnd - beatStart : Pacing.millis(beatEnd - beatStart);
            beats.add(new SkeletonBeat(i, purpose, beatStart, length, null, null, label,
                    Math.round(owner.energy() * 100) / 100.0, lyrics.get(i)));
        }
        return beats;
    }

    /** A section boundary moved onto the nearest downbeat within half a bar, else the nearest beat within two bars. */
    static double snapBoundary(BeatGrid grid, double seconds) {
        if (grid.isEmpty()) {
            return seconds;
        }
        double bar = grid.barSeconds();
        OptionalDouble downbeat = grid.nearestDownbeat(seconds);
        if (downbeat.isPresent() && Math.abs(downbeat.getAsDouble() - seconds) <= bar / 2) {
            return downbeat.getAsDouble();
        }
        OptionalDouble beat = grid.nearestBeat(seconds);
        if (beat.isPresent() && Math.abs(beat.getAsDouble() - seconds) <= 2 * bar) {
            return beat.getAsDouble();
        }
        return seconds;
    }

    private static Section longest(List<Section> sections, double from, double to) {
        Section best = sections.get(0);
        double bestOverlap = -1;
        for (Section section : sections) {
            double overlap = Math.min(to, section.endSeconds()) - Math.max(from, section.startSeconds());
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = section;
            }
        }
        return best;
    }

    private static BeatPurpose purpose(Section.Label label) {
        return switch (label) {
            case INTRO -> BeatPurpose.INTRO;
            case VERSE -> BeatPurpose.VERSE;
            case CHORUS -> BeatPurpose.CHORUS;
            case BRIDGE -> BeatPurpose.BRIDGE;
            case OUTRO -> BeatPurpose.OUTRO;
            case INSTRUMENTAL -> BeatPurpose.INSTRUMENTAL;
        };
    }

    /** Timed lyrics go to the beat they start in; plain lyrics are dealt out stanza by stanza to the sung beats. */
    private static List<String> lyricsPerBeat(SongSidecar sidecar, List<double[]> spans, List<Section> owners) {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            lines.add(new ArrayList<>());
        }
        if (sidecar.hasTimedLyrics()) {
            for (LyricLine line : sidecar.timedLyrics()) {
                // singers come in a little before the downbeat: a line starting just before a section belongs to it
                double sung = line.startSeconds() + LYRIC_LEAD_SECONDS;
                for (int i = 0; i < spans.size(); i++) {
                    if (sung >= spans.get(i)[0] && (sung < spans.get(i)[1] || i == spans.size() - 1)) {
                        lines.get(i).add(line.text().strip());
                        break;
                    }
                }
            }
        } else if (sidecar.lyrics() != null) {
            List<String> stanzas = stanzas(sidecar.lyrics());
            List<Integer> sung = new ArrayList<>();
            for (int i = 0; i < owners.size(); i++) {
                Section.Label label = owners.get(i).label();
                if (label == Section.Label.VERSE || label == Section.Label.CHORUS || label == Section.Label.BRIDGE) {
                    sung.add(i);
                }
            }
            for (int s = 0; s < stanzas.size() && !sung.isEmpty(); s++) {
                lines.get(sung.get(Math.min(s, sung.size() - 1))).add(stanzas.get(s));
            }
        }
        List<String> joined = new ArrayList<>();
        for (List<String> beatLines : lines) {
            joined.add(beatLines.isEmpty() ? null : cap(String.join(" / ", beatLines)));
        }
        return joined;
    }

    private static List<String> stanzas(String lyrics) {
        List<String> stanzas = new ArrayList<>();
        for (String block : lyrics.split("\\R\\s*\\R")) {
            String stanza = String.join(" / ", block.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            if (!stanza.isEmpty()) {
                stanzas.add(stanza);
            }
        }
        return stanzas;
    }

    private static String cap(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_LYRIC_LENGTH) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, MAX_LYRIC_LENGTH - 1));
        int lastBreak = cut.lastIndexOf(" / ");
        return (lastBreak > MAX_LYRIC_LENGTH / 2 ? cut.substring(0, lastBreak) : cut.stripTrailing()) + "…";
    }
}
