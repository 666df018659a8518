package dev.reelsmith.providers.text;

/**
 * Thrown when the vendor rejected the call itself: an invalid request (HTTP 400/404/422, Bedrock
 * {@code ValidationException}, {@code ResourceNotFoundException}, a prompt longer than the model's context
 * window), or missing or wrong credentials and permissions (401/403, {@code AccessDeniedException}). Terminal:
 * the same request fails the same way until the configuration or the prompt changes.
 */
public class TextModelRequestException extends TextModelException {
    private static final long serialVersionUID = 1L;

    public TextModelRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
