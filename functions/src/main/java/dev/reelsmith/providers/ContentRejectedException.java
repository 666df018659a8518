package dev.reelsmith.providers;

/**
 * Thrown when a vendor's content filter refused the prompt or an input image, or moderated the output. Not
 * retried as is: the pipeline re-prompts once with a softened prompt, then falls back to the next tool, then
 * marks the shot failed. {@link #reason()} carries the vendor's own words for the session and the report.
 */
public class ContentRejectedException extends VendorException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public ContentRejectedException(String providerId, String reason, Throwable cause) {
        super(providerId, "content rejected: " + reason, cause);
        this.reason = reason;
    }

    /** The vendor's reason, e.g. its moderation category or failure code. */
    public String reason() {
        return reason;
    }
}
