package dev.reelsmith.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned S3 URLs: GETs for a session's artifacts (valid {@link #GET_VALIDITY}) and the PUT a client uploads a
 * song with. The PUT signs the content type and the object metadata naming the session and its owner, so the upload
 * can only land as the session it was issued for; the client must send exactly the headers listed with it.
 */
final class Links {
    static final Duration GET_VALIDITY = Duration.ofHours(1);
    static final Duration PUT_VALIDITY = Duration.ofHours(1);

    private final Supplier<S3Presigner> presigner;

    Links(Supplier<S3Presigner> presigner) {
        this.presigner = presigner;
    }

    /** A presigned upload: the method, URL, headers to send and when it stops working. */
    record Upload(String method, String url, Map<String, String> headers, Instant expiresAt) {
    }

    String get(String bucket, String key) {
        return presigner.get().presignGetObject(p -> p.signatureDuration(GET_VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }

    Upload put(String bucket, String key, String contentType, Map<String, String> metadata) {
        PresignedPutObjectRequest put = presigner.get().presignPutObject(p -> p.signatureDuration(PUT_VALIDITY)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).metadata(metadata)));
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : put.signedHeaders().entrySet()) {
            // the HTTP client sets Host from the URL itself
            if (!header.getKey().equalsIgnoreCase("host")) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return new Upload("PUT", put.url().toString(), headers, put.expiration());
    }

    /**
     * A presigner configured like the pipeline's S3 clients: the region and credentials of the environment, and,
     * when an endpoint override is set ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL} or their system
     * properties), that endpoint with path-style addressing (local emulators).
     */
    static S3Presigner presignerFromEnvironment() {
        String endpoint = setting("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3");
        if (endpoint == null) {
            endpoint = setting("AWS_ENDPOINT_URL", "aws.endpointUrl");
        }
        S3Presigner.Builder builder = S3Presigner.builder();
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    private static String setting(String env, String property) {
        String value = System.getenv(env);
        return value != null && !value.isBlank() ? value : System.getProperty(property);
    }
}
