package dev.reelsmith.providers.vendors.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A vendor output that has been verified and moved into place.
 *
 * @param file   the output path it now occupies
 * @param format what its content is
 * @param bytes  its size
 * @param sha256 hex SHA-256 of its content, for the job receipt
 */
public record Delivered(Path file, MediaFormat format, long bytes, String sha256) {
    public Delivered {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive, was " + bytes);
        }
    }
}
