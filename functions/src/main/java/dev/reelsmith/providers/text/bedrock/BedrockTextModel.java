package dev.reelsmith.providers.text.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.providers.text.Completion;
import dev.reelsmith.providers.text.Conversation;
import dev.reelsmith.providers.text.RetryAfter;
import dev.reelsmith.providers.text.SchemaRepair;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * A {@link TextModel} on Amazon Bedrock: the Converse API with one tool whose input schema is the request's
 * schema, and {@code toolChoice} forcing the model to call it, so the answer arrives as the tool's JSON input.
 * Answers are checked and repaired once by {@link SchemaRepair}; the repair replays the tool call and answers it
 * with a tool result that lists the problems.
 *
 * <p>Vendor failures are classified, never retried here (the client is built with retries off; Step Functions
 * retries): {@code ThrottlingException} → {@link TextModelThrottledException}; {@code ModelNotReady},
 * {@code ModelTimeout}, {@code ModelError}, {@code InternalServer}, {@code ServiceUnavailable}, timeouts and I/O
 * failures → {@link TextModelUnavailableException}; {@code ServiceQuotaExceeded} → {@link TextModelQuotaException};
 * {@code Validation}, {@code AccessDenied}, {@code ResourceNotFound}, a prompt over the context window and missing
 * credentials → {@link TextModelRequestException}.
 *
 * <p>Temperature is clamped to 0–1, the range Converse accepts for Anthropic and Nova models. Thread-safe; build
 * one per container.
 */
public final class BedrockTextModel implements TextModel {
    /** The {@link #providerId()} of this adapter. */
    public static final String PROVIDER_ID = "bedrock";

    static final double MAX_TEMPERATURE = 1.0;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final BedrockRuntimeClient client;
    private final BedrockTextConfig config;
    private final SchemaRepair repair;

    /**
     * @param client a client built once per container, normally by {@link #clientBuilder(Duration)} (retries off)
     * @param config the model and its prices
     */
    public BedrockTextModel(BedrockRuntimeClient client, BedrockTextConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
        this.repair = new SchemaRepair(PROVIDER_ID + " model " + config.modelId(), config.maxOutputTokens());
    }

    /** A model with its own client in {@code region}. Call once per container: the client is not cheap. */
    public static BedrockTextModel create(Region region, BedrockTextConfig config) {
        Objects.requireNonNull(region, "region");
        return new BedrockTextModel(clientBuilder(config.timeout()).region(region).build(), config);
    }

    /**
     * A model with its own client in the region named by {@code AWS_REGION} (which Lambda always sets).
     *
     * @throws IllegalStateException when {@code AWS_REGION} is not set
     */
    public static BedrockTextModel fromEnvironment(BedrockTextConfig config) {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("environment variable AWS_REGION is not set");
        }
        return create(Region.of(region.strip()), config);
    }

    /**
     * A Bedrock Runtime client builder set up the way this adapter needs it: the url-connection HTTP client (the
     * one lightweight client in the jar, STYLE.md 6), retries off (STYLE.md 11: Step Functions owns retries, and a
     * silent SDK retry would hide throttling from it), and {@code timeout} for the whole call. Add the region (and
     * in tests an endpoint and credentials) and build.
     */
    public static BedrockRuntimeClientBuilder clientBuilder(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return BedrockRuntimeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(timeout));
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return config.modelId();
    }

    /**
     * {@inheritDoc}
     *
     * @throws TextModelException for vendor failures, classified as described on the class
     */
    @Override
    public <T> StructuredResult<T> generate(StructuredRequest<T> request) {
        return repair.generate(request, new ToolConversation(request));
    }

    /** The tool the model is made to call: named for the task, {@code submit_script} for {@code script}. */
    static String toolName(String task) {
        return "submit_" + task.replace('-', '_');
    }

    /** One request's exchange: the question, and the first answer kept for the repair. */
    private final class ToolConversation implements Conversation {
        private final StructuredRequest<?> request;
        private final String toolName;
        private final ToolConfiguration tools;
        private final Message question;
        private Message firstAnswer;

        ToolConversation(StructuredRequest<?> request) {
            this.request = request;
            this.toolName = toolName(request.task());
            ObjectNode schema = request.schema().deepCopy();
            // the dialect marker is for our validator; the tool schema only needs the structure
            schema.remove("$schema");
            this.tools = ToolConfiguration.builder()
                    .tools(Tool.fromToolSpec(ToolSpecification.builder()
                            .name(toolName)
                            .description("Submit the " + request.task() + " as JSON matching the input schema.")
                            .inputSchema(ToolInputSchema.fromJson(Documents.toDocument(schema)))
                            .build()))
                    .toolChoice(ToolChoice.fromTool(t -> t.name(toolName)))
                    .build();
            this.question = Message.builder().role(ConversationRole.USER)
                    .content(ContentBlock.fromText(request.userPrompt())).build();
        }

        @Override
        public Completion ask(int maxTokens) {
            ConverseResponse response = converse(List.of(question), maxTokens);
            firstAnswer = response.output() == null ? null : response.output().message();
            return completion(response);
        }

        @Override
        public Completion askAgain(String correction, int maxTokens) {
            List<ContentBlock> previous = firstAnswer == null || !firstAnswer.hasContent()
                    ? List.of() : firstAnswer.content();
            List<ContentBlock> reply = new ArrayList<>();
            boolean corrected = false;
            for (ContentBlock block : previous) {
                // every tool call must be answered by a tool result; the first one carries the correction
                if (block.toolUse() != null) {
                    reply.add(ContentBlock.fromToolResult(ToolResultBlock.builder()
                            .toolUseId(block.toolUse().toolUseId())
                            .content(ToolResultContentBlock.fromText(corrected
                                    ? "Ignored: call the tool exactly once." : correction))
                            .build()));
                    corrected = true;
                }
            }
            if (!corrected) {
                reply.add(ContentBlock.fromText(correction));
            }
            Message answer = previous.isEmpty()
                    ? Message.builder().role(ConversationRole.ASSISTANT)
                            .content(ContentBlock.fromText("(no answer)")).build()
                    : Message.builder().role(ConversationRole.ASSISTANT).content(previous).build();
            Message followUp = Message.builder().role(ConversationRole.USER).content(reply).build();
            return completion(converse(List.of(question, answer, followUp), maxTokens));
        }

        private ConverseResponse converse(List<Message> messages, int maxTokens) {
            ConverseRequest converse = ConverseRequest.builder()
                    .modelId(config.modelId())
                    .system(SystemContentBlock.fromText(request.systemPrompt()))
                    .messages(messages)
                    .toolConfig(tools)
                    .inferenceConfig(i -> i.maxTokens(maxTokens)
                            .temperature((float) Math.min(request.temperature(), MAX_TEMPERATURE)))
                    .build();
            try {
                return client.converse(converse);
            } catch (RuntimeException e) {
                throw classify(e);
            }
        }

        private Completion completion(ConverseResponse response) {
            TokenUsage usage = response.usage() == null ? config.prices().usage(0, 0)
                    : config.prices().usage(count(response.usage().inputTokens()),
                    count(response.usage().outputTokens()));
            String stopReason = response.stopReasonAsString() == null ? "unknown" : response.stopReasonAsString();
            List<ContentBlock> content = response.output() == null || response.output().message() == null
                    || !response.output().message().hasContent()
                    ? List.of() : response.output().message().content();
            StopReason stop = response.stopReason() == null ? StopReason.UNKNOWN_TO_SDK_VERSION : response.stopReason();
            Completion.Ending ending;
            switch (stop) {
                case CONTENT_FILTERED:
                case GUARDRAIL_INTERVENED:
                    return Completion.refused(text(content), stopReason, usage);
                case MODEL_CONTEXT_WINDOW_EXCEEDED:
                    throw new TextModelRequestException(describe() + ": the prompt for the " + request.task()
                            + " does not fit the model's context window (" + stopReason + ")", null);
                case MAX_TOKENS:
                    ending = Completion.Ending.TRUNCATED;
                    break;
                case MALFORMED_MODEL_OUTPUT:
                case MALFORMED_TOOL_USE:
                    ending = Completion.Ending.MALFORMED;
                    break;
                default:
                    ending = Completion.Ending.COMPLETE;
            }
            ToolUseBlock toolUse = toolUse(content);
            if (toolUse != null) {
                JsonNode input = Documents.toJson(toolUse.input());
                return Completion.ofJson(input, ending, stopReason, usage);
            }
            // a model that ignored the forced tool may still have written the JSON as text
            return Completion.ofText(text(content), ending, stopReason, usage);
        }

        private ToolUseBlock toolUse(List<ContentBlock> content) {
            ToolUseBlock any = null;
            for (ContentBlock block : content) {
                if (block.toolUse() != null) {
                    if (toolName.equals(block.toolUse().name())) {
                        return block.toolUse();
                    }
                    any = any == null ? block.toolUse() : any;
                }
            }
            return any;
        }
    }

    private static String text(List<ContentBlock> content) {
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : content) {
            if (block.text() != null) {
                text.append(text.length() == 0 ? "" : "\n").append(block.text());
            }
        }
        return text.toString();
    }

    private static long count(Integer tokens) {
        return tokens == null || tokens < 0 ? 0 : tokens;
    }

    private String describe() {
        return PROVIDER_ID + " model " + config.modelId();
    }

    /** Maps an SDK failure to the text-model taxonomy. */
    private RuntimeException classify(RuntimeException e) {
        String prefix = describe() + ": ";
        if (e instanceof ThrottlingException throttling) {
            OptionalLong retryAfter = retryAfter(throttling);
            return retryAfter.isPresent()
                    ? new TextModelThrottledException(prefix + "throttled: " + e.getMessage(), retryAfter.getAsLong(), e)
                    : new TextModelThrottledException(prefix + "throttled: " + e.getMessage(), e);
        }
        if (e instanceof ServiceQuotaExceededException) {
            return new TextModelQuotaException(prefix + "service quota exceeded: " + e.getMessage(), e);
        }
        if (e instanceof ModelNotReadyException || e instanceof ModelTimeoutException || e instanceof ModelErrorException
                || e instanceof InternalServerException || e instanceof ServiceUnavailableException) {
            return new TextModelUnavailableException(prefix + "unavailable: " + e.getMessage(), e);
        }
        if (e instanceof ValidationException || e instanceof AccessDeniedException
                || e instanceof ResourceNotFoundException) {
            return new TextModelRequestException(prefix + "request rejected: " + e.getMessage(), e);
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            if (status == 429) {
                return new TextModelThrottledException(prefix + "throttled: " + e.getMessage(), e);
            }
            if (status >= 500 || status == 408 || status == 424) {
                return new TextModelUnavailableException(prefix + "unavailable: " + e.getMessage(), e);
            }
            return new TextModelRequestException(prefix + "request rejected: " + e.getMessage(), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new TextModelUnavailableException(prefix + "timed out after " + config.timeout().toSeconds()
                    + " s: " + e.getMessage(), e);
        }
        if (e instanceof SdkClientException) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return new TextModelUnavailableException(prefix + "connection failed: " + e.getMessage(), e);
                }
            }
            // no credentials, no region and the like: configuration, which no retry fixes
            return new TextModelRequestException(prefix + "client error: " + e.getMessage(), e);
        }
        return e;
    }

    private static OptionalLong retryAfter(AwsServiceException e) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
            return OptionalLong.empty();
        }
        return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                .map(value -> RetryAfter.seconds(value, Instant.now()))
                .orElse(OptionalLong.empty());
    }
}
