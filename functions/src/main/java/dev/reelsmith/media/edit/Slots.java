package dev.reelsmith.media.edit;

import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slot arithmetic: which stretch of the video each usable shot fills. The shot list's cut points are the only
 * cut times there are; a slot whose own shot cannot be used is merged into the slot before it (the first into the
 * one after), and the usable shots fill the remaining slots in the approved order.
 */
final class Slots {
    private Slots() {
    }

    /**
     * One stretch of the finished video.
     *
     * @param shot       the shot whose picture fills it
     * @param media      that shot's media
     * @param start      where the slot starts: 0 or one of the shot list's cut points
     * @param end        where the next slot starts, or the video's end
     * @param startFrame {@code start} on the frame grid, as the renderer places it
     * @param endFrame   {@code end} on the frame grid
     * @param transition the transition the plan put on the cut at {@code start} (the first slot's is ignored)
     */
    record Slot(Shot shot, ShotMedia media, double start, double end, int startFrame, int endFrame,
                Transition transition) {
        int frames() {
            return endFrame - startFrame;
        }
    }

    /**
     * Assigns content to slots.
     *
     * @throws NoUsableShotsException when no shot may be used
     */
    static List<Slot> assign(EditInput input, double duration, int fps) {
        List<Shot> planned = input.shotList().shots();
        Map<String, ShotMedia> media = new HashMap<>();
        for (ShotMedia m : input.media()) {
            media.put(m.shotId(), m);
        }
        Set<String> approved = new HashSet<>(input.reviewOrder());
        boolean reviewed = !input.reviewOrder().isEmpty();
        List<String> failed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        Map<String, Shot> byId = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Shot shot = planned.get(i);
            byId.put(shot.id(), shot);
            ShotMedia m = media.get(shot.id());
            if (m.status() == MediaStatus.FAILED) {
                failed.add(shot.id());
            } else if (m.status() == MediaStatus.REJECTED || (reviewed && !approved.contains(shot.id()))) {
                rejected.add(shot.id());
            } else {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            throw new NoUsableShotsException(failed, rejected);
        }
        List<Shot> content = new ArrayList<>();
        if (reviewed) {
            for (String id : input.reviewOrder()) {
                if (media.get(id).usable()) {
                    content.add(byId.get(id));
                }
            }
        } else {
            for (int i : kept) {
                content.add(planned.get(i));
            }
        }
        int totalFrames = (int) Math.round(duration * fps);
        List<Slot> slots = new ArrayList<>(kept.size());
        for (int j = 0; j < kept.size(); j++) {
            Shot owner = planned.get(kept.get(j));
            double start = j == 0 ? 0 : owner.startSeconds();
            double end = j + 1 < kept.size() ? planned.get(kept.get(j + 1)).startSeconds() : duration;
            int startFrame = j == 0 ? 0 : (int) Math.round(start * fps);
            int endFrame = j + 1 < kept.size() ? (int) Math.round(end * fps) : totalFrames;
            Shot shown = content.get(j);
            if (endFrame - startFrame < 1 || !(end > start)) {
                throw new IllegalArgumentException("the slot of shot " + owner.id() + " (" + start + " s to " + end
                        + " s) is shorter than one frame at " + fps + " fps; the shot list ends at "
                        + input.shotList().durationSeconds() + " s but the video lasts " + duration + " s");
            }
            slots.add(new Slot(shown, media.get(shown.id()), start, end, startFrame, endFrame,
                    j == 0 ? Transition.CUT : owner.transitionIn()));
        }
        return slots;
    }
}
