package dev.reelsmith.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The shot plan of a run (stored as {@code shots.json}, published as {@code schemas/shots.schema.json}): every
 * shot of the video in order, framed for one aspect ratio, together covering the whole video without gaps.
 *
 * <p>The constructor checks the structure: shots are numbered 0, 1, 2, … in order, the first starts at 0, each
 * starts where the previous ended (within 1 ms) and the last ends at {@code durationSeconds} (within 1 ms).
 * Whether the cuts fall on the beat grid and respect the minimum shot length is the shot validator's call.
 *
 * @param kind            the kind of video the shots are for
 * @param aspectRatio     the shape the shots are composed for (the run's primary aspect ratio)
 * @param durationSeconds the length of the video (greater than 0, at most 3600)
 * @param shots           contiguous shots from 0 (1 to {@value #MAX_SHOTS})
 */
public record ShotList(VideoKind kind, AspectRatio aspectRatio, double durationSeconds, List<Shot> shots) {
    public static final int MAX_SHOTS = 1000;

    public ShotList {
        FieldRules rules = FieldRules.root();
        rules.required("kind", kind, "ad, music-video or explainer");
        rules.required("aspectRatio", aspectRatio, "16:9, 9:16 or 1:1");
        rules.positiveAtMost("durationSeconds", durationSeconds, 3600);
        shots = rules.list("shots", shots, MAX_SHOTS);
        if (shots.isEmpty()) {
            throw rules.fail("shots", "minItems", "must not be empty");
        }
        double expectedStart = 0;
        for (int i = 0; i < shots.size(); i++) {
            Shot shot = shots.get(i);
            if (shot.index() != i) {
                throw rules.fail("shots[" + i + "].index", "order", "must be " + i + ", was " + shot.index());
            }
            if (Math.abs(shot.startSeconds() - expectedStart) > Script.CONTIGUITY_TOLERANCE_SECONDS) {
                throw rules.fail("shots[" + i + "].startSeconds", "contiguity", "must be " + expectedStart
                        + (i == 0 ? " (the first shot starts the video)" : " (where shot " + shots.get(i - 1).id()
                        + " ends)") + ", was " + shot.startSeconds());
            }
            if (i > 0 && shot.beatIndex() < shots.get(i - 1).beatIndex()) {
                throw rules.fail("shots[" + i + "].beatIndex", "order", "must not go back to an earlier beat ("
                        + shots.get(i - 1).beatIndex() + " before it), was " + shot.beatIndex());
            }
            expectedStart = shot.endSeconds();
        }
        if (Math.abs(expectedStart - durationSeconds) > Script.CONTIGUITY_TOLERANCE_SECONDS) {
            throw rules.fail("shots", "coverage", "must end at durationSeconds " + durationSeconds
                    + ", but the last shot ends at " + expectedStart);
        }
        List<String> ids = new ArrayList<>();
        for (Shot shot : shots) {
            if (ids.contains(shot.id())) {
                throw rules.fail("shots", "uniqueItems", "must have distinct ids, " + shot.id() + " appears twice");
            }
            ids.add(shot.id());
        }
    }

    /** The shots of one script beat, in order; empty when the beat has none. */
    public List<Shot> shotsOfBeat(int beatIndex) {
        return shots.stream().filter(s -> s.beatIndex() == beatIndex).toList();
    }

    /** The cut times between shots (every start but the first), ascending. */
    public List<Double> cutTimes() {
        return shots.stream().skip(1).map(Shot::startSeconds).toList();
    }
}
