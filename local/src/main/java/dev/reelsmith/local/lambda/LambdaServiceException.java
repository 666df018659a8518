package dev.reelsmith.local.lambda;

import java.util.Objects;

/**
 * Thrown when the local Lambda service refuses an Invoke before any handler runs, as the Lambda API does with an
 * HTTP error: the function does not exist ({@code ResourceNotFoundException}, 404), the parameters are invalid
 * ({@code InvalidParameterValueException}, {@code ValidationException}) or the payload is not JSON
 * ({@code InvalidRequestContentException}). Errors raised by handler code are not exceptions but
 * {@link InvocationResult#functionError() function errors}.
 */
public final class LambdaServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;
    private final int statusCode;

    public LambdaServiceException(String errorCode, int statusCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be between 400 and 599, was " + statusCode);
        }
        this.statusCode = statusCode;
    }

    /** The Lambda API error code, e.g. {@code ResourceNotFoundException}. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status Lambda answers with. */
    public int statusCode() {
        return statusCode;
    }

    static LambdaServiceException notFound(String message) {
        return new LambdaServiceException("ResourceNotFoundException", 404, message);
    }

    static LambdaServiceException invalidParameter(String message) {
        return new LambdaServiceException("InvalidParameterValueException", 400, message);
    }
}
