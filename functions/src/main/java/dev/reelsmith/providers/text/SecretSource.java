package dev.reelsmith.providers.text;

import java.util.Objects;

/**
 * Where an adapter gets an API key when it needs one. Asked on every call, so an implementation that caches a
 * Secrets Manager value with a maximum age picks up a rotated key without a redeploy (STYLE.md 7: secrets never
 * come from environment variables). Adapters never log the value or put it into an exception message.
 */
@FunctionalInterface
public interface SecretSource {
    /**
     * The current secret.
     *
     * @throws RuntimeException when it cannot be read; adapters let that propagate unchanged
     */
    String secret();

    /**
     * A fixed secret, for tests and local runs. Its {@code toString} does not reveal the value.
     */
    static SecretSource fixed(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SecretSource() {
            @Override
            public String secret() {
                return secret;
            }

            @Override
            public String toString() {
                return "SecretSource.fixed(****)";
            }
        };
    }
}
