package dev.reelsmith.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.AnswerRejectedException;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.production.BudgetExceededException;
import dev.reelsmith.agents.production.DeadlineExceededException;
import dev.reelsmith.agents.production.NoEligibleToolException;
import dev.reelsmith.agents.production.ProductionPlanner;
import dev.reelsmith.agents.script.ScriptValidator;
import dev.reelsmith.agents.script.ScriptWriter;
import dev.reelsmith.agents.shots.ShotPlanner;
import dev.reelsmith.agents.shots.ShotValidator;
import dev.reelsmith.agents.storyboard.Storyboard;
import dev.reelsmith.api.problems.PlannerFailedException;
import dev.reelsmith.api.problems.PlannerUnavailableException;
import dev.reelsmith.api.problems.PlanningFailedException;
import dev.reelsmith.api.problems.ProblemError;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.schema.UploadValidator;
import dev.reelsmith.providers.text.StructuredOutputException;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TextModelQuotaException;
import dev.reelsmith.providers.text.TextModelRequestException;
import dev.reelsmith.providers.text.TextModelThrottledException;
import dev.reelsmith.providers.text.TextModelUnavailableException;
import dev.reelsmith.providers.text.TokenUsage;
import dev.reelsmith.steps.StepDependencies;
import java.util.List;
import java.util.function.Supplier;

/**
 * The planning agents without a session, for teams that only want plans: brief → script → shots → production plan,
 * with the configured text model and the tool catalog, generating nothing and storing nothing. Each endpoint goes
 * one step further and takes the earlier artifacts when the client has them (checked against the brief).
 */
final class PlanningEndpoints {
    /** Writes tools as the catalog file spells them: derived flags such as {@code isLocal()} are not properties. */
    private static final ObjectMapper CATALOG_WRITER = Json.mapper().copy()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private final StepDependencies deps;
    private final OpenApiDocument document;
    private final Supplier<UploadValidator> validator;

    PlanningEndpoints(StepDependencies deps, OpenApiDocument document, Supplier<UploadValidator> validator) {
        this.deps = deps;
        this.document = document;
        this.validator = validator;
    }

    /** How far a planning call goes. */
    private enum Depth {
        SCRIPT, SHOTS, PLAN
    }

    /** A checked planning request. */
    private record Request(PlanningInput input, Script script, ShotList shots) {
    }

    ApiResponse script(Call call) {
        call.owner();
        return plan(read(call, Depth.SCRIPT), Depth.SCRIPT);
    }

    ApiResponse shots(Call call) {
        call.owner();
        return plan(read(call, Depth.SHOTS), Depth.SHOTS);
    }

    ApiResponse plan(Call call) {
        call.owner();
        return plan(read(call, Depth.PLAN), Depth.PLAN);
    }

    ApiResponse catalog(Call call) {
        call.owner();
        ToolCatalog catalog = deps.catalog();
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("updated", catalog.updated());
        view.set("tools", CATALOG_WRITER.valueToTree(catalog.tools()));
        return ApiResponse.json(200, view);
    }

    private Request read(Call call, Depth depth) {
        JsonNode body = JsonBodies.object(call.request());
        Checks checks = new Checks().schema(document.check("PlanningRequest", body), List.of("/brief"));
        Brief brief = body.path("brief").isObject()
                ? checks.upload("/brief", body.get("brief"), validator.get()::parseBrief) : null;
        if (depth == Depth.SCRIPT && body.has("script")) {
            checks.add("/script", "script is taken by /production/shots and /production/plan only");
        }
        if (depth != Depth.PLAN && body.has("shots")) {
            checks.add("/shots", "shots are taken by /production/plan only");
        }
        if (body.has("shots") && !body.has("script")) {
            checks.add("/shots", "shots need the script they were planned from");
        }
        Script script = body.has("script") && !checks.failed("/script")
                ? checks.bind("/script", body.get("script"), Script.class) : null;
        ShotList shots = body.has("shots") && !checks.failed("/shots")
                ? checks.bind("/shots", body.get("shots"), ShotList.class) : null;
        checks.orThrow("the planning request");
        PlanningInput input = PlanningInput.ofBrief(body.path("name").asText("brief"), brief);
        if (script != null) {
            ScriptValidator.validate(script, input).forEach(problem -> checks.add("/script", problem));
            if (shots != null) {
                ShotValidator.validate(shots, script, input).forEach(problem -> checks.add("/shots", problem));
            }
        }
        checks.orThrow("the given artifacts");
        return new Request(input, script, shots);
    }

    private ApiResponse plan(Request request, Depth depth) {
        TextModel model = deps.textModel();
        PlanningInput input = request.input();
        ObjectNode result = Json.mapper().createObjectNode();
        TokenUsage usage = TokenUsage.NONE;
        try {
            Script script = request.script();
            if (script == null) {
                AgentResult<Script> written = new ScriptWriter(model).write(input);
                script = written.value();
                usage = usage.plus(written.usage());
            }
            result.set("script", Json.mapper().valueToTree(script));
            boolean needsAnswers = script.beats().isEmpty() || script.needsClarification();
            result.put("needsAnswers", needsAnswers);
            ArrayNode questions = result.putArray("questions");
            script.clarifyingQuestions().forEach(questions::add);
            if (needsAnswers) {
                result.put("storyboard", Storyboard.questions(input, script));
            } else if (depth != Depth.SCRIPT) {
                ShotList shots = request.shots();
                if (shots == null) {
                    AgentResult<ShotList> planned = new ShotPlanner(model).plan(input, script);
                    shots = planned.value();
                    usage = usage.plus(planned.usage());
                }
                result.set("shots", Json.mapper().valueToTree(shots));
                if (depth == Depth.PLAN) {
                    AgentResult<ProductionPlan> plan = new ProductionPlanner(model, deps.catalog(), deps.clock())
                            .plan(input, script, shots, usage);
                    usage = usage.plus(plan.usage());
                    result.set("plan", Json.mapper().valueToTree(plan.value()));
                    result.put("storyboard", Storyboard.markdown(input, script, shots, plan.value()));
                    result.put("costSummary", Storyboard.costSummary(plan.value()));
                }
            }
        } catch (BudgetExceededException e) {
            throw new PlanningFailedException(e.getMessage(), List.of(ProblemError.at("/brief/budgetUsd",
                    e.getMessage())));
        } catch (DeadlineExceededException e) {
            throw new PlanningFailedException(e.getMessage(), List.of(ProblemError.at("/brief/deadlineMinutes",
                    e.getMessage())));
        } catch (NoEligibleToolException e) {
            throw new PlanningFailedException(e.getMessage(), List.of(ProblemError.at("/brief", e.getMessage())));
        } catch (TextModelThrottledException | TextModelUnavailableException | TextModelQuotaException e) {
            throw new PlannerUnavailableException(model.providerId() + " " + model.modelId() + ": " + e.getMessage());
        } catch (AnswerRejectedException | StructuredOutputException | TextModelRequestException e) {
            throw new PlannerFailedException(model.providerId() + " " + model.modelId() + ": " + e.getMessage());
        }
        ObjectNode tokens = result.putObject("usage");
        tokens.put("inputTokens", usage.inputTokens());
        tokens.put("outputTokens", usage.outputTokens());
        tokens.put("costUsd", usage.costUsd().toPlainString());
        result.put("textModel", model.providerId() + ":" + model.modelId());
        return ApiResponse.json(200, result);
    }
}
