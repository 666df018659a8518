package dev.reelsmith.agents.script;

import dev.reelsmith.agents.AgentConversation;
import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.BeatGrid;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.Script;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The WriteScript step's agent ("ScriptSmith"): brief or song → script of beats. It reviews the brief first and
 * returns clarifying questions instead of guessing when the brief is too thin or contradicts itself; otherwise it
 * computes the {@link ScriptSkeleton} (beats, timing, key-message placement, sections and lyrics), asks the text
 * model for the words, moves cuts that drifted by a frame or two back onto the grid, and checks the
 * {@link ScriptValidator} rules, repairing once.
 *
 * <p>Works the same with a remote model and with the offline planner: both receive the same prompts and context.
 */
public final class ScriptWriter {
    private final TextModel model;

    public ScriptWriter(TextModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Writes the script, or returns one carrying only clarifying questions (no model call, no cost).
     *
     * @throws ScriptRejectedException when the model's script still breaks the rules after one repair
     * @throws dev.reelsmith.providers.text.StructuredOutputException when the model's answer never matched the schema
     */
    public AgentResult<Script> write(PlanningInput input) {
        List<String> questions = BriefReview.questions(input);
        if (!questions.isEmpty()) {
            Script script = new Script(input.kind(), input.targetDurationSeconds(), List.of(), questions);
            return new AgentResult<>(script, Json.mapper().valueToTree(script), TokenUsage.NONE, 0);
        }
        List<SkeletonBeat> skeleton = ScriptSkeleton.build(input);
        return AgentConversation.ask(model, ScriptPrompts.request(input, skeleton), script -> {
            Script normalised = normalise(script, input);
            return new AgentConversation.Review<>(normalised, ScriptValidator.validate(normalised, input));
        }, ScriptRejectedException::new);
    }

    /**
     * Harmless drift repaired without asking again: boundaries within two frames of a detected beat are moved onto
     * it, a song's last beat is stretched to the audio's exact end when within a quarter second, and times are
     * rounded to milliseconds.
     */
    static Script normalise(Script script, PlanningInput input) {
        if (script.beats().isEmpty()) {
            return script;
        }
        BeatGrid grid = input.cutToSong() ? BeatGrid.of(input) : BeatGrid.none();
        List<Beat> beats = script.beats();
        double[] bounds = new double[beats.size() + 1];
        for (int i = 0; i < beats.size(); i++) {
            bounds[i] = beats.get(i).startSeconds();
        }
        bounds[beats.size()] = beats.get(beats.size() - 1).endSeconds();
        for (int i = 1; i < beats.size(); i++) {
            OptionalDouble beat = grid.nearestBeat(bounds[i]);
            bounds[i] = beat.isPresent() && Math.abs(beat.getAsDouble() - bounds[i]) <= 2 * Pacing.FRAME_SECONDS
                    ? Pacing.millis(beat.getAsDouble()) : Pacing.millis(bounds[i]);
        }
        double target = input.targetDurationSeconds();
        if (input.cutToSong() && Math.abs(bounds[beats.size()] - target) <= 0.25) {
            bounds[beats.size()] = target;
        }
        List<Beat> rebuilt = new ArrayList<>();
        for (int i = 0; i < beats.size(); i++) {
            Beat b = beats.get(i);
            double duration = i == beats.size() - 1 ? bounds[i + 1] - bounds[i] : Pacing.millis(bounds[i + 1] - bounds[i]);
            if (!(duration > 0)) {
                return script;
            }
            rebuilt.add(new Beat(b.index(), b.purpose(), bounds[i], duration, b.narration(), b.onScreenText(),
                    b.lyricLine(), b.visualIntent(), b.emotion(), b.keyMessageIndex(), b.sectionLabel()));
        }
        return new Script(script.kind(), script.targetDurationSeconds(), rebuilt, script.clarifyingQuestions());
    }
}
