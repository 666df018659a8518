package dev.reelsmith.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.api.problems.GateNotOpenException;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.schema.UploadValidator;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.admit.Admission;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Answers the gates a run pauses at. Review gates ({@code images}, {@code clips}) take the approved shots in order,
 * or shots to regenerate with a note; the answers gate takes a JSON merge patch to the brief, which is merged,
 * validated again and stored for the script writer to re-read. Each answer closes the gate on the session first
 * (atomically, so two reviewers cannot both answer), then completes the waiting task with the stored token.
 */
final class ReviewEndpoints {
    private final StepDependencies deps;
    private final SessionViews views;
    private final OpenApiDocument document;
    private final Supplier<UploadValidator> validator;

    ReviewEndpoints(StepDependencies deps, SessionViews views, OpenApiDocument document,
                    Supplier<UploadValidator> validator) {
        this.deps = deps;
        this.views = views;
        this.document = document;
        this.validator = validator;
    }

    ApiResponse images(Call call) {
        return review(call, "images");
    }

    ApiResponse clips(Call call) {
        return review(call, "clips");
    }

    private ApiResponse review(Call call, String gate) {
        String id = call.path("id");
        Session session = views.owned(id, call.owner());
        requireOpen(session, gate);
        JsonNode body = JsonBodies.object(call.request());
        Checks checks = new Checks().schema(document.check("ReviewDecision", body), List.of());
        checks.orThrow("the review decision");
        Set<String> reviewed = new HashSet<>(views.underReview(gate, deps.sessions().assets(id), views.plan(id)));
        List<String> approved = new ArrayList<>();
        JsonNode approvedNode = body.path("approved");
        for (int i = 0; i < approvedNode.size(); i++) {
            String shot = approvedNode.get(i).asText();
            if (!reviewed.contains(shot)) {
                checks.add("/approved/" + i, "approved[" + i + "] " + shot + " is not one of the shots under "
                        + "review: " + String.join(", ", new TreeSet<>(reviewed)));
            }
            approved.add(shot);
        }
        ArrayNode regenerate = Json.mapper().createArrayNode();
        JsonNode regenerateNode = body.path("regenerate");
        for (int i = 0; i < regenerateNode.size(); i++) {
            String shot = regenerateNode.get(i).path("shotId").asText();
            if (!reviewed.contains(shot)) {
                checks.add("/regenerate/" + i + "/shotId", "regenerate[" + i + "].shotId " + shot + " is not one "
                        + "of the shots under review: " + String.join(", ", new TreeSet<>(reviewed)));
            }
            regenerate.addObject().put("shotId", shot).put("note", regenerateNode.get(i).path("note").asText());
        }
        if (approved.isEmpty() && regenerate.isEmpty()) {
            checks.add("/approved", "approved must name at least one shot unless regenerate names shots to make "
                    + "again");
        }
        checks.orThrow("the review decision");
        ObjectNode decision = Json.mapper().createObjectNode();
        decision.set("approved", Json.mapper().valueToTree(approved));
        decision.set("regenerate", regenerate);
        answer(session, gate, decision);
        return ApiResponse.json(200, views.full(deps.sessions().find(id).orElseThrow()));
    }

    ApiResponse answers(Call call) {
        String id = call.path("id");
        Session session = views.owned(id, call.owner());
        requireOpen(session, "answers");
        JsonNode patch = JsonBodies.object(call.request());
        Checks checks = new Checks().schema(document.check("BriefPatch", patch), List.of());
        checks.orThrow("the answers");
        String briefKey = Admission.inputKey(id, "brief.json");
        JsonNode merged = MergePatch.apply(deps.artifacts().getJson(briefKey), patch);
        byte[] json = merged.toString().getBytes(StandardCharsets.UTF_8);
        Brief brief = checks.upload("", json, validator.get()::parseBrief);
        checks.orThrow("the brief with these answers");
        deps.artifacts().putJson(briefKey, merged);
        Map<String, Object> fields = new HashMap<>();
        fields.put("questions", null);
        if (brief.title() != null) {
            fields.put("title", brief.title());
        }
        deps.sessions().set(id, fields);
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            changed.add(names.next());
        }
        deps.sessions().append(id, "answers", Stage.SCRIPT, session.percent(), "answers received ("
                + String.join(", ", changed) + "); writing the script again");
        ObjectNode decision = Json.mapper().createObjectNode();
        decision.putArray("approved");
        decision.putArray("regenerate");
        answer(session, "answers", decision);
        return ApiResponse.json(200, views.full(deps.sessions().find(id).orElseThrow()));
    }

    private static void requireOpen(Session session, String gate) {
        if (!gate.equals(session.openGate())) {
            throw new GateNotOpenException("the " + gate + " gate of session " + session.id() + " is not open; the "
                    + "session is " + session.status().label() + " at " + session.stage().label()
                    + (session.openGate() == null ? "" : " with the " + session.openGate() + " gate open"));
        }
    }

    /** Closes the gate and completes the waiting task; whoever closes it first is the one answer. */
    private void answer(Session session, String gate, ObjectNode decision) {
        Optional<String> token = deps.sessions().closeGate(session.id(), gate);
        if (token.isEmpty()) {
            throw new GateNotOpenException("the " + gate + " gate of session " + session.id()
                    + " was answered or closed just now");
        }
        try {
            deps.sfn().sendTaskSuccess(s -> s.taskToken(token.get()).output(decision.toString()));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            throw new GateNotOpenException("the " + gate + " gate of session " + session.id()
                    + " is no longer waiting: " + e.awsErrorDetails().errorMessage());
        }
    }
}
