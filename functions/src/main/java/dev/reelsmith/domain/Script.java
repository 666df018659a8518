package dev.reelsmith.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the script writer produces for a run: the beats of the video in order, or the questions it needs answered
 * first when the brief is too thin (a script with questions may have no beats).
 *
 * <p>The constructor checks the structure: beats are numbered 0, 1, 2, … in order, the first starts at 0, each
 * starts where the previous ended (within 1 ms), and every purpose suits the kind. Whether the beats add up to
 * the target and cover every key message is the script validator's call, since its tolerance depends on the run.
 *
 * @param kind                  the kind of video, which decides the allowed beat purposes
 * @param targetDurationSeconds the length the beats should add up to (greater than 0, at most 3600)
 * @param beats                 contiguous beats from 0
 * @param clarifyingQuestions   questions for the brief's author (each 1-500 characters, at most 10)
 */
public record Script(VideoKind kind, double targetDurationSeconds, List<Beat> beats, List<String> clarifyingQuestions) {
    /** How far a beat may start from the previous beat's end: 1 ms. */
    public static final double CONTIGUITY_TOLERANCE_SECONDS = 0.001;

    public Script {
        FieldRules rules = FieldRules.root();
        rules.required("kind", kind, "ad, music-video or explainer");
        rules.positiveAtMost("targetDurationSeconds", targetDurationSeconds, 3600);
        beats = rules.list("beats", beats, 500);
        clarifyingQuestions = rules.texts("clarifyingQuestions", clarifyingQuestions, 10, 500);
        if (beats.isEmpty() && clarifyingQuestions.isEmpty()) {
            throw rules.fail("beats", "minItems", "must not be empty unless clarifyingQuestions are asked");
        }
        double expectedStart = 0;
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            if (beat.index() != i) {
                throw rules.fail("beats[" + i + "].index", "order", "must be " + i + ", was " + beat.index());
            }
            if (Math.abs(beat.startSeconds() - expectedStart) > CONTIGUITY_TOLERANCE_SECONDS) {
                throw rules.fail("beats[" + i + "].startSeconds", "contiguity", "must be " + expectedStart
                        + (i == 0 ? " (the first beat starts the video)" : " (where beat " + (i - 1) + " ends)")
                        + ", was " + beat.startSeconds());
            }
            if (!beat.purpose().suits(kind)) {
                throw rules.fail("beats[" + i + "].purpose", "enum", "must be one of "
                        + BeatPurpose.forKind(kind).stream().map(BeatPurpose::label).collect(Collectors.joining(", "))
                        + " for kind " + kind.label() + ", was " + beat.purpose().label());
            }
            expectedStart = beat.endSeconds();
        }
    }

    /** The sum of the beats' durations, 0 when there are none. */
    public double totalDurationSeconds() {
        return beats.stream().mapToDouble(Beat::durationSeconds).sum();
    }

    /** Whether the writer needs answers before the script can be trusted. */
    public boolean needsClarification() {
        return !clarifyingQuestions.isEmpty();
    }
}
