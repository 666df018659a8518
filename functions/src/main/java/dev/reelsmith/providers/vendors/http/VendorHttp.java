package dev.reelsmith.providers.vendors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.QuotaExceededException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VendorException;
import dev.reelsmith.providers.text.SecretSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One vendor's REST API as the adapters use it: JSON calls with the vendor's key header (read from a
 * {@link SecretSource} on every call, never logged, redacted from any echoed error text), error answers classified
 * into the provider taxonomy, and verified downloads of outputs.
 *
 * <p>Status rules common to all vendors, after the vendor's own {@link VendorErrors} rules (moderation refusal →
 * {@link ContentRejectedException}, exhausted credit → {@link QuotaExceededException}): 429 →
 * {@link ThrottledException} with the vendor's delay; 401/403 → {@link ProviderNotConfiguredException}; 408, 409,
 * 425 and 5xx → {@link TransientVendorException}; any other 4xx → {@link InvalidRequestException}. Timeouts and
 * connection failures are transient.
 *
 * <p>Thread-safe; one per adapter.
 */
public final class VendorHttp {
    private static final int MAX_ERROR_TEXT = 500;
    private static final int MAX_REDIRECTS = 5;
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final String providerId;
    private final HttpClient client;
    private final SecretSource key;
    private final KeyHeader keyHeader;
    private final Duration requestTimeout;
    private final Duration downloadTimeout;
    private final long maxDownloadBytes;
    private final VendorErrors errors;
    private final Map<String, String> fixedHeaders;

    /**
     * @param providerId       named in every exception
     * @param client           built once per container, without redirects (see {@link #newClient})
     * @param key              the API key's source
     * @param keyHeader        where the key goes
     * @param requestTimeout   how long an API call may take
     * @param downloadTimeout  how long an output download may take to start answering
     * @param maxDownloadBytes largest output accepted
     * @param errors           the vendor's error conventions
     */
    public VendorHttp(String providerId, HttpClient client, SecretSource key, KeyHeader keyHeader,
                      Duration requestTimeout, Duration downloadTimeout, long maxDownloadBytes, VendorErrors errors) {
        this(providerId, client, key, keyHeader, requestTimeout, downloadTimeout, maxDownloadBytes, errors, Map.of());
    }

    private VendorHttp(String providerId, HttpClient client, SecretSource key, KeyHeader keyHeader,
                       Duration requestTimeout, Duration downloadTimeout, long maxDownloadBytes, VendorErrors errors,
                       Map<String, String> fixedHeaders) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.client = Objects.requireNonNull(client, "client");
        this.key = Objects.requireNonNull(key, "key");
        this.keyHeader = Objects.requireNonNull(keyHeader, "keyHeader");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.downloadTimeout = Objects.requireNonNull(downloadTimeout, "downloadTimeout");
        this.maxDownloadBytes = maxDownloadBytes;
        this.errors = Objects.requireNonNull(errors, "errors");
        this.fixedHeaders = Map.copyOf(fixedHeaders);
    }

    /**
     * The HTTP client adapters share: the given connect timeout, no automatic redirects (a redirected call would
     * resend the key to another host; downloads follow redirects themselves and drop the key when the host
     * changes), HTTP/1.1.
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The same API with a header sent on every call, e.g. {@code X-Runway-Version}. */
    public VendorHttp withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(fixedHeaders);
        headers.put(name, value);
        return new VendorHttp(providerId, client, key, keyHeader, requestTimeout, downloadTimeout, maxDownloadBytes,
                errors, headers);
    }

    public String providerId() {
        return providerId;
    }

    /** GETs JSON. */
    public JsonNode getJson(URI uri) {
        return call(request(uri).GET());
    }

    /** DELETEs, ignoring the answer's body. */
    public void delete(URI uri) {
        call(request(uri).DELETE());
    }

    /**
     * POSTs a JSON body and reads a JSON answer.
     *
     * @param extraHeaders name, value, name, value, … sent with this call only
     */
    public JsonNode postJson(URI uri, JsonNode body, String... extraHeaders) {
        String text;
        try {
            text = COMPACT.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the request to " + providerId, e);
        }
        HttpRequest.Builder builder = request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            builder.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return call(builder);
    }

    /** POSTs a multipart form and reads a JSON answer. */
    public JsonNode postMultipart(URI uri, Multipart form) {
        return call(request(uri).header("Content-Type", form.contentType()).POST(form.publisher()));
    }

    /**
     * Downloads an output to {@code output}: follows up to five redirects (the key is sent only to the first host,
     * and only when {@code sendKey}), streams into a temporary file, checks the byte count against
     * {@code Content-Length} and the content with {@link MediaCheck}, then moves it into place.
     *
     * @throws TransientVendorException on a timeout, a broken or short transfer, or content that is not a whole
     *                                  {@code kind} file
     */
    public Delivered download(URI uri, Path output, MediaKind kind, boolean sendKey) {
        Path temp = OutputFiles.tempBeside(output);
        try {
            URI current = uri;
            String secret = sendKey ? secret() : "";
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(downloadTimeout).GET();
                boolean sameHost = Objects.equals(current.getHost(), uri.getHost())
                        && Objects.equals(current.getScheme(), uri.getScheme()) && current.getPort() == uri.getPort();
                if (sendKey && sameHost) {
                    builder.header(keyHeader.name(), keyHeader.prefix() + secret);
                    fixedHeaders.forEach(builder::header);
                }
                HttpResponse<InputStream> response = send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                    response.body().close();
                    String location = response.headers().firstValue("location").orElseThrow(
                            () -> new TransientVendorException(providerId, "a redirect without a Location header while"
                                    + " downloading the " + kind.label(), null));
                    current = current.resolve(location);
                    continue;
                }
                if (status / 100 != 2) {
                    String body;
                    try (InputStream in = response.body()) {
                        body = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
                    }
                    throw classify(status, response.headers(), body, secret, "downloading the " + kind.label());
                }
                OptionalLong expected = response.headers().firstValueAsLong("content-length");
                long copied = copy(response.body(), temp, kind);
                if (expected.isPresent() && copied != expected.getAsLong()) {
                    throw new TransientVendorException(providerId, "the " + kind.label() + " download was truncated: "
                            + copied + " of " + expected.getAsLong() + " bytes arrived", null);
                }
                return OutputFiles.publish(providerId, temp, output, kind);
            }
            throw new TransientVendorException(providerId, "more than " + MAX_REDIRECTS + " redirects while downloading"
                    + " the " + kind.label(), null);
        } catch (IOException e) {
            throw new TransientVendorException(providerId, "the " + kind.label() + " download failed: " + e, e);
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
    }

    private long copy(InputStream body, Path temp, MediaKind kind) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxDownloadBytes) {
                    throw new TransientVendorException(providerId, "the " + kind.label() + " is larger than "
                            + maxDownloadBytes + " bytes; refusing it", null);
                }
                out.write(buffer, 0, n);
            }
            return total;
        } catch (IOException e) {
            // the JDK reports a body shorter than its Content-Length this way
            throw new TransientVendorException(providerId, "the " + kind.label() + " download was truncated after "
                    + total + " bytes (" + e.getMessage() + ")", e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json");
        fixedHeaders.forEach(builder::header);
        return builder;
    }

    private JsonNode call(HttpRequest.Builder builder) {
        String secret = secret();
        HttpRequest request = builder.header(keyHeader.name(), keyHeader.prefix() + secret).build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String what = request.method() + " " + request.uri().getPath();
        if (response.statusCode() / 100 != 2) {
            throw classify(response.statusCode(), response.headers(), response.body(), secret, what);
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? Json.mapper().createObjectNode() : node;
        } catch (JsonProcessingException e) {
            throw new TransientVendorException(providerId, what + " answered " + response.statusCode()
                    + " with a body that is not JSON", null);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        String what = request.method() + " " + request.uri().getPath();
        try {
            return client.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new TransientVendorException(providerId, what + " timed out (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TransientVendorException(providerId, what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientVendorException(providerId, what + " was interrupted", e);
        }
    }

    /** The error taxonomy for one HTTP answer, by the rules on the class. */
    public VendorException classify(int status, HttpHeaders headers, String body, String secret, String what) {
        VendorError error = errors.read(body == null ? "" : body);
        String detail = what + ": HTTP " + status + " " + abbreviate(redact(error.describe(), secret));
        if (errors.contentRejected(status, error)) {
            return new ContentRejectedException(providerId, abbreviate(redact(error.describe(), secret)), null);
        }
        if (errors.quotaExhausted(status, error)) {
            return new QuotaExceededException(providerId, detail, null);
        }
        if (status == 429) {
            OptionalLong wait = errors.retryAfter(headers, error, Instant.now());
            return wait.isPresent() ? new ThrottledException(providerId, detail, wait.getAsLong(), null)
                    : new ThrottledException(providerId, detail, null);
        }
        if (status == 401 || status == 403) {
            return new ProviderNotConfiguredException(providerId, detail + " (check the API key in its secret)");
        }
        if (status == 408 || status == 409 || status == 425 || status >= 500) {
            return new TransientVendorException(providerId, detail, null);
        }
        return new InvalidRequestException(providerId, detail, null);
    }

    private String secret() {
        String value = key.secret();
        if (value == null || value.isBlank()) {
            throw new ProviderNotConfiguredException(providerId, "the API key is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                // say where, never what: the value must not reach a log
                throw new ProviderNotConfiguredException(providerId, "the API key contains a character that is not"
                        + " printable ASCII at position " + (i + 1));
            }
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }

    /** Vendors echo keys in auth errors; whatever they echo goes no further. */
    static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "****");
    }
}
