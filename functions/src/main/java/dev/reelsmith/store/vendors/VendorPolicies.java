package dev.reelsmith.store.vendors;

import java.util.Map;
import java.util.Objects;

/**
 * The {@link VendorPolicy} for each provider id, with a fallback for providers not listed.
 *
 * @param byProvider policies keyed by provider id, e.g. {@code runway}; keys must not be blank
 * @param fallback   the policy of every provider not in {@code byProvider}
 */
public record VendorPolicies(Map<String, VendorPolicy> byProvider, VendorPolicy fallback) {
    public VendorPolicies {
        Objects.requireNonNull(byProvider, "byProvider must not be null");
        Objects.requireNonNull(fallback, "fallback must not be null");
        byProvider.forEach((provider, policy) -> {
            if (provider == null || provider.isBlank()) {
                throw new IllegalArgumentException("byProvider keys must not be blank, was '" + provider + "'");
            }
            Objects.requireNonNull(policy, "byProvider[" + provider + "] must not be null");
        });
        byProvider = Map.copyOf(byProvider);
    }

    /** The same policy for every provider. */
    public static VendorPolicies uniform(VendorPolicy policy) {
        return new VendorPolicies(Map.of(), policy);
    }

    /** The policy that applies to {@code providerId}. */
    public VendorPolicy forProvider(String providerId) {
        return byProvider.getOrDefault(providerId, fallback);
    }
}
