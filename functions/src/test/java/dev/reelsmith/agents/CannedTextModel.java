package dev.reelsmith.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.text.StructuredOutputException;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * An in-memory {@link TextModel} for agent tests: answers each request with the next canned answer (computed
 * from the request, so a test can start from the offline planner's answer and break it), and records the
 * requests. Every call bills 1,000 input and 500 output tokens at $0.01, so usage accounting is visible.
 */
public final class CannedTextModel implements TextModel {
    private final Deque<Function<StructuredRequest<?>, JsonNode>> answers = new ArrayDeque<>();
    private final List<StructuredRequest<?>> requests = new ArrayList<>();

    /** Queues the next answer. */
    public CannedTextModel then(Function<StructuredRequest<?>, JsonNode> answer) {
        answers.add(answer);
        return this;
    }

    public List<StructuredRequest<?>> requests() {
        return requests;
    }

    @Override
    public String providerId() {
        return "canned";
    }

    @Override
    public String modelId() {
        return "canned-1";
    }

    @Override
    public <T> StructuredResult<T> generate(StructuredRequest<T> request) {
        requests.add(request);
        if (answers.isEmpty()) {
            throw new IllegalStateException("no canned answer left for task " + request.task());
        }
        JsonNode answer = answers.poll().apply(request);
        TokenUsage usage = new TokenUsage(1000, 500, new BigDecimal("0.01"));
        List<String> problems = ArtifactSchemasTest.validateAgainst(request.schema(), answer);
        if (!problems.isEmpty()) {
            throw new StructuredOutputException("canned answer does not match the schema", problems, usage);
        }
        try {
            return new StructuredResult<>(Json.mapper().treeToValue(answer, request.type()), answer, usage, 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
