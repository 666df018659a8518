package dev.reelsmith.providers.text;

/**
 * Thrown when the vendor failed on its side or did not answer in time: HTTP 5xx, 408, Bedrock
 * {@code InternalServerException}, {@code ServiceUnavailableException}, {@code ModelTimeoutException},
 * {@code ModelNotReadyException}, {@code ModelErrorException}, a connection that failed or timed out, or a
 * response envelope that could not be read. Transient: the same call may well succeed later.
 */
public class TextModelUnavailableException extends TextModelException {
    private static final long serialVersionUID = 1L;

    public TextModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
