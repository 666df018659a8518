package dev.reelsmith.media.analysis;

import dev.reelsmith.domain.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a song into coarse sections (intro, verse, chorus, bridge, outro) from how its loudness and
 * spectral balance change, in pure Java.
 *
 * <p>The song is cut into units, its bars when downbeats are known (else two-second blocks); each unit
 * is described by the mean level of twelve spectral bands (dB), so both loudness and instrumentation
 * count. Boundaries are the peaks of Foote's novelty curve: a Gaussian-tapered checkerboard kernel slid
 * along the diagonal of the units' self-similarity matrix (J. Foote, "Automatic audio segmentation using
 * a measure of audio novelty", IEEE ICME 2000). They therefore fall on downbeats (or on the bar grid
 * continued from them where the tracker found no beats), at least {@link #MIN_SECTION_SECONDS} or four
 * bars apart where the song allows. Labels are heuristic: a quiet first section
 * is the intro, the last of three or more the outro, the loudest group of repeated sections the chorus,
 * one distinct section in the second half quieter than the chorus the bridge, the rest verses. Inputs
 * shorter than {@link #SHORT_INPUT_SECONDS}, and songs with no change, get a single section.
 */
public final class SectionDetector {
    /** Sections are at least this long, or four bars when that is shorter, unless the song is shorter. */
    public static final double MIN_SECTION_SECONDS = 8;
    /** Shorter inputs are one section. */
    public static final double SHORT_INPUT_SECONDS = 10;

    private static final int GROUPS = 12;
    /** dB distance scale of the similarity: units 6 dB apart (RMS over bands) are e^-1 similar. */
    private static final double SIMILARITY_DB = 6;
    /** Novelty (within-block minus cross-block similarity, 0..1) a boundary needs. */
    private static final double MIN_NOVELTY = 0.15;
    /** Sections this similar (0..1) count as repeats of each other. */
    private static final double REPEAT_SIMILARITY = 0.6;
    private static final double NO_PULSE_UNIT_SECONDS = 2;

    private SectionDetector() {
    }

    /**
     * Sections of {@code samples} (mono, any scale) at {@code sampleRate} Hz, with boundaries snapped to
     * {@code downbeats} (seconds, ascending; may be empty).
     */
    public static List<Section> detect(float[] samples, int sampleRate, List<Double> downbeats) {
        return detect(SpectralFeatures.of(samples, sampleRate), downbeats);
    }

    static List<Section> detect(SpectralFeatures features, List<Double> downbeats) {
        double duration = features.durationSeconds();
        if (duration <= 0) {
            throw new IllegalArgumentException("cannot find sections in empty audio");
        }
        if (duration < SHORT_INPUT_SECONDS) {
            return List.of(new Section(Section.Label.VERSE, 0, duration, loudness(features, 0, duration) > 0 ? 1 : 0));
        }
        double[] points = unitPoints(downbeats, duration);
        int units = points.length - 1;
        double[][] vectors = new double[units][];
        for (int u = 0; u < units; u++) {
            vectors[u] = bandProfile(features, points[u], points[u + 1]);
        }
        double[][] similarity = new double[units][units];
        for (int i = 0; i < units; i++) {
            for (int j = i; j < units; j++) {
                similarity[i][j] = similarity(vectors[i], vectors[j]);
                similarity[j][i] = similarity[i][j];
            }
        }
        double[] lengths = new double[units];
        for (int u = 0; u < units; u++) {
            lengths[u] = points[u + 1] - points[u];
        }
        double[] sortedLengths = lengths.clone();
        Arrays.sort(sortedLengths);
        double unitSeconds = sortedLengths[units / 2];
        // four bars is the shortest common section; at fast tempi that is under 8 s
        double minSection = downbeats.size() >= 2 ? Math.min(MIN_SECTION_SECONDS, 4 * unitSeconds * 0.99)
                : MIN_SECTION_SECONDS;
        int kernel = (int) Math.max(2, Math.min(8, Math.round(MIN_SECTION_SECONDS / unitSeconds)));
        double[] novelty = new double[points.length];
        for (int p = 1; p < units; p++) {
            novelty[p] = novelty(similarity, p, kernel);
        }
        List<Double> boundaries = pickBoundaries(points, novelty, kernel, duration, minSection);
        return label(features, vectors, points, boundaries, duration);
    }

    /**
     * 0, the bar grid strictly inside the song, and the end. The grid is the downbeats, continued at the
     * median bar length before the first and after the last (the beat tracker drops beats where there are
     * no onsets, as in a drumless intro or outro, but the bars go on); a two-second grid without downbeats.
     */
    private static double[] unitPoints(List<Double> downbeats, double duration) {
        List<Double> grid = new ArrayList<>();
        if (downbeats.size() >= 2) {
            double bar = medianGap(downbeats);
            for (double t = downbeats.get(0) - bar; t > bar / 2; t -= bar) {
                grid.add(0, t);
            }
            grid.addAll(downbeats);
            for (double t = downbeats.get(downbeats.size() - 1) + bar; t < duration - bar / 2; t += bar) {
                grid.add(t);
            }
        } else {
            for (int k = 1; k * NO_PULSE_UNIT_SECONDS < duration - NO_PULSE_UNIT_SECONDS / 2; k++) {
                grid.add(k * NO_PULSE_UNIT_SECONDS);
            }
        }
        List<Double> points = new ArrayList<>();
        points.add(0.0);
        for (double t : grid) {
            if (t > points.get(points.size() - 1) && t < duration) {
                points.add(t);
            }
        }
        points.add(duration);
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double medianGap(List<Double> times) {
        double[] gaps = new double[times.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = times.get(i + 1) - times.get(i);
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /** Mean dB of each of {@link #GROUPS} groups of adjacent mel bands over {@code [from, to)}. */
    private static double[] bandProfile(SpectralFeatures features, double from, double to) {
        int first = (int) Math.max(0, Math.round(features.frame(from)));
        int last = (int) Math.min(features.frames(), Math.max(first + 1, Math.round(features.frame(to))));
        int perGroup = SpectralFeatures.BANDS / GROUPS;
        double[] profile = new double[GROUPS];
        for (int t = first; t < last; t++) {
            for (int b = 0; b < SpectralFeatures.BANDS; b++) {
                profile[Math.min(GROUPS - 1, b / perGroup)] += features.bandDb(t, b);
            }
        }
        for (int g = 0; g < GROUPS; g++) {
            profile[g] /= (double) (last - first) * perGroup;
        }
        return profile;
    }

    private static double similarity(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        double distance = Math.sqrt(sum / a.length) / SIMILARITY_DB;
        return Math.exp(-distance * distance);
    }

    /**
     * Foote's checkerboard kernel at the boundary before unit {@code p}: mean similarity within the
     * {@code kernel} units on each side minus mean similarity across, each pair weighted by a Gaussian
     * of its distance from the boundary. 0 for a steady song, up to 1 for an abrupt complete change.
     */
    private static double novelty(double[][] similarity, int p, int kernel) {
        int units = similarity.length;
        double within = 0;
        double withinWeight = 0;
        double across = 0;
        double acrossWeight = 0;
        double sigma = kernel / 2.0;
        for (int i = Math.max(0, p - kernel); i < Math.min(units, p + kernel); i++) {
            for (int j = Math.max(0, p - kernel); j < Math.min(units, p + kernel); j++) {
                if (i == j) {
                    continue;
                }
                double di = (i < p ? p - i - 0.5 : i - p + 0.5) / sigma;
                double dj = (j < p ? p - j - 0.5 : j - p + 0.5) / sigma;
                double w = Math.exp(-0.5 * (di * di + dj * dj));
                if ((i < p) == (j < p)) {
                    within += w * similarity[i][j];
                    withinWeight += w;
                } else {
                    across += w * similarity[i][j];
                    acrossWeight += w;
                }
            }
        }
        if (withinWeight == 0 || acrossWeight == 0) {
            return 0;
        }
        return within / withinWeight - across / acrossWeight;
    }

    /** Local novelty peaks above {@link #MIN_NOVELTY}, strongest first, kept when far enough from the rest. */
    private static List<Double> pickBoundaries(double[] points, double[] novelty, int kernel, double duration,
                                               double minSection) {
        List<Integer> candidates = new ArrayList<>();
        int reach = Math.max(1, kernel / 2);
        for (int p = 1; p < points.length - 1; p++) {
            if (novelty[p] < MIN_NOVELTY) {
                continue;
            }
            boolean peak = true;
            for (int q = Math.max(1, p - reach); q <= Math.min(points.length - 2, p + reach); q++) {
                if (novelty[q] > novelty[p] || (novelty[q] == novelty[p] && q < p)) {
                    peak = false;
                    break;
                }
            }
            if (peak) {
                candidates.add(p);
            }
        }
        candidates.sort((a, b) -> Double.compare(novelty[b], novelty[a]));
        List<Double> accepted = new ArrayList<>();
        for (int p : candidates) {
            double t = points[p];
            if (t < minSection || duration - t < minSection) {
                continue;
            }
            boolean clear = true;
            for (double other : accepted) {
                if (Math.abs(other - t) < minSection) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                accepted.add(t);
            }
        }
        accepted.sort(Double::compare);
        return accepted;
    }

    private static List<Section> label(SpectralFeatures features, double[][] vectors, double[] points,
                                       List<Double> boundaries, double duration) {
        List<Double> edges = new ArrayList<>();
        edges.add(0.0);
        edges.addAll(boundaries);
        edges.add(duration);
        int n = edges.size() - 1;
        double[] level = new double[n];
        double[][] profiles = new double[n][GROUPS];
        double loudest = 0;
        for (int s = 0; s < n; s++) {
            level[s] = loudness(features, edges.get(s), edges.get(s + 1));
            loudest = Math.max(loudest, level[s]);
            double total = 0;
            for (int u = 0; u + 1 < points.length; u++) {
                if (points[u] >= edges.get(s) && points[u + 1] <= edges.get(s + 1)) {
                    double length = points[u + 1] - points[u];
                    for (int g = 0; g < GROUPS; g++) {
                        profiles[s][g] += vectors[u][g] * length;
                    }
                    total += length;
                }
            }
            for (int g = 0; g < GROUPS && total > 0; g++) {
                profiles[s][g] /= total;
            }
        }
        double[] energy = new double[n];
        for (int s = 0; s < n; s++) {
            energy[s] = loudest > 0 ? Math.min(1, level[s] / loudest) : 0;
        }
        Section.Label[] labels = labels(energy, profiles, edges, duration);
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            sections.add(new Section(labels[s], edges.get(s), edges.get(s + 1), energy[s]));
        }
        return List.copyOf(sections);
    }

    static Section.Label[] labels(double[] energy, double[][] profiles, List<Double> edges, double duration) {
        int n = energy.length;
        Section.Label[] labels = new Section.Label[n];
        Arrays.fill(labels, Section.Label.VERSE);
        if (n == 1) {
            return labels;
        }
        int from = 0;
        int to = n;
        double restMax = 0;
        for (int s = 1; s < n; s++) {
            restMax = Math.max(restMax, energy[s]);
        }
        if (energy[0] < 0.8 * restMax) {
            labels[0] = Section.Label.INTRO;
            from = 1;
        }
        if (n >= 3) {
            labels[n - 1] = Section.Label.OUTRO;
            to = n - 1;
        }
        if (to - from < 1) {
            return labels;
        }
        // groups of repeated middle sections
        int[] group = new int[n];
        Arrays.fill(group, -1);
        int groups = 0;
        for (int s = from; s < to; s++) {
            if (group[s] >= 0) {
                continue;
            }
            group[s] = groups;
            for (int t = s + 1; t < to; t++) {
                if (group[t] < 0 && similarity(profiles[s], profiles[t]) >= REPEAT_SIMILARITY) {
                    group[t] = groups;
                }
            }
            groups++;
        }
        int[] size = new int[groups];
        double[] groupEnergy = new double[groups];
        for (int s = from; s < to; s++) {
            size[group[s]]++;
            groupEnergy[group[s]] += energy[s];
        }
        double middleMax = 0;
        double middleMin = 1;
        for (int s = from; s < to; s++) {
            middleMax = Math.max(middleMax, energy[s]);
            middleMin = Math.min(middleMin, energy[s]);
        }
        int chorus = -1;
        for (int g = 0; g < groups; g++) {
            groupEnergy[g] /= size[g];
            if (size[g] >= 2 && (chorus < 0 || groupEnergy[g] > groupEnergy[chorus])) {
                chorus = g;
            }
        }
        // with no repeats, the loudest middle section is a chorus only if it stands out
        if (chorus < 0 && to - from >= 2 && middleMax >= 1.15 * middleMin) {
            for (int s = from; s < to; s++) {
                if (energy[s] == middleMax) {
                    chorus = group[s];
                }
            }
        }
        boolean bridged = false;
        for (int s = from; s < to; s++) {
            if (chorus >= 0 && group[s] == chorus) {
                labels[s] = Section.Label.CHORUS;
            } else if (!bridged && chorus >= 0 && size[group[s]] == 1 && edges.get(s) >= duration / 2
                    && energy[s] < groupEnergy[chorus]) {
                labels[s] = Section.Label.BRIDGE;
                bridged = true;
            }
        }
        return labels;
    }

    /** RMS amplitude over {@code [from, to)} seconds. */
    private static double loudness(SpectralFeatures features, double from, double to) {
        float[] rms = features.rms();
        int first = (int) Math.max(0, Math.round(features.frame(from)));
        int last = (int) Math.min(rms.length, Math.max(first + 1, Math.round(features.frame(to))));
        double sum = 0;
        for (int t = first; t < last; t++) {
            sum += (double) rms[t] * rms[t];
        }
        return last > first ? Math.sqrt(sum / (last - first)) : 0;
    }
}
