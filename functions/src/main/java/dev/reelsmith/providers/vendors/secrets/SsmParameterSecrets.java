package dev.reelsmith.providers.vendors.secrets;

import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.text.SecretSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Vendor keys from SSM Parameter Store SecureString parameters ({@code GetParameter} with decryption), cached per
 * parameter for a maximum age; for deployments that keep keys in Parameter Store rather than Secrets Manager.
 * Secret names are parameter names, e.g. {@code /reelsmith/runway}. Failures are classified like
 * {@link SecretsManagerSecrets}.
 */
public final class SsmParameterSecrets implements SecretSources {
    private final SsmClient client;
    private final SecretCache cache;

    public SsmParameterSecrets(SsmClient client, Duration maxAge, Clock clock) {
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
                return "SsmParameter(" + secretName + ")";
            }
        };
    }

    private String fetch(String providerId, String name) {
        GetParameterResponse response;
        try {
            response = client.getParameter(r -> r.name(name).withDecryption(true));
        } catch (ParameterNotFoundException e) {
            throw new ProviderNotConfiguredException(providerId, "parameter " + name + " does not exist in SSM");
        } catch (AwsServiceException e) {
            throw SecretsManagerSecrets.SecretFailures.classify(providerId, "parameter " + name, e);
        } catch (SdkClientException e) {
            throw SecretsManagerSecrets.SecretFailures.classify(providerId, "parameter " + name, e);
        }
        if (response.parameter() == null || response.parameter().value() == null) {
            throw new ProviderNotConfiguredException(providerId, "parameter " + name + " has no value");
        }
        return response.parameter().value();
    }
}
