package dev.reelsmith.providers.vendors.http;

/**
 * A vendor's error as its body states it: a machine-readable code where the vendor has one, and its message.
 *
 * @param code    e.g. {@code moderation_blocked} or {@code INVALID_ARGUMENT}; empty when the vendor sends none
 * @param message the vendor's words; empty when the body has none
 */
public record VendorError(String code, String message) {
    public VendorError {
        code = code == null ? "" : code.strip();
        message = message == null ? "" : message.strip();
    }

    /** No code and no message. */
    public static final VendorError NONE = new VendorError("", "");

    /** The code and message as one phrase for exception messages. */
    public String describe() {
        if (code.isEmpty()) {
            return message.isEmpty() ? "(no message)" : message;
        }
        return message.isEmpty() ? code : code + ": " + message;
    }
}
