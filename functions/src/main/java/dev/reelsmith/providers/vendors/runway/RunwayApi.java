package dev.reelsmith.providers.vendors.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.vendors.http.ErrorBodies;
import dev.reelsmith.providers.vendors.http.KeyHeader;
import dev.reelsmith.providers.vendors.http.VendorError;
import dev.reelsmith.providers.vendors.http.VendorErrors;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import dev.reelsmith.providers.text.SecretSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Runway's task API (docs.dev.runwayml.com; {@code X-Runway-Version: 2024-11-06}, Bearer key): create a task, read
 * it back by id. Shared by the clip and image adapters, which turn task states into job states.
 *
 * <p>A {@code FAILED} task's {@code failureCode} decides what it means: {@code SAFETY.*} (input or output
 * moderation, including {@code INPUT_PREPROCESSING.SAFETY.*}) → {@link ContentRejectedException};
 * {@code ASSET.INVALID} → {@link InvalidRequestException}; anything else ({@code INTERNAL.*}) is a plain failure.
 */
public final class RunwayApi {
    public static final String PROVIDER_ID = "runway";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.dev.runwayml.com");
    public static final String API_VERSION = "2024-11-06";
    /** One credit costs one US cent (VENDORS.md §2). */
    public static final BigDecimal USD_PER_CREDIT = new BigDecimal("0.01");
    /** Runway's limit on an inline data URI (5 MB). */
    static final long MAX_DATA_URI_BYTES = 5L * 1000 * 1000;
    static final int MAX_PROMPT_CHARS = 1000;

    private static final VendorErrors ERRORS = body -> {
        JsonNode root = ErrorBodies.parse(body);
        String message = ErrorBodies.text(root.path("error"));
        JsonNode issues = root.path("issues");
        if (issues.isArray() && !issues.isEmpty()) {
            message = message + " " + issues;
        }
        return new VendorError("", message.isBlank() ? ErrorBodies.plain(body) : message);
    };

    private final VendorHttp http;
    private final URI baseUrl;

    /** The API at {@code baseUrl} with the key from {@code key}. */
    public RunwayApi(HttpClient client, URI baseUrl, SecretSource key, Duration requestTimeout,
                     Duration downloadTimeout, long maxDownloadBytes) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = new VendorHttp(PROVIDER_ID, client, key, KeyHeader.BEARER, requestTimeout, downloadTimeout,
                maxDownloadBytes, ERRORS).withHeader("X-Runway-Version", API_VERSION);
    }

    VendorHttp http() {
        return http;
    }

    /** POSTs a task to {@code /v1/<endpoint>} and returns its id. */
    String create(String endpoint, ObjectNode body) {
        JsonNode answer = http.postJson(baseUrl.resolve("/v1/" + endpoint), body);
        String id = answer.path("id").asText("");
        if (id.isBlank()) {
            throw new TransientVendorException(PROVIDER_ID, "POST /v1/" + endpoint + " answered without a task id", null);
        }
        return id;
    }

    /** GETs {@code /v1/tasks/<id>}. */
    JsonNode task(String id) {
        return http.getJson(baseUrl.resolve("/v1/tasks/" + id));
    }

    /**
     * Throws the exception a failed task stands for when it stands for one (moderation, bad input); otherwise
     * returns the failure text for a {@code FAILED} status.
     */
    static String failure(JsonNode task) {
        String code = task.path("failureCode").asText("");
        String reason = task.path("failure").asText("the task failed");
        String described = code.isEmpty() ? reason : code + ": " + reason;
        if (code.startsWith("SAFETY") || code.contains(".SAFETY")) {
            throw new ContentRejectedException(PROVIDER_ID, described, null);
        }
        if (code.startsWith("ASSET.INVALID")) {
            throw new InvalidRequestException(PROVIDER_ID, described, null);
        }
        return described;
    }

    static String outputUrl(JsonNode task) {
        String url = task.path("output").path(0).asText("");
        if (url.isBlank()) {
            throw new TransientVendorException(PROVIDER_ID, "task " + task.path("id").asText() + " succeeded without"
                    + " an output URL", null);
        }
        return url;
    }

    static void checkPrompt(String prompt) {
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException(PROVIDER_ID, "the prompt has " + prompt.length() + " characters, more"
                    + " than the " + MAX_PROMPT_CHARS + " Runway accepts", null);
        }
    }
}
