package dev.reelsmith.providers.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of {@link TextModel#generate} every remote adapter shares: ask, check the answer with
 * {@link AnswerValidator}, and when it is invalid (schema violations, a record's constructor rejecting it, not
 * JSON at all, cut off at the token limit, flagged malformed) ask exactly once more, replaying the conversation
 * with the invalid answer and a correction that lists every problem by JSON pointer and rule. A second invalid
 * answer fails with {@link StructuredOutputException}; a refusal fails at once with {@link ModelRefusedException}.
 * Token usage is summed over both attempts on every path, failures included.
 *
 * <p>A cut-off answer is re-asked with a doubled output limit, bounded by the model's own maximum
 * ({@code maxOutputTokens}); requests asking for more than that maximum are clamped to it.
 *
 * <p>Vendor errors ({@link TextModelException}) pass through unchanged, carrying the usage of a first answer when
 * the repair call is the one that failed. Nothing here waits or retries: Step Functions owns retries.
 */
public final class SchemaRepair {
    /** How many problems are listed to the model; more would only bloat the prompt. */
    static final int MAX_LISTED_PROBLEMS = 30;

    private final String model;
    private final int maxOutputTokens;
    private final AnswerValidator validator;

    /**
     * @param model           how messages name the model, e.g. {@code "bedrock model global.anthropic.claude-…"}
     * @param maxOutputTokens the most output tokens the model can produce in one answer, 1–200,000
     */
    public SchemaRepair(String model, int maxOutputTokens) {
        this(model, maxOutputTokens, new AnswerValidator());
    }

    /**
     * @param model           how messages name the model
     * @param maxOutputTokens the most output tokens the model can produce in one answer, 1–200,000
     * @param validator       the (shareable) validator with its schema cache
     */
    public SchemaRepair(String model, int maxOutputTokens, AnswerValidator validator) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (maxOutputTokens < 1 || maxOutputTokens > 200_000) {
            throw new IllegalArgumentException("maxOutputTokens must be between 1 and 200000, was " + maxOutputTokens);
        }
        this.model = model;
        this.maxOutputTokens = maxOutputTokens;
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Runs one structured request through {@code conversation}.
     *
     * @return the valid answer, with {@code attempts} 1 or 2
     * @throws ModelRefusedException     when either answer is a refusal
     * @throws StructuredOutputException when the repaired answer is still invalid
     * @throws TextModelException        when the vendor call fails (throttled, unavailable, quota, request)
     */
    public <T> StructuredResult<T> generate(StructuredRequest<T> request, Conversation conversation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(conversation, "conversation");
        int firstLimit = Math.min(request.maxTokens(), maxOutputTokens);
        Completion first = conversation.ask(firstLimit);
        TokenUsage usage = first.usage();
        rejectRefusal(request, first, usage);
        CheckedAnswer<T> checked = check(request, first, firstLimit);
        if (checked.isValid()) {
            return new StructuredResult<>(checked.value(), checked.json(), usage, 1);
        }

        int secondLimit = first.ending() == Completion.Ending.TRUNCATED
                ? (int) Math.min(2L * firstLimit, maxOutputTokens) : firstLimit;
        Completion second;
        try {
            second = conversation.askAgain(correction(checked.problems()), secondLimit);
        } catch (TextModelException e) {
            e.recordEarlierUsage(usage);
            throw e;
        }
        usage = usage.plus(second.usage());
        rejectRefusal(request, second, usage);
        CheckedAnswer<T> repaired = check(request, second, secondLimit);
        if (repaired.isValid()) {
            return new StructuredResult<>(repaired.value(), repaired.json(), usage, 2);
        }
        throw new StructuredOutputException(model + " answered the " + request.task()
                + " with invalid JSON again after one repair", describe(repaired.problems()), usage);
    }

    private void rejectRefusal(StructuredRequest<?> request, Completion completion, TokenUsage usage) {
        if (completion.ending() == Completion.Ending.REFUSED) {
            String reason = completion.text() == null || completion.text().isBlank()
                    ? completion.stopReason() : completion.stopReason() + ": " + completion.text().strip();
            throw new ModelRefusedException(model + " refused the " + request.task(), reason, usage);
        }
    }

    private <T> CheckedAnswer<T> check(StructuredRequest<T> request, Completion completion, int limit) {
        CheckedAnswer<T> checked = completion.json() != null
                ? validator.check(completion.json(), request.schema(), request.type())
                : validator.check(completion.text(), request.schema(), request.type());
        AnswerProblem ending = switch (completion.ending()) {
            case TRUNCATED -> new AnswerProblem("", "maxTokens", "the answer was cut off at the limit of " + limit
                    + " output tokens (stop reason " + completion.stopReason() + ") before the JSON was complete;"
                    + " keep text fields concise so that the complete JSON fits");
            case MALFORMED -> new AnswerProblem("", "malformed", "the vendor reported the answer as malformed"
                    + " (stop reason " + completion.stopReason() + ")");
            default -> null;
        };
        if (ending == null) {
            return checked;
        }
        // a cut-off or malformed answer is never accepted, even if what arrived happens to validate
        List<AnswerProblem> problems = new ArrayList<>();
        problems.add(ending);
        for (AnswerProblem problem : checked.problems()) {
            if (!problem.rule().equals("syntax")) {
                problems.add(problem);
            }
        }
        return CheckedAnswer.invalid(checked.json(), problems);
    }

    /** What the model is told: every problem (up to a limit) and that a complete document is wanted. */
    static String correction(List<AnswerProblem> problems) {
        StringBuilder text = new StringBuilder("Your previous answer is not valid against the required JSON schema."
                + " Problems (JSON pointer, rule, message):\n");
        int listed = Math.min(problems.size(), MAX_LISTED_PROBLEMS);
        for (int i = 0; i < listed; i++) {
            text.append("- ").append(problems.get(i).describe()).append('\n');
        }
        if (problems.size() > listed) {
            text.append("- … and ").append(problems.size() - listed).append(" more of the same kinds\n");
        }
        text.append("Answer again with the complete corrected JSON document: every required field, only the fields"
                + " the schema allows, all values within their limits. Send the whole document, not a patch,"
                + " and no commentary.");
        return text.toString();
    }

    private static List<String> describe(List<AnswerProblem> problems) {
        List<String> lines = new ArrayList<>(problems.size());
        for (AnswerProblem problem : problems) {
            lines.add(problem.describe());
        }
        return lines;
    }
}
