package dev.reelsmith.providers;

/**
 * Base of the error taxonomy every generation adapter maps its vendor's failures onto, so the state machine can
 * route on the exception's fully-qualified class name: {@link ThrottledException} and
 * {@link TransientVendorException} are retried with backoff; {@link ContentRejectedException} takes the
 * re-prompt/fallback path; {@link InvalidRequestException} and {@link QuotaExceededException} are terminal for the
 * tool. Messages name the provider and never contain secrets.
 */
public abstract class VendorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String providerId;

    protected VendorException(String providerId, String message, Throwable cause) {
        super(providerId + ": " + message, cause);
        this.providerId = providerId;
    }

    /** The provider that failed, e.g. {@code runway}. */
    public String providerId() {
        return providerId;
    }
}
