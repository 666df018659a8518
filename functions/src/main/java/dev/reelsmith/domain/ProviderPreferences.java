package dev.reelsmith.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constraints on which generation tools a run may use. A null {@code preferred} means no preferences, null lists
 * mean empty, a null {@code qualityPriority} means {@link QualityPriority#BALANCED} and a null
 * {@code allowDowngrade} means false.
 *
 * @param preferred       the provider to try first per kind of generation
 * @param allowed         if not empty, only these providers may be used
 * @param blocked         providers that must never be used
 * @param qualityPriority how to trade cost against quality
 * @param allowDowngrade  whether an over-budget plan may switch to cheaper tools instead of failing
 */
public record ProviderPreferences(PreferredProviders preferred, List<String> allowed, List<String> blocked,
                                  QualityPriority qualityPriority, Boolean allowDowngrade) {
    /** Any provider, balanced quality, no downgrades: the default when a brief says nothing. */
    public static final ProviderPreferences DEFAULT =
            new ProviderPreferences(PreferredProviders.NONE, List.of(), List.of(), QualityPriority.BALANCED, false);

    public ProviderPreferences {
        FieldRules rules = FieldRules.under("providerPreferences");
        preferred = preferred == null ? PreferredProviders.NONE : preferred;
        allowed = rules.providerIds("allowed", allowed);
        blocked = rules.providerIds("blocked", blocked);
        qualityPriority = qualityPriority == null ? QualityPriority.BALANCED : qualityPriority;
        allowDowngrade = allowDowngrade != null && allowDowngrade;
        for (String provider : allowed) {
            if (blocked.contains(provider)) {
                throw rules.fail("blocked", "conflict", "must not contain " + provider + ", which is also allowed");
            }
        }
        for (Map.Entry<String, String> entry : preferredByKind(preferred).entrySet()) {
            String provider = entry.getValue();
            if (blocked.contains(provider)) {
                throw rules.fail("preferred." + entry.getKey(), "conflict",
                        "must not be " + provider + ", which is blocked");
            }
            if (!allowed.isEmpty() && !allowed.contains(provider)) {
                throw rules.fail("preferred." + entry.getKey(), "conflict",
                        "must be one of the allowed providers " + allowed + ", was " + provider);
            }
        }
    }

    /** Whether the planner may use {@code provider} at all. */
    public boolean permits(String provider) {
        return !blocked.contains(provider) && (allowed.isEmpty() || allowed.contains(provider));
    }

    private static Map<String, String> preferredByKind(PreferredProviders preferred) {
        Map<String, String> byKind = new LinkedHashMap<>();
        if (preferred.image() != null) {
            byKind.put("image", preferred.image());
        }
        if (preferred.video() != null) {
            byKind.put("video", preferred.video());
        }
        if (preferred.music() != null) {
            byKind.put("music", preferred.music());
        }
        if (preferred.text() != null) {
            byKind.put("text", preferred.text());
        }
        return byKind;
    }
}
