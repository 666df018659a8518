package dev.reelsmith.catalog;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The clip lengths a video or music tool can make, as a list of fixed {@code options} (Luma's 5 s and 9 s) or a
 * range from {@code minSeconds} to {@code maxSeconds} in steps of {@code stepSeconds} (Runway's 2-10 s in whole
 * seconds); a step of 0 means any length in the range.
 *
 * @param options     fixed lengths in seconds, ascending; null for a range
 * @param minSeconds  shortest length of a range; null for options
 * @param maxSeconds  longest length of a range; null for options
 * @param stepSeconds granularity of a range (0 for continuous); null for options
 */
public record ClipDurations(List<Double> options, Double minSeconds, Double maxSeconds, Double stepSeconds) {
    private static final double EPSILON = 1e-6;

    public ClipDurations {
        boolean discrete = options != null;
        boolean range = minSeconds != null || maxSeconds != null || stepSeconds != null;
        if (discrete == range) {
            throw new IllegalArgumentException("durations must give either options or minSeconds/maxSeconds/stepSeconds");
        }
        if (discrete) {
            if (options.isEmpty()) {
                throw new IllegalArgumentException("durations.options must not be empty");
            }
            options = List.copyOf(options);
            for (int i = 0; i < options.size(); i++) {
                if (!(options.get(i) > 0) || (i > 0 && options.get(i) <= options.get(i - 1))) {
                    throw new IllegalArgumentException("durations.options must be positive and ascending, was " + options);
                }
            }
        } else {
            if (minSeconds == null || maxSeconds == null || stepSeconds == null) {
                throw new IllegalArgumentException("a duration range needs minSeconds, maxSeconds and stepSeconds");
            }
            if (!(minSeconds > 0 && maxSeconds >= minSeconds && stepSeconds >= 0)) {
                throw new IllegalArgumentException("durations must have 0 < minSeconds <= maxSeconds and stepSeconds >= 0, was "
                        + minSeconds + ".." + maxSeconds + " step " + stepSeconds);
            }
        }
    }

    /** The longest clip the tool makes. */
    public double longestSeconds() {
        return options != null ? options.get(options.size() - 1) : maxSeconds;
    }

    /**
     * What the vendor bills for a clip covering {@code neededSeconds}: the shortest option at least that long, or
     * the length rounded up to the step (never below the minimum); empty when the tool cannot make a clip that long.
     */
    public OptionalDouble billedSeconds(double neededSeconds) {
        if (options != null) {
            for (double option : options) {
                if (option >= neededSeconds - EPSILON) {
                    return OptionalDouble.of(option);
                }
            }
            return OptionalDouble.empty();
        }
        if (neededSeconds > maxSeconds + EPSILON) {
            return OptionalDouble.empty();
        }
        double billed = stepSeconds == 0 ? neededSeconds : Math.ceil(neededSeconds / stepSeconds - EPSILON) * stepSeconds;
        return OptionalDouble.of(Math.min(maxSeconds, Math.max(minSeconds, billed)));
    }
}
