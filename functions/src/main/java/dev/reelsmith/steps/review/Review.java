package dev.reelsmith.steps.review;

import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.steps.StepDependencies;
import java.util.List;

/**
 * Review gates: {@code images} (keyframes before clips are paid for), {@code clips} (before compose) and
 * {@code answers} (the script writer's questions). Opening stores the task token; the answer is the task's output,
 * a {@link Decision}, sent by whoever holds the token.
 */
public final class Review {
    private final StepDependencies deps;

    public Review(StepDependencies deps) {
        this.deps = deps;
    }

    /** The gate to open. */
    public record Gate(String sessionId, String gate, String taskToken, List<String> shotIds) {
        public Gate {
            if (sessionId == null || taskToken == null || taskToken.isBlank()) {
                throw new IllegalArgumentException("sessionId and taskToken are required");
            }
            if (!List.of("images", "clips", "answers").contains(gate)) {
                throw new IllegalArgumentException("gate must be images, clips or answers, was " + gate);
            }
            shotIds = shotIds == null ? List.of() : List.copyOf(shotIds);
        }
    }

    /** What opening returns (recorded in the execution history only; the gate's result is the decision). */
    public record Opened(String sessionId, String gate) {
    }

    /**
     * A reviewer's decision: the approved shots in the order to use them, and shots to regenerate with a note.
     * Shots in neither list are dropped from the cut.
     */
    public record Decision(List<String> approved, List<Regenerate> regenerate) {
        public Decision {
            approved = approved == null ? List.of() : List.copyOf(approved);
            regenerate = regenerate == null ? List.of() : List.copyOf(regenerate);
        }
    }

    /** One shot to make again, with what to change. */
    public record Regenerate(String shotId, String note) {
    }

    public Opened open(Gate gate) {
        Stage stage = switch (gate.gate()) {
            case "images" -> Stage.REVIEW_IMAGES;
            case "clips" -> Stage.REVIEW_CLIPS;
            default -> Stage.SCRIPT;
        };
        SessionStatus status = gate.gate().equals("answers") ? SessionStatus.AWAITING_ANSWERS
                : SessionStatus.AWAITING_REVIEW;
        String message = gate.gate().equals("answers") ? "waiting for answers to the script writer's questions"
                : "waiting for review of " + gate.shotIds().size() + " " + (gate.gate().equals("images")
                ? "keyframes" : "clips");
        deps.sessions().openGate(gate.sessionId(), gate.gate(), gate.taskToken(), status, stage, message);
        return new Opened(gate.sessionId(), gate.gate());
    }
}
