package dev.reelsmith.agents.shots;

import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.VideoKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a shot list must keep beyond its schema and record invariants: it covers the script exactly, every
 * beat has shots and every shot stays inside its beat, shots are between the minimum (1.5 s for ads and
 * explainers) and {@link Pacing#MAX_SHOT_SECONDS}, a music video cuts on detected beats (within one frame), every
 * shot carries the same continuity anchors and every keyframe prompt names the subject and the style keywords,
 * and no two shots in a row share both framing and camera move.
 */
public final class ShotValidator {
    private ShotValidator() {
    }

    /** Every broken rule, one sentence each; empty when the shot list is fine. */
    public static List<String> validate(ShotList list, Script script, PlanningInput input) {
        List<String> problems = new ArrayList<>();
        if (list.kind() != input.kind()) {
            problems.add("kind must be " + input.kind().label() + ", was " + list.kind().label());
        }
        if (list.aspectRatio() != input.aspectRatio()) {
            problems.add("aspectRatio must be " + input.aspectRatio().label() + ", was " + list.aspectRatio().label());
        }
        double total = script.totalDurationSeconds();
        if (Math.abs(list.durationSeconds() - total) > 0.001) {
            problems.add(String.format(Locale.ROOT, "durationSeconds must be the script's %.3f s, was %.3f s", total,
                    list.durationSeconds()));
        }
        List<Beat> beats = script.beats();
        double min = Pacing.minShotSeconds(input.kind());
        for (Shot shot : list.shots()) {
            if (shot.beatIndex() >= beats.size()) {
                problems.add("shot " + shot.id() + " belongs to beat " + shot.beatIndex() + ", but the script has "
                        + beats.size() + " beats");
                continue;
            }
            Beat beat = beats.get(shot.beatIndex());
            if (shot.startSeconds() < beat.startSeconds() - 0.001 || shot.endSeconds() > beat.endSeconds() + 0.001) {
                problems.add(String.format(Locale.ROOT, "shot %s (%.3f-%.3f s) must stay inside beat %d (%.3f-%.3f s)",
                        shot.id(), shot.startSeconds(), shot.endSeconds(), beat.index(), beat.startSeconds(),
                        beat.endSeconds()));
            }
            if (shot.durationSeconds() < min - 1e-9) {
                problems.add(String.format(Locale.ROOT, "shot %s lasts %.3f s, shorter than the %.1f s minimum", shot.id(),
                        shot.durationSeconds(), min));
            }
            if (shot.durationSeconds() > Pacing.MAX_SHOT_SECONDS + 1e-9) {
                problems.add(String.format(Locale.ROOT, "shot %s lasts %.3f s, longer than the %.0f s maximum; split it",
                        shot.id(), shot.durationSeconds(), Pacing.MAX_SHOT_SECONDS));
            }
        }
        for (Beat beat : beats) {
            if (list.shotsOfBeat(beat.index()).isEmpty()) {
                problems.add("beat " + beat.index() + " (" + beat.purpose().label() + ") has no shots");
            }
        }
        if (input.kind() == VideoKind.MUSIC_VIDEO) {
            BeatGrid grid = BeatGrid.of(input);
            if (!grid.isEmpty()) {
                for (double cut : list.cutTimes()) {
                    if (!grid.onBeat(cut, Pacing.FRAME_SECONDS)) {
                        problems.add(String.format(Locale.ROOT, "the cut at %.3f s is more than a frame from any detected "
                                + "beat (nearest %.3f s)", cut, grid.nearestBeat(cut).getAsDouble()));
                    }
                }
            }
        }
        ContinuityAnchors anchors = list.shots().get(0).continuity();
        String name = Anchors.subjectName(anchors, input);
        for (int i = 0; i < list.shots().size(); i++) {
            Shot shot = list.shots().get(i);
            if (!shot.continuity().equals(anchors)) {
                problems.add("shot " + shot.id() + " must carry the same continuity anchors as " + list.shots().get(0).id());
            }
            String prompt = shot.keyframePrompt().toLowerCase(Locale.ROOT);
            if (name != null && !prompt.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add("shot " + shot.id() + " keyframePrompt must name the subject \"" + name + "\"");
            }
            for (String keyword : anchors.styleKeywords()) {
                if (!prompt.contains(keyword.toLowerCase(Locale.ROOT))) {
                    problems.add("shot " + shot.id() + " keyframePrompt must carry the style keyword \"" + keyword + "\"");
                }
            }
            if (i > 0) {
                Shot previous = list.shots().get(i - 1);
                if (previous.shotType() == shot.shotType() && previous.cameraMovement() == shot.cameraMovement()) {
                    problems.add("shots " + previous.id() + " and " + shot.id() + " are both " + shot.shotType().label()
                            + " with " + shot.cameraMovement().label() + "; vary the framing or the move");
                }
            }
        }
        return problems;
    }
}
