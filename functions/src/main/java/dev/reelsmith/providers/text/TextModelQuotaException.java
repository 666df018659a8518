package dev.reelsmith.providers.text;

/**
 * Thrown when the account is out of money or over a hard quota: OpenAI 429 {@code insufficient_quota} or 402,
 * Bedrock {@code ServiceQuotaExceededException}. Terminal: retrying does not help until someone raises the quota
 * or pays the bill.
 */
public class TextModelQuotaException extends TextModelException {
    private static final long serialVersionUID = 1L;

    public TextModelQuotaException(String message, Throwable cause) {
        super(message, cause);
    }
}
