package dev.reelsmith.providers.vendors.http;

import dev.reelsmith.providers.text.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How one vendor states errors: where its code and message sit in an error body, which answers mean the content
 * filter refused, which mean the account has run out, and how long it asks callers to wait. {@link VendorHttp}
 * applies the status-code rules common to all vendors around these.
 */
public interface VendorErrors {
    /** The code and message in an error body (any shape, possibly empty or not JSON); never null. */
    VendorError read(String body);

    /** Whether this answer is a moderation refusal (sent as an HTTP error by some vendors). */
    default boolean contentRejected(int status, VendorError error) {
        return false;
    }

    /** Whether this answer means credit or a hard quota is exhausted. */
    default boolean quotaExhausted(int status, VendorError error) {
        return status == 402;
    }

    /**
     * Whole seconds the vendor asked to wait: {@code retry-after-ms} (OpenAI's gateway) or {@code Retry-After}
     * (seconds or an HTTP-date).
     */
    default OptionalLong retryAfter(HttpHeaders headers, VendorError error, Instant now) {
        OptionalLong millis = RetryAfter.secondsFromMillis(headers.firstValue("retry-after-ms").orElse(null));
        return millis.isPresent() ? millis : RetryAfter.seconds(headers.firstValue("retry-after").orElse(null), now);
    }
}
