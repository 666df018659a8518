package dev.reelsmith.providers.vendors.bedrock;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/prefix} location, as Bedrock's async output configuration takes and returns it.
 *
 * @param bucket the bucket name
 * @param key    the key or prefix, without a leading slash; may be empty
 */
public record S3Location(String bucket, String key) {
    private static final Pattern URI = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?");

    public S3Location {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must not be blank");
        }
        key = key == null ? "" : key;
    }

    /**
     * Parses {@code s3://bucket/prefix}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static S3Location parse(String uri) {
        Matcher matcher = uri == null ? null : URI.matcher(uri.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("an S3 location must look like s3://bucket/prefix, was " + uri);
        }
        return new S3Location(matcher.group(1), matcher.group(2));
    }

    /** This location with {@code child} appended after a slash. */
    public S3Location resolve(String child) {
        String base = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        return new S3Location(bucket, base + child);
    }

    /** {@code s3://bucket/key}. */
    public String uri() {
        return "s3://" + bucket + (key.isEmpty() ? "" : "/" + key);
    }
}
