package dev.reelsmith.agents.shots;

import dev.reelsmith.agents.AgentConversation;
import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.providers.text.TextModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The PlanShots step's agent ("ShotMaster"): script → shots with framing, camera move, lens, lighting,
 * composition, keyframe and negative prompts, and continuity anchors shared by every shot. It computes the cuts
 * itself ({@link ShotSlots}: on beats and downbeats for music videos, at least 1.5 s for ads), fixes the anchors
 * the input dictates ({@link Anchors}), sends the shot library's presets as suggestions, and after the model
 * answers makes the anchors identical in every shot, writes any anchor a prompt forgot into it, moves cuts that
 * drifted by a frame or two back onto the beat, and checks the {@link ShotValidator} rules, repairing once.
 */
public final class ShotPlanner {
    private final TextModel model;
    private final ShotLibrary library;

    public ShotPlanner(TextModel model) {
        this(model, ShotLibrary.builtIn());
    }

    public ShotPlanner(TextModel model, ShotLibrary library) {
        this.model = Objects.requireNonNull(model, "model");
        this.library = Objects.requireNonNull(library, "library");
    }

    /**
     * Plans the shots of a script that has beats.
     *
     * @throws IllegalArgumentException when the script only asks clarifying questions
     * @throws ShotListRejectedException when the model's shots still break the rules after one repair
     */
    public AgentResult<ShotList> plan(PlanningInput input, Script script) {
        if (script.beats().isEmpty()) {
            throw new IllegalArgumentException("the script has no beats to plan shots for; answer its clarifying questions first");
        }
        List<ShotSlot> slots = ShotSlots.plan(script, input);
        ContinuityAnchors anchors = Anchors.suggest(input);
        return AgentConversation.ask(model, ShotPrompts.request(input, script, slots, anchors, library), list -> {
            ShotList normalised = normalise(list, anchors, input);
            return new AgentConversation.Review<>(normalised, ShotValidator.validate(normalised, script, input));
        }, ShotListRejectedException::new);
    }

    /**
     * The model's shots with the fixed anchors (gaps filled from its first shot) in every shot, every prompt
     * carrying the subject and style keywords, and music-video cuts within two frames of a beat moved onto it.
     */
    static ShotList normalise(ShotList list, ContinuityAnchors fixed, PlanningInput input) {
        ContinuityAnchors chosen = list.shots().get(0).continuity();
        ContinuityAnchors anchors = new ContinuityAnchors(fixed.seed(),
                fixed.subject() != null ? fixed.subject() : chosen.subject(),
                !fixed.palette().isEmpty() ? fixed.palette() : chosen.palette(),
                !fixed.styleKeywords().isEmpty() ? fixed.styleKeywords() : chosen.styleKeywords());
        String name = Anchors.subjectName(anchors, input);
        BeatGrid grid = input.cutToSong() ? BeatGrid.of(input) : BeatGrid.none();
        List<Shot> shots = list.shots();
        double[] bounds = new double[shots.size() + 1];
        for (int i = 0; i < shots.size(); i++) {
            bounds[i] = shots.get(i).startSeconds();
        }
        bounds[shots.size()] = list.durationSeconds();
        for (int i = 1; i < shots.size(); i++) {
            OptionalDouble beat = grid.nearestBeat(bounds[i]);
            bounds[i] = beat.isPresent() && Math.abs(beat.getAsDouble() - bounds[i]) <= 2 * Pacing.FRAME_SECONDS
                    ? Pacing.millis(beat.getAsDouble()) : bounds[i];
        }
        List<Shot> rebuilt = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            Shot s = shots.get(i);
            double duration = bounds[i + 1] - bounds[i];
            if (!(duration > 0)) {
                return list;
            }
            rebuilt.add(new Shot(s.id(), s.beatIndex(), s.index(), bounds[i], duration, s.shotType(), s.cameraMovement(),
                    s.lens(), s.lighting(), s.composition(), s.description(), carry(s.keyframePrompt(), anchors, name),
                    s.negativePrompt(), anchors, s.onScreenText(), s.transitionIn()));
        }
        return new ShotList(list.kind(), list.aspectRatio(), list.durationSeconds(), rebuilt);
    }

    /** The prompt with whatever anchors it lacks appended, within the prompt limit. */
    static String carry(String prompt, ContinuityAnchors anchors, String name) {
        String lower = prompt.toLowerCase(Locale.ROOT);
        StringBuilder missing = new StringBuilder();
        if (name != null && !lower.contains(name.toLowerCase(Locale.ROOT))) {
            missing.append(" Subject: ").append(anchors.subject() != null ? anchors.subject() : name).append('.');
        }
        List<String> keywords = anchors.styleKeywords().stream()
                .filter(k -> !lower.contains(k.toLowerCase(Locale.ROOT))).toList();
        if (!keywords.isEmpty()) {
            missing.append(" Style: ").append(String.join(", ", keywords)).append('.');
        }
        if (missing.length() == 0) {
            return prompt;
        }
        String head = prompt.strip();
        int room = Shot.MAX_KEYFRAME_PROMPT_LENGTH - missing.length();
        if (head.length() > room) {
            head = head.substring(0, Math.max(0, room)).stripTrailing();
        }
        return head + missing;
    }
}
