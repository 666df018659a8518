package dev.reelsmith.media.edit;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the Compose step knows when it assembles the timeline: what the run is (a brief or an analysed song
 * with its sidecar, and the shape), the script and shot plan, what became of every shot, the order a reviewer
 * approved, and the soundtrack.
 *
 * @param planning    the run: kind, brief or song (analysis and sidecar), aspect ratio
 * @param script      the script with its beats (its on-screen text becomes captions)
 * @param shotList    the shot plan; its cut points are the timeline's slots
 * @param plan        the production plan, used for shot importance (the poster comes from the first hero shot),
 *                    or null when there is none
 * @param media       what every shot of {@code shotList} ended up with, one entry per shot
 * @param reviewOrder the shot ids a reviewer approved, in the order they want them; empty (or null) keeps the plan
 *                    order and every usable shot. A shot missing from a non-empty order counts as rejected
 * @param soundtrack  the song for a music video; a music bed or none for a brief
 * @param fps         24, 25, 30, 50 or 60; null means 30
 */
public record EditInput(PlanningInput planning, Script script, ShotList shotList, ProductionPlan plan,
                        List<ShotMedia> media, List<String> reviewOrder, Soundtrack soundtrack, Integer fps) {
    public static final int DEFAULT_FPS = 30;
    private static final Set<Integer> RATES = Set.of(24, 25, 30, 50, 60);

    public EditInput {
        if (planning == null) {
            throw new IllegalArgumentException("planning is required");
        }
        if (script == null) {
            throw new IllegalArgumentException("script is required");
        }
        if (shotList == null) {
            throw new IllegalArgumentException("shotList is required");
        }
        if (soundtrack == null) {
            throw new IllegalArgumentException("soundtrack is required (Soundtrack.none() for silence)");
        }
        if (script.beats().isEmpty()) {
            throw new IllegalArgumentException("script has no beats; it only asks clarifying questions");
        }
        if (script.kind() != planning.kind() || shotList.kind() != planning.kind()) {
            throw new IllegalArgumentException("script (" + script.kind().label() + ") and shot list ("
                    + shotList.kind().label() + ") must be for the run's kind " + planning.kind().label());
        }
        fps = fps == null ? DEFAULT_FPS : fps;
        if (!RATES.contains(fps)) {
            throw new IllegalArgumentException("fps must be one of 24, 25, 30, 50, 60, was " + fps);
        }
        if (planning.song() != null && soundtrack.kind() != Soundtrack.Kind.SONG) {
            throw new IllegalArgumentException("a music video is cut to its song: soundtrack must be a song, was "
                    + soundtrack.kind().label());
        }
        if (planning.song() == null && soundtrack.kind() == Soundtrack.Kind.SONG) {
            throw new IllegalArgumentException("a run from a brief has no song: soundtrack must be a music bed or none");
        }
        Set<String> planned = new HashSet<>();
        for (Shot shot : shotList.shots()) {
            planned.add(shot.id());
        }
        media = copy("media", media);
        Set<String> covered = new HashSet<>();
        for (ShotMedia m : media) {
            if (!planned.contains(m.shotId())) {
                throw new IllegalArgumentException("media names shot " + m.shotId() + ", which is not in the shot list");
            }
            if (!covered.add(m.shotId())) {
                throw new IllegalArgumentException("media lists shot " + m.shotId() + " twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Shot shot : shotList.shots()) {
            if (!covered.contains(shot.id())) {
                missing.add(shot.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("media must have one entry per planned shot, missing " + String.join(", ", missing));
        }
        reviewOrder = reviewOrder == null ? List.of() : copy("reviewOrder", reviewOrder);
        Set<String> approved = new HashSet<>();
        for (String id : reviewOrder) {
            if (!planned.contains(id)) {
                throw new IllegalArgumentException("reviewOrder names shot " + id + ", which is not in the shot list");
            }
            if (!approved.add(id)) {
                throw new IllegalArgumentException("reviewOrder lists shot " + id + " twice");
            }
        }
    }

    /** A run without a production plan or review, at 30 fps. */
    public static EditInput of(PlanningInput planning, Script script, ShotList shotList, List<ShotMedia> media,
                               Soundtrack soundtrack) {
        return new EditInput(planning, script, shotList, null, media, List.of(), soundtrack, DEFAULT_FPS);
    }

    private static <T> List<T> copy(String field, List<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }
}
