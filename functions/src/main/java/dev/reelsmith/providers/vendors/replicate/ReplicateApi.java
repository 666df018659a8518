package dev.reelsmith.providers.vendors.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.http.ErrorBodies;
import dev.reelsmith.providers.vendors.http.KeyHeader;
import dev.reelsmith.providers.vendors.http.Moderation;
import dev.reelsmith.providers.vendors.http.VendorError;
import dev.reelsmith.providers.vendors.http.VendorErrors;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicate's predictions API ({@code https://api.replicate.com/v1}, Bearer token): create a prediction for any
 * model, read it back by id. A model is named {@code owner/name} (an official model: {@code POST
 * /models/{owner}/{name}/predictions}), {@code owner/name:<version>} or a bare 64-hex version id
 * ({@code POST /predictions} with {@code version}).
 *
 * <p>Creation never holds the connection open for the result beyond a short bound: a {@code Prefer: wait=N} header
 * is sent only when the caller asks for it, with N at most 10 s (Replicate's default would hold a Lambda for 60 s);
 * otherwise the prediction is polled. Errors are {@code {title, detail, status}}; a 429 says how long to wait in the
 * prose ("… ~30s"), which is read when there is no {@code Retry-After}; 402 and "insufficient credit" are quota.
 * Outputs and inputs are deleted by Replicate after an hour.
 */
public final class ReplicateApi {
    public static final String PROVIDER_ID = "replicate";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.replicate.com/v1");
    static final int MAX_PREFER_WAIT_SECONDS = 10;
    /** Replicate recommends URLs rather than data URLs above this size. */
    static final long PREFER_LINK_ABOVE_BYTES = 256 * 1024;
    static final long MAX_DATA_URI_BYTES = 10L * 1024 * 1024;

    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern OFFICIAL = Pattern.compile("[a-z0-9][a-z0-9_.-]*/[a-z0-9][a-z0-9_.-]*");
    private static final Pattern PROSE_SECONDS = Pattern.compile("~?(\\d{1,5})\\s?s(?:econds?)?\\b");

    static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorError read(String body) {
            JsonNode root = ErrorBodies.parse(body);
            String detail = ErrorBodies.text(root.path("detail"));
            return new VendorError(ErrorBodies.text(root.path("title")), detail.isEmpty() ? ErrorBodies.plain(body)
                    : detail);
        }

        @Override
        public boolean quotaExhausted(int status, VendorError error) {
            return status == 402 || error.message().toLowerCase(java.util.Locale.ROOT).contains("insufficient credit");
        }

        @Override
        public OptionalLong retryAfter(HttpHeaders headers, VendorError error, Instant now) {
            OptionalLong header = VendorErrors.super.retryAfter(headers, error, now);
            if (header.isPresent()) {
                return header;
            }
            Matcher prose = PROSE_SECONDS.matcher(error.message());
            return prose.find() ? OptionalLong.of(Long.parseLong(prose.group(1))) : OptionalLong.empty();
        }
    };

    private final VendorHttp http;
    private final URI baseUrl;

    public ReplicateApi(HttpClient client, URI baseUrl, SecretSource key, Duration requestTimeout,
                        Duration downloadTimeout, long maxDownloadBytes) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = new VendorHttp(PROVIDER_ID, client, key, KeyHeader.BEARER, requestTimeout, downloadTimeout,
                maxDownloadBytes, ERRORS);
    }

    VendorHttp http() {
        return http;
    }

    /** Checks a model reference's form. */
    static String checkModel(String model) {
        if (model == null) {
            throw new IllegalArgumentException("model must be owner/name, owner/name:version or a version id, was null");
        }
        String base = model.contains(":") ? model.substring(0, model.indexOf(':')) : model;
        String version = model.contains(":") ? model.substring(model.indexOf(':') + 1) : null;
        boolean valid = VERSION.matcher(model).matches()
                || (OFFICIAL.matcher(base).matches() && (version == null || VERSION.matcher(version).matches()));
        if (!valid) {
            throw new IllegalArgumentException("model must be owner/name, owner/name:version or a version id, was "
                    + model);
        }
        return model;
    }

    /**
     * Creates a prediction and returns it as first answered.
     *
     * @param preferWaitSeconds 0 for none, else at most {@link #MAX_PREFER_WAIT_SECONDS}
     */
    JsonNode create(String model, ObjectNode input, int preferWaitSeconds) {
        ObjectNode body = Json.mapper().createObjectNode();
        URI uri;
        if (VERSION.matcher(model).matches() || model.contains(":")) {
            body.put("version", model.contains(":") ? model.substring(model.indexOf(':') + 1) : model);
            uri = uri("/predictions");
        } else {
            uri = uri("/models/" + model + "/predictions");
        }
        body.set("input", input);
        int wait = Math.max(0, Math.min(MAX_PREFER_WAIT_SECONDS, preferWaitSeconds));
        JsonNode prediction = wait > 0 ? http.postJson(uri, body, "Prefer", "wait=" + wait) : http.postJson(uri, body);
        if (prediction.path("id").asText("").isBlank()) {
            throw new TransientVendorException(PROVIDER_ID, "creating a prediction for " + model
                    + " answered without an id", null);
        }
        return prediction;
    }

    /** GETs {@code /predictions/<id>}. */
    JsonNode prediction(String id) {
        return http.getJson(uri("/predictions/" + id));
    }

    /** The first output URL: {@code output} is a URL or a list of them, depending on the model. */
    static URI outputUrl(JsonNode prediction) {
        JsonNode output = prediction.path("output");
        String url = output.isArray() ? output.path(0).asText("") : output.asText("");
        if (url.isBlank()) {
            throw new TransientVendorException(PROVIDER_ID, "prediction " + prediction.path("id").asText()
                    + " succeeded without an output URL", null);
        }
        return URI.create(url);
    }

    /** A failed prediction's error text; a moderation refusal is thrown as {@link ContentRejectedException}. */
    static String failure(JsonNode prediction) {
        String error = ErrorBodies.text(prediction.path("error"));
        String reason = error.isBlank() ? "the prediction failed" : error;
        if (Moderation.soundsLikeRefusal(reason)) {
            throw new ContentRejectedException(PROVIDER_ID, reason, null);
        }
        return reason;
    }

    private URI uri(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
