package dev.reelsmith.providers;

/**
 * Thrown when a plan names a provider or model this deployment has no adapter or no credentials for. Terminal for
 * the tool: the pipeline falls back to the next alternative the planner ranked.
 */
public class ProviderNotConfiguredException extends VendorException {
    private static final long serialVersionUID = 1L;

    public ProviderNotConfiguredException(String providerId, String message) {
        super(providerId, message, null);
    }
}
