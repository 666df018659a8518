package dev.reelsmith.providers.vendors.bedrock;

import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.QuotaExceededException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.text.RetryAfter;
import dev.reelsmith.providers.vendors.http.Moderation;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Maps AWS SDK failures of Bedrock Runtime and S3 calls onto the provider taxonomy: throttling (429,
 * {@code ThrottlingException}, {@code ModelNotReady}) → throttled; {@code ServiceQuotaExceeded} → quota; 408, 424
 * ({@code ModelError}) and 5xx, SDK timeouts and I/O failures → transient; {@code AccessDenied} and missing
 * credentials → not configured; a validation error that names the content filter → content rejected; other 4xx →
 * invalid request.
 */
final class BedrockFailures {
    static final String PROVIDER_ID = "bedrock";

    private BedrockFailures() {
    }

    static RuntimeException classify(String what, RuntimeException e) {
        String detail = what + ": " + e.getMessage();
        if (e instanceof ThrottlingException || (e instanceof AwsServiceException a && a.statusCode() == 429)) {
            OptionalLong wait = retryAfter((AwsServiceException) e);
            return wait.isPresent() ? new ThrottledException(PROVIDER_ID, detail, wait.getAsLong(), e)
                    : new ThrottledException(PROVIDER_ID, detail, e);
        }
        if (e instanceof ServiceQuotaExceededException) {
            return new QuotaExceededException(PROVIDER_ID, detail, e);
        }
        if (e instanceof AccessDeniedException) {
            return new ProviderNotConfiguredException(PROVIDER_ID, detail
                    + " (enable model access and grant the function's role)");
        }
        if (e instanceof ValidationException && Moderation.soundsLikeRefusal(e.getMessage())) {
            return new ContentRejectedException(PROVIDER_ID, e.getMessage(), e);
        }
        if (e instanceof ValidationException || e instanceof ResourceNotFoundException) {
            return new InvalidRequestException(PROVIDER_ID, detail, e);
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            if (status >= 500 || status == 408 || status == 424) {
                return new TransientVendorException(PROVIDER_ID, detail, e);
            }
            if (status == 401 || status == 403) {
                return new ProviderNotConfiguredException(PROVIDER_ID, detail);
            }
            return new InvalidRequestException(PROVIDER_ID, detail, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new TransientVendorException(PROVIDER_ID, what + " timed out: " + e.getMessage(), e);
        }
        if (e instanceof SdkClientException) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return new TransientVendorException(PROVIDER_ID, what + " failed: " + e.getMessage(), e);
                }
            }
            return new ProviderNotConfiguredException(PROVIDER_ID, what + ": " + e.getMessage());
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
