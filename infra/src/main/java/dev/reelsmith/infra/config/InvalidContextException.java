package dev.reelsmith.infra.config;

/**
 * Thrown when a CDK context value (from {@code cdk.json} or {@code -c key=value}) is missing its required
 * partner, malformed or out of range. The message names the key, the rule and the value given.
 */
public final class InvalidContextException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidContextException(String message) {
        super(message);
    }
}
