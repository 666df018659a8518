package dev.reelsmith.agents;

import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * What the planning chain produced: either the three artifacts, or a script that only asks clarifying
 * questions (the pipeline surfaces them and stops before spending anything on generation).
 */
public sealed interface PlanningOutcome permits PlanningOutcome.Planned, PlanningOutcome.NeedsAnswers {
    /** The script: beats, or questions. */
    Script script();

    /** Tokens and cost of every planning call. */
    TokenUsage usage();

    /**
     * A complete plan.
     *
     * @param script the script
     * @param shots  the shot list
     * @param plan   the production plan, within budget
     * @param usage  tokens and cost of the script, shot and intent calls
     */
    record Planned(Script script, ShotList shots, ProductionPlan plan, TokenUsage usage) implements PlanningOutcome {
        public Planned {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(shots, "shots");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * The brief cannot be planned without answers.
     *
     * @param script a script whose clarifying questions are not empty
     * @param usage  tokens and cost spent deciding so
     */
    record NeedsAnswers(Script script, TokenUsage usage) implements PlanningOutcome {
        public NeedsAnswers {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(usage, "usage");
            if (!script.needsClarification()) {
                throw new IllegalArgumentException("a script without clarifying questions needs no answers");
            }
        }

        /** The questions for the brief's author. */
        public List<String> questions() {
            return script.clarifyingQuestions();
        }
    }
}
