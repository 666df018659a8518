package dev.reelsmith.providers.vendors.secrets;

import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.text.SecretSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Vendor keys from AWS Secrets Manager ({@code GetSecretValue}, the {@code AWSCURRENT} version), cached per secret
 * for a maximum age (STYLE.md 7). A secret may hold the bare key or a JSON object with an {@code apiKey} field.
 *
 * <p>Failures: a missing secret, a secret without a string value, a KMS decryption failure or access denied →
 * {@link ProviderNotConfiguredException} (the vendor cannot be used until someone fixes the deployment);
 * throttling → {@link ThrottledException}; 5xx and connection failures → {@link TransientVendorException}. No
 * message contains the value.
 */
public final class SecretsManagerSecrets implements SecretSources {
    /** Five minutes: rotation is picked up within that, and a busy container reads a secret rarely. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final SecretCache cache;

    public SecretsManagerSecrets(SecretsManagerClient client, Duration maxAge, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = new SecretCache(maxAge, clock);
    }

    @Override
    public SecretSource forVendor(String providerId, String secretName) {
        Objects.requireNonNull(providerId, "providerId");
        if (secretName == null || secretName.isBlank()) {
            throw new IllegalArgumentException("secretName must not be blank");
        }
        return new SecretSource() {
            @Override
            public String secret() {
                return cache.get(secretName, name -> fetch(providerId, name));
            }

            @Override
            public String toString() {
                return "SecretsManager(" + secretName + ")";
            }
        };
    }

    private String fetch(String providerId, String name) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(r -> r.secretId(name));
        } catch (ResourceNotFoundException e) {
            throw new ProviderNotConfiguredException(providerId, "secret " + name + " does not exist in Secrets Manager");
        } catch (DecryptionFailureException e) {
            throw new ProviderNotConfiguredException(providerId, "secret " + name + " cannot be decrypted ("
                    + e.awsErrorDetails().errorCode() + ")");
        } catch (AwsServiceException e) {
            throw SecretFailures.classify(providerId, "secret " + name, e);
        } catch (SdkClientException e) {
            throw SecretFailures.classify(providerId, "secret " + name, e);
        }
        if (response.secretString() == null) {
            throw new ProviderNotConfiguredException(providerId, "secret " + name + " has no string value");
        }
        return response.secretString();
    }

    /** Shared between the Secrets Manager and SSM sources. */
    static final class SecretFailures {
        private SecretFailures() {
        }

        static RuntimeException classify(String providerId, String what, AwsServiceException e) {
            int status = e.statusCode();
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            String detail = what + ": " + code + " (HTTP " + status + ")";
            if (status == 429 || "ThrottlingException".equals(code)) {
                return new ThrottledException(providerId, detail, e);
            }
            if (status >= 500) {
                return new TransientVendorException(providerId, detail, e);
            }
            return new ProviderNotConfiguredException(providerId, detail);
        }

        static RuntimeException classify(String providerId, String what, SdkClientException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return new TransientVendorException(providerId, what + ": connection failed", e);
                }
            }
            return new ProviderNotConfiguredException(providerId, what + ": " + e.getMessage());
        }
    }
}
