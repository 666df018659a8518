package dev.reelsmith.domain;

/**
 * The provider to try first for each kind of generation; each may be null (no preference).
 *
 * @param image keyframes
 * @param video clips
 * @param music soundtrack
 * @param text  script writer and planners
 */
public record PreferredProviders(String image, String video, String music, String text) {
    /** No preferences. */
    public static final PreferredProviders NONE = new PreferredProviders(null, null, null, null);

    public PreferredProviders {
        FieldRules rules = FieldRules.under("providerPreferences.preferred");
        rules.providerId("image", image);
        rules.providerId("video", video);
        rules.providerId("music", music);
        rules.providerId("text", text);
    }
}
