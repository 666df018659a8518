package dev.reelsmith.providers.vendors.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link ImageLinks} on S3: the image is stored under {@code prefix} in {@code bucket}, named by its SHA-256 (the
 * same keyframe uploaded twice is one object), and shared through a presigned GET URL that expires after
 * {@code expiry}. The bucket stays private; a lifecycle rule on the prefix should delete the copies.
 */
public final class S3ImageLinks implements ImageLinks {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final Duration expiry;

    /**
     * @param expiry at least one hour (vendors fetch inputs late in their queue) and at most seven days (the SigV4
     *               limit)
     */
    public S3ImageLinks(S3Client s3, S3Presigner presigner, String bucket, String prefix, Duration expiry) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must not be blank");
        }
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        if (expiry.compareTo(Duration.ofHours(1)) < 0 || expiry.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("expiry must be between 1 h and 7 days, was " + expiry);
        }
        this.expiry = expiry;
    }

    @Override
    public URI link(Path image, String mimeType) {
        String extension = mimeType.equals("image/jpeg") ? "jpg" : mimeType.substring(mimeType.indexOf('/') + 1);
        String key = prefix + OutputFiles.sha256(image) + "." + extension;
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(mimeType), RequestBody.fromFile(image));
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(expiry)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
    }
}
