package dev.reelsmith.providers.vendors.http;

import dev.reelsmith.providers.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Hands a local keyframe to a vendor that takes images by URL: as a {@code data:} URI when it is small enough for
 * the vendor's inline limit, otherwise through {@link ImageLinks}.
 */
public final class InlineImages {
    private InlineImages() {
    }

    /**
     * @param maxDataUriBytes the vendor's limit on the whole data URI (base64 grows the image by a third)
     * @param links           how to share a larger image; empty when the deployment has none
     * @throws InvalidRequestException when the image is too large to inline and there is no way to link it
     */
    public static String reference(String providerId, Path image, long maxDataUriBytes, Optional<ImageLinks> links) {
        return reference(providerId, image, maxDataUriBytes, maxDataUriBytes, links);
    }

    /**
     * Like {@link #reference(String, Path, long, Optional)}, but links images larger than {@code preferLinkAbove}
     * bytes when links are available (vendors that recommend URLs for larger inputs, such as Replicate above
     * 256 KB), still inlining them when there are none.
     */
    public static String reference(String providerId, Path image, long preferLinkAbove, long maxDataUriBytes,
                                   Optional<ImageLinks> links) {
        MediaFormat format = MediaCheck.verify(providerId, image, MediaKind.IMAGE);
        try {
            long size = Files.size(image);
            long encoded = 4 * ((size + 2) / 3) + ("data:" + format.mimeType() + ";base64,").length();
            boolean linkFirst = links.isPresent() && size > preferLinkAbove;
            if (!linkFirst && encoded <= maxDataUriBytes) {
                return "data:" + format.mimeType() + ";base64,"
                        + Base64.getEncoder().encodeToString(Files.readAllBytes(image));
            }
            if (links.isPresent()) {
                URI link = links.get().link(image, format.mimeType());
                return link.toString();
            }
            throw new InvalidRequestException(providerId, "keyframe " + image.getFileName() + " is " + size
                    + " bytes, too large to send inline, and no image link store is configured", null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keyframe " + image, e);
        }
    }
}
