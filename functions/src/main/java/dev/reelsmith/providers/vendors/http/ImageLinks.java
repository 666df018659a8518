package dev.reelsmith.providers.vendors.http;

import java.net.URI;
import java.nio.file.Path;

/**
 * Turns a local keyframe into an HTTPS URL a vendor can fetch, for vendors that accept images only by URL (Luma's
 * Dream Machine API) or when an image is too large to send inline. The link must stay valid for at least an hour.
 */
@FunctionalInterface
public interface ImageLinks {
    /**
     * @param image    a verified local image
     * @param mimeType its type, e.g. {@code image/png}
     * @return a fetchable HTTPS URL
     */
    URI link(Path image, String mimeType);
}
