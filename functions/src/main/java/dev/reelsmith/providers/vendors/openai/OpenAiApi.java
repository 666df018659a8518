package dev.reelsmith.providers.vendors.openai;

import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.http.ErrorBodies;
import dev.reelsmith.providers.vendors.http.KeyHeader;
import dev.reelsmith.providers.vendors.http.VendorError;
import dev.reelsmith.providers.vendors.http.VendorErrors;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * OpenAI's REST API as the image and video adapters use it ({@code https://api.openai.com/v1}, Bearer key). Errors
 * are {@code {error: {message, type, param, code}}}: {@code moderation_blocked} ("rejected by the safety system")
 * is a content rejection; {@code insufficient_quota} (sent as 429) and 402 are quota; other 429s are throttling,
 * honouring {@code retry-after-ms} and {@code Retry-After}.
 */
public final class OpenAiApi {
    public static final String PROVIDER_ID = "openai";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");

    static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorError read(String body) {
            return ErrorBodies.nestedError(body);
        }

        @Override
        public boolean contentRejected(int status, VendorError error) {
            return error.code().equals("moderation_blocked") || error.message().contains("safety system");
        }

        @Override
        public boolean quotaExhausted(int status, VendorError error) {
            return status == 402 || error.code().equals("insufficient_quota");
        }
    };

    private final VendorHttp http;
    private final URI baseUrl;

    public OpenAiApi(HttpClient client, URI baseUrl, SecretSource key, Duration requestTimeout, Duration downloadTimeout,
                     long maxDownloadBytes) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = new VendorHttp(PROVIDER_ID, client, key, KeyHeader.BEARER, requestTimeout, downloadTimeout,
                maxDownloadBytes, ERRORS);
    }

    VendorHttp http() {
        return http;
    }

    URI uri(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
