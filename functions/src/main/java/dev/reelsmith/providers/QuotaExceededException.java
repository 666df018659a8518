package dev.reelsmith.providers;

/**
 * Thrown when the account is out of credits or over a hard quota (HTTP 402, an exhausted balance, a monthly
 * cap): waiting a few seconds will not help. Terminal for this provider until someone tops up; the pipeline
 * falls back to another tool.
 */
public class QuotaExceededException extends VendorException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String providerId, String message, Throwable cause) {
        super(providerId, message, cause);
    }
}
