package dev.reelsmith.providers;

/**
 * Thrown when a vendor rejected a request as malformed or unsupported (HTTP 400/404/422, a duration or ratio the
 * model does not offer, missing credentials): repeating it cannot succeed. Terminal for this tool; the pipeline
 * may fall back to another.
 */
public class InvalidRequestException extends VendorException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String providerId, String message, Throwable cause) {
        super(providerId, message, cause);
    }
}
