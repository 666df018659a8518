package dev.reelsmith.steps.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.steps.StepDependencies;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Records a run that ended unsuccessfully, from the state machine's "Execution Status Change" event: finds the step
 * that failed in the execution history (the innermost state entered and never exited), turns the error into a
 * sentence a person can act on (a Lambda error's cause is the runtime's error JSON; only its message is kept, never
 * the stack), marks the session failed, sends a dead letter and emits {@code RunFailed}. Failures are recorded here
 * rather than caught in the definition so the execution stops at the failing state and can be redriven from it.
 */
public final class Failure {
    private final StepDependencies deps;

    public Failure(StepDependencies deps) {
        this.deps = deps;
    }

    /** What the dead letter and the RunFailed event carry. */
    public record Recorded(String sessionId, String executionArn, String status, String step, String error,
                           String reason, boolean recorded) {
    }

    /** @throws IllegalArgumentException when the event is not an execution status change */
    public Recorded record(JsonNode event) {
        JsonNode detail = event.path("detail");
        String executionArn = detail.path("executionArn").asText("");
        String status = detail.path("status").asText("");
        if (executionArn.isEmpty() || status.isEmpty()) {
            throw new IllegalArgumentException("event is not a Step Functions Execution Status Change: "
                    + "detail.executionArn and detail.status are required");
        }
        String sessionId = detail.path("name").asText();
        if (status.equals("SUCCEEDED") || status.equals("RUNNING")) {
            return new Recorded(sessionId, executionArn, status, null, null, null, false);
        }
        String error = detail.path("error").asText(status.equals("TIMED_OUT") ? "States.Timeout" : "States.Runtime");
        String cause = detail.path("cause").asText("");
        String step = failedStep(executionArn);
        String reason = switch (status) {
            case "TIMED_OUT" -> "the run timed out in " + step;
            case "ABORTED" -> "the run was stopped in " + step + (cause.isEmpty() ? "" : ": " + reason(error, cause));
            default -> reason(error, cause);
        };
        Optional<Session> session = deps.sessions().find(sessionId);
        boolean cancelled = session.map(s -> s.status() == SessionStatus.CANCELLED).orElse(false);
        if (session.isPresent() && !cancelled) {
            deps.sessions().finish(sessionId, SessionStatus.FAILED, session.get().stage(), step, reason, "failed",
                    step + " failed: " + reason);
        }
        ObjectNode letter = Json.mapper().createObjectNode();
        letter.put("sessionId", sessionId);
        letter.put("executionArn", executionArn);
        letter.put("status", status);
        letter.put("step", step);
        letter.put("error", error);
        letter.put("reason", reason);
        if (deps.config().deadLetterQueueUrl() != null && !cancelled) {
            deps.sqs().sendMessage(m -> m.queueUrl(deps.config().deadLetterQueueUrl()).messageBody(letter.toString()));
        }
        if (!cancelled) {
            deps.events().putEvents(p -> p.entries(e -> e.eventBusName(deps.config().eventBus())
                    .source("reelsmith.pipeline").detailType("RunFailed").detail(letter.toString())));
        }
        return new Recorded(sessionId, executionArn, status, step, error, reason, session.isPresent() && !cancelled);
    }

    /** The innermost state that was entered and never exited: where the execution stopped. */
    private String failedStep(String executionArn) {
        Set<String> exited = new HashSet<>();
        var history = deps.sfn().getExecutionHistoryPaginator(b -> b.executionArn(executionArn).reverseOrder(true));
        for (HistoryEvent event : history.events()) {
            if (event.stateExitedEventDetails() != null) {
                exited.add(event.stateExitedEventDetails().name());
            } else if (event.stateEnteredEventDetails() != null) {
                String name = event.stateEnteredEventDetails().name();
                if (!exited.contains(name)) {
                    return name;
                }
            }
        }
        return "unknown";
    }

    /** The readable reason: the exception's message, or the cause text, or the error's simple name. */
    static String reason(String error, String cause) {
        String message = cause == null ? "" : cause.strip();
        if (message.startsWith("{")) {
            try {
                JsonNode json = Json.mapper().readTree(message);
                if (json.hasNonNull("errorMessage")) {
                    message = json.get("errorMessage").asText();
                }
            } catch (IOException e) {
                // not JSON after all: keep the text
            }
        }
        String simple = error.substring(error.lastIndexOf('.') + 1);
        if (message.isEmpty()) {
            return simple;
        }
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }
}
