package dev.reelsmith.local.cloud.awsjson;

import java.util.Map;
import java.util.Objects;

/**
 * Thrown by an {@link AwsJsonService} to answer with an AWS error: HTTP {@code status} (400 unless said otherwise)
 * and the body {@code {"__type": "<namespace>#<code>", "message": "..."}}, plus any extra response headers (SQS's
 * {@code x-amzn-query-error}).
 */
public final class AwsServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final int status;
    private final transient Map<String, String> headers;

    public AwsServiceException(String code, String message) {
        this(code, message, 400, Map.of());
    }

    public AwsServiceException(String code, String message, int status, Map<String, String> headers) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599, was " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** The error code clients map to an exception class, e.g. {@code ExecutionAlreadyExists}. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** {@code ValidationException} with AWS's wording for a missing or malformed member. */
    public static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", message);
    }
}
