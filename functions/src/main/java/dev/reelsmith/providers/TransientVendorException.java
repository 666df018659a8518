package dev.reelsmith.providers;

/**
 * Thrown when a vendor call failed in a way that may succeed if repeated: HTTP 5xx, a connection reset, a read
 * timeout, a truncated download, or a job the vendor reports as failed for internal reasons. Retried by the
 * state machine with exponential backoff and jitter.
 */
public class TransientVendorException extends VendorException {
    private static final long serialVersionUID = 1L;

    public TransientVendorException(String providerId, String message, Throwable cause) {
        super(providerId, message, cause);
    }
}
