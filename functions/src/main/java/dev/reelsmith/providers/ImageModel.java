package dev.reelsmith.providers;

/**
 * Generates keyframes: the GenerateKeyframe step calls {@link #generate} once per shot, and the result is the
 * first frame (and optionally last frame) a {@link VideoModel} animates. Image generation is synchronous at
 * every vendor we support, so there is no job protocol here; one instance serves one model.
 *
 * <p>Implementations throw unchecked exceptions on failure; nothing is retried inside (Step Functions owns
 * retries).
 */
public interface ImageModel {
    /** The provider, e.g. {@code "local"}; recorded with every asset and cost entry. */
    String providerId();

    /** The model within the provider, as the tool catalog names it. */
    String modelId();

    /** Generates one image and writes it to {@code request.output()}. */
    ImageResult generate(ImageRequest request);
}
