package dev.reelsmith.providers.text.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.providers.text.AnswerProblem;
import dev.reelsmith.providers.text.AnswerValidator;
import dev.reelsmith.providers.text.CheckedAnswer;
import dev.reelsmith.providers.text.StructuredOutputException;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import java.math.BigDecimal;
import java.util.List;

/**
 * The offline planner: a deterministic {@link TextModel} that needs no model at all and costs nothing. It
 * dispatches on {@link StructuredRequest#task()} and reads only {@link StructuredRequest#context()}, the same
 * material the prompts carry to a remote model:
 * <ul>
 *   <li>{@code script}: keeps the skeleton's timing and fills each beat from templates chosen by the brief's
 *       product and tone, or by the song's genre, style keywords and mood;</li>
 *   <li>{@code shots}: one shot per slot from the shot library presets, with keyframe prompts carrying the
 *       continuity anchors;</li>
 *   <li>{@code production-intent}: hero/standard/background and motion need per shot, by rule.</li>
 * </ul>
 * Its answer passes through the same {@link AnswerValidator} (schema, then binding to the record) as a remote
 * model's, so an answer that does not match is a bug here and fails the same way. Token counts are estimates (four characters per
 * token) so cost reports stay comparable; the cost is zero. Same request, same answer. English copy only.
 */
public final class LocalTextModel implements TextModel {
    public static final String PROVIDER_ID = "local";
    public static final String MODEL_ID = "offline-planner";
    public static final String SCRIPT = "script";
    public static final String SHOTS = "shots";
    public static final String PRODUCTION_INTENT = "production-intent";

    private final ScriptAuthor scripts;
    private final ShotAuthor shots;
    private final IntentAuthor intents;
    private final AnswerValidator validator = new AnswerValidator();

    public LocalTextModel() {
        Worlds worlds = Worlds.builtIn();
        this.scripts = new ScriptAuthor(worlds);
        this.shots = new ShotAuthor(worlds);
        this.intents = new IntentAuthor();
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /**
     * @throws StructuredOutputException when the task has no template, or (a bug) the answer breaks the schema
     */
    @Override
    public <T> StructuredResult<T> generate(StructuredRequest<T> request) {
        JsonNode context = request.context();
        ObjectNode answer = switch (request.task()) {
            case SCRIPT -> scripts.write(context);
            case SHOTS -> shots.write(context);
            case PRODUCTION_INTENT -> intents.write(context);
            default -> throw new StructuredOutputException("the offline planner has no template for task "
                    + request.task(), List.of("known tasks: " + SCRIPT + ", " + SHOTS + ", " + PRODUCTION_INTENT),
                    TokenUsage.NONE);
        };
        TokenUsage usage = new TokenUsage(tokens(request.systemPrompt()) + tokens(request.userPrompt()),
                tokens(answer.toString()), BigDecimal.ZERO);
        CheckedAnswer<T> checked = validator.check(answer, request.schema(), request.type());
        if (!checked.isValid()) {
            throw new StructuredOutputException("the offline planner's " + request.task()
                    + " answer does not match the schema", checked.problems().stream().map(AnswerProblem::describe)
                    .toList(), usage);
        }
        return new StructuredResult<>(checked.value(), answer, usage, 1);
    }

    private static long tokens(String text) {
        return (text.length() + 3) / 4;
    }
}
