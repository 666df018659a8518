package dev.reelsmith.providers.vendors.secrets;

import dev.reelsmith.providers.text.SecretSource;

/**
 * Where vendor API keys come from, by secret name: Secrets Manager ({@link SecretsManagerSecrets}) or SSM
 * SecureString parameters ({@link SsmParameterSecrets}), both cached with a maximum age.
 */
@FunctionalInterface
public interface SecretSources {
    /**
     * The key for {@code providerId}, stored under {@code secretName}. Nothing is read until the source is asked;
     * a missing secret then surfaces as {@link dev.reelsmith.providers.ProviderNotConfiguredException}.
     */
    SecretSource forVendor(String providerId, String secretName);
}
