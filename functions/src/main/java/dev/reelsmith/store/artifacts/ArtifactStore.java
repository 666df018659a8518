package dev.reelsmith.store.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The run's files in the artifacts bucket under {@code runs/<runId>/} (DESIGN.md §6): JSON artifacts written by one
 * step and read by the next, media uploaded from and downloaded to a step's working directory, and finals published
 * by copy from a temporary key so no half-written video is ever visible under its final name.
 */
public final class ArtifactStore {
    private final S3Client s3;
    private final String bucket;

    public ArtifactStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /** The artifacts bucket. */
    public String bucket() {
        return bucket;
    }

    /** The key of a run's artifact, e.g. {@code runs/<runId>/script.json}. */
    public static String runKey(String runId, String name) {
        return "runs/" + runId + "/" + name;
    }

    /** Writes a JSON artifact. */
    public void putJson(String key, Object value) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + key, e);
        }
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(bytes));
    }

    /** Reads a JSON artifact as a tree. */
    public JsonNode getJson(String key) {
        return read(key, bytes -> Json.mapper().readTree(bytes));
    }

    /** Reads a JSON artifact as {@code type} (the domain records validate themselves). */
    public <T> T getJson(String key, Class<T> type) {
        return read(key, bytes -> Json.mapper().readValue(bytes, type));
    }

    /** Raw bytes of any object. */
    public byte[] getBytes(String key) {
        return read(key, bytes -> bytes);
    }

    /** Uploads a local file. */
    public long upload(Path file, String key, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downloads an object to a local file (replacing it), via a temporary file so readers never see a partial one. */
    public Path download(String key, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.deleteIfExists(partial);
            s3.getObject(b -> b.bucket(bucket).key(key), partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download s3://" + bucket + "/" + key + " to " + file, e);
        }
    }

    /** The object's size and type, if it exists. */
    public Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** True when the object exists. */
    public boolean exists(String key) {
        return head(key).isPresent();
    }

    /** Server-side copy inside the bucket: how finals are published from their temporary keys. */
    public void copy(String fromKey, String toKey) {
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey));
    }

    /** Deletes an object (missing is fine). */
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    private <T> T read(String key, IoFunction<byte[], T> parse) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        try {
            return parse.apply(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IoFunction<A, B> {
        B apply(A value) throws IOException;
    }
}
