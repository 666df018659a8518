package dev.reelsmith.providers.text.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.text.Completion;
import dev.reelsmith.providers.text.Conversation;
import dev.reelsmith.providers.text.RetryAfter;
import dev.reelsmith.providers.text.SchemaRepair;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.text.StructuredRequest;
import dev.reelsmith.providers.text.StructuredResult;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TextModelException;
import dev.reelsmith.providers.text.TextModelQuotaException;
import dev.reelsmith.providers.text.TextModelRequestException;
import dev.reelsmith.providers.text.TextModelThrottledException;
import dev.reelsmith.providers.text.TextModelUnavailableException;
import dev.reelsmith.providers.text.TokenUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link TextModel} on OpenAI's Chat Completions API, or any server that speaks it: the answer is requested with
 * {@code response_format: {type: json_schema, json_schema: {name, schema, strict}}}. Strict mode is used when the
 * request schema has a strict-mode form (see {@link StrictSchemas}); otherwise the schema is sent with
 * {@code strict: false}. Either way the answer is checked locally and repaired once by {@link SchemaRepair}; the
 * repair replays the conversation with the invalid answer as the assistant's turn. The output limit is sent as
 * {@code max_completion_tokens} (the current name; {@code max_tokens} is deprecated and rejected by reasoning
 * models), so a compatible server must understand that field.
 *
 * <p>The API key comes from a {@link SecretSource} on every call and is sent only in the {@code Authorization}
 * header: it is never logged and never appears in an exception message (an error text that echoes it is
 * redacted).
 *
 * <p>Failures are classified, never retried here: 429 → {@link TextModelThrottledException} with the
 * {@code Retry-After} delay, except {@code insufficient_quota} and 402 → {@link TextModelQuotaException}; 5xx,
 * 408, 409, timeouts, connection failures and unreadable envelopes → {@link TextModelUnavailableException}; other
 * 4xx → {@link TextModelRequestException}. A {@code refusal} or {@code finish_reason: content_filter} is a
 * {@link dev.reelsmith.providers.text.ModelRefusedException}; {@code finish_reason: length} is repaired.
 *
 * <p>Thread-safe; build one per container.
 */
public final class OpenAiTextModel implements TextModel {
    /** The {@link #providerId()} of this adapter. */
    public static final String PROVIDER_ID = "openai";

    private static final int MAX_ERROR_TEXT = 500;
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final HttpClient http;
    private final OpenAiTextConfig config;
    private final SecretSource apiKey;
    private final URI endpoint;
    private final SchemaRepair repair;

    /** A model with its own HTTP client (see {@link #newHttpClient}). */
    public OpenAiTextModel(OpenAiTextConfig config, SecretSource apiKey) {
        this(newHttpClient(config), config, apiKey);
    }

    /**
     * @param http   a client built once per container
     * @param config endpoint, model, prices and timeouts
     * @param apiKey where the key comes from
     */
    public OpenAiTextModel(HttpClient http, OpenAiTextConfig config, SecretSource apiKey) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.endpoint = URI.create(config.baseUrl() + "/chat/completions");
        this.repair = new SchemaRepair(PROVIDER_ID + " model " + config.model(), config.maxOutputTokens());
    }

    /**
     * The HTTP client this adapter builds for itself: the configured connect timeout, no redirects (a redirected
     * POST would resend the key elsewhere), HTTP/1.1 (one request per call gains nothing from HTTP/2, and some
     * OpenAI-compatible servers mishandle the cleartext upgrade).
     */
    public static HttpClient newHttpClient(OpenAiTextConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return config.model();
    }

    /**
     * {@inheritDoc}
     *
     * @throws TextModelException for vendor failures, classified as described on the class
     */
    @Override
    public <T> StructuredResult<T> generate(StructuredRequest<T> request) {
        return repair.generate(request, new ChatConversation(request));
    }

    /** One request's exchange: system and user messages, and the first answer kept for the repair. */
    private final class ChatConversation implements Conversation {
        private final StructuredRequest<?> request;
        private final ObjectNode responseFormat;
        private String firstAnswer = "";

        ChatConversation(StructuredRequest<?> request) {
            this.request = request;
            this.responseFormat = responseFormat(request);
        }

        @Override
        public Completion ask(int maxTokens) {
            Completion completion = post(question(), maxTokens);
            firstAnswer = completion.text() == null ? "" : completion.text();
            return completion;
        }

        @Override
        public Completion askAgain(String correction, int maxTokens) {
            ArrayNode messages = question();
            messages.addObject().put("role", "assistant").put("content", firstAnswer);
            messages.addObject().put("role", "user").put("content", correction);
            return post(messages, maxTokens);
        }

        private ArrayNode question() {
            ArrayNode messages = Json.mapper().createArrayNode();
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
            messages.addObject().put("role", "user").put("content", request.userPrompt());
            return messages;
        }

        private Completion post(ArrayNode messages, int maxTokens) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("model", config.model());
            body.set("messages", messages);
            body.put("max_completion_tokens", maxTokens);
            if (config.sendTemperature()) {
                body.put("temperature", request.temperature());
            }
            body.set("response_format", responseFormat);
            String key = key();
            HttpRequest httpRequest;
            try {
                httpRequest = HttpRequest.newBuilder(endpoint)
                        .timeout(config.requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(COMPACT.writeValueAsString(body),
                                StandardCharsets.UTF_8))
                        .build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not serialise the request for " + describe(), e);
            }
            HttpResponse<String> response = send(httpRequest);
            if (response.statusCode() / 100 != 2) {
                throw classify(response, key);
            }
            return completion(response.body());
        }

        private Completion completion(String responseBody) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(responseBody);
            } catch (JsonProcessingException e) {
                throw new TextModelUnavailableException(describe() + ": the response is not JSON", null);
            }
            JsonNode choice = root == null ? MissingNode.getInstance() : root.path("choices").path(0);
            if (!choice.isObject()) {
                throw new TextModelUnavailableException(describe() + ": the response has no choices", null);
            }
            JsonNode usageNode = root.path("usage");
            TokenUsage usage = config.prices().usage(Math.max(0, usageNode.path("prompt_tokens").asLong(0)),
                    Math.max(0, usageNode.path("completion_tokens").asLong(0)));
            JsonNode message = choice.path("message");
            String finishReason = choice.path("finish_reason").isTextual()
                    ? choice.path("finish_reason").textValue() : "unknown";
            JsonNode refusal = message.path("refusal");
            if (refusal.isTextual() && !refusal.textValue().isBlank()) {
                return Completion.refused(refusal.textValue(), "refusal", usage);
            }
            String content = message.path("content").isTextual() ? message.path("content").textValue() : "";
            if (finishReason.equals("content_filter")) {
                return Completion.refused(content, finishReason, usage);
            }
            Completion.Ending ending = finishReason.equals("length")
                    ? Completion.Ending.TRUNCATED : Completion.Ending.COMPLETE;
            return Completion.ofText(content, ending, finishReason, usage);
        }
    }

    private ObjectNode responseFormat(StructuredRequest<?> request) {
        Optional<ObjectNode> strict = StrictSchemas.strictVariant(request.schema());
        ObjectNode schema;
        if (strict.isPresent()) {
            schema = strict.get();
        } else {
            schema = request.schema().deepCopy();
            schema.remove("$schema");
        }
        ObjectNode format = Json.mapper().createObjectNode();
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", request.task());
        jsonSchema.put("description", "The " + request.task() + " as JSON.");
        jsonSchema.set("schema", schema);
        jsonSchema.put("strict", strict.isPresent());
        return format;
    }

    private String key() {
        String key = apiKey.secret();
        if (key == null || key.isBlank()) {
            throw new TextModelRequestException(describe() + ": the API key is empty", null);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                // say where, never what: the value must not reach a log
                throw new TextModelRequestException(describe() + ": the API key contains a character that is not"
                        + " printable ASCII at position " + (i + 1), null);
            }
        }
        return key;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TextModelUnavailableException(describe() + ": timed out (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TextModelUnavailableException(describe() + ": connection failed (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TextModelUnavailableException(describe() + ": interrupted while waiting for the answer", e);
        }
    }

    private TextModelException classify(HttpResponse<String> response, String key) {
        int status = response.statusCode();
        JsonNode error = errorOf(response.body());
        String code = error.path("code").asText("");
        String type = error.path("type").asText("");
        String text = error.path("message").isTextual() ? error.path("message").textValue() : response.body();
        String detail = describe() + ": HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": "
                + abbreviate(redact(text == null ? "" : text.strip(), key));
        if (status == 429) {
            if (code.equals("insufficient_quota") || type.equals("insufficient_quota")) {
                return new TextModelQuotaException(detail, null);
            }
            OptionalLong retryAfter = retryAfter(response.headers(), Instant.now());
            return retryAfter.isPresent()
                    ? new TextModelThrottledException(detail, retryAfter.getAsLong(), null)
                    : new TextModelThrottledException(detail, null);
        }
        if (status == 402) {
            return new TextModelQuotaException(detail, null);
        }
        if (status >= 500 || status == 408 || status == 409) {
            return new TextModelUnavailableException(detail, null);
        }
        return new TextModelRequestException(detail, null);
    }

    /** {@code retry-after-ms} (sent by OpenAI's gateway and some compatible servers) wins over {@code Retry-After}. */
    static OptionalLong retryAfter(HttpHeaders headers, Instant now) {
        OptionalLong millis = RetryAfter.secondsFromMillis(headers.firstValue("retry-after-ms").orElse(null));
        return millis.isPresent() ? millis : RetryAfter.seconds(headers.firstValue("retry-after").orElse(null), now);
    }

    private static JsonNode errorOf(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            return root == null ? MissingNode.getInstance() : root.path("error");
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String abbreviate(String text) {
        if (text.isEmpty()) {
            return "(no message)";
        }
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }

    /** Vendors echo keys in auth errors; whatever they echo, it does not travel further. */
    private static String redact(String text, String key) {
        return key.isEmpty() ? text : text.replace(key, "****");
    }

    private String describe() {
        return PROVIDER_ID + " model " + config.model();
    }
}
