package dev.reelsmith.providers.vendors.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.providers.vendors.http.Delivered;
import dev.reelsmith.providers.vendors.http.ImageSize;
import dev.reelsmith.providers.vendors.http.JobReceipt;
import dev.reelsmith.providers.vendors.http.MediaCheck;
import dev.reelsmith.providers.vendors.http.MediaFormat;
import dev.reelsmith.providers.vendors.http.MediaKind;
import dev.reelsmith.providers.vendors.http.Moderation;
import dev.reelsmith.providers.vendors.http.Mp4Header;
import dev.reelsmith.providers.vendors.http.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Clips from Luma Ray 2 on Amazon Bedrock ({@code luma.ray-v2:0}): {@code StartAsyncInvoke} with the output written
 * by Bedrock to our own bucket, {@code GetAsyncInvoke} to poll, and on success the vendor-written MP4 copied from S3
 * to {@link VideoJob#output()}.
 *
 * <p>The model input is {@code prompt}, {@code aspect_ratio}, {@code duration} ({@code "5s"} for requests up to 5 s,
 * else {@code "9s"}), {@code resolution} ({@code "540p"} when the request's shorter side is at most 540 pixels, else
 * {@code "720p"}), {@code loop: false}, and the keyframes inline as base64 ({@code frame0}, plus {@code frame1} when
 * the request has a last frame). Ray 2 takes no seed and no negative prompt. The {@code clientRequestToken} is the
 * SHA-256 of the model id, the model input and the output location, so a repeated start (the same event twice)
 * returns the same invocation instead of paying twice.
 *
 * <p>Bedrock writes {@code output.mp4} into a folder named by the invocation id under the output location; the poll
 * reads {@code <returned s3Uri>/output.mp4}, then {@code <s3Uri>/<invocation id>/output.mp4}, then the first
 * {@code .mp4} under the prefix. A failed invocation whose {@code failureMessage} names the content filter is a
 * {@link ContentRejectedException}; any other failure is answered {@code FAILED}.
 *
 * <p>Cost: the billed duration (5 or 9 s) at the price for the delivered resolution, read from the MP4 header
 * (VENDORS.md §1a, unverified launch figures: $0.75/s at 540p, $1.50/s at 720p).
 */
public final class BedrockLumaRayVideoModel implements VideoModel {
    public static final String PROVIDER_ID = BedrockFailures.PROVIDER_ID;
    public static final String MODEL_ID = "luma.ray-v2:0";
    /** Price per second at 540p (VENDORS.md §1a, launch figure, unverified). */
    public static final BigDecimal PRICE_540P = new BigDecimal("0.75");
    /** Price per second at 720p (VENDORS.md §1a, launch figure, unverified). */
    public static final BigDecimal PRICE_720P = new BigDecimal("1.50");

    static final int MAX_PROMPT_CHARS = 5_000;
    static final int POLL_SECONDS = 15;

    private final BedrockRuntimeClient bedrock;
    private final S3Client s3;
    private final S3Location outputRoot;

    /**
     * @param bedrock    a Bedrock Runtime client in the model's region (us-west-2), retries off
     * @param s3         an S3 client that can read {@code outputRoot}
     * @param outputRoot where Bedrock writes results, e.g. {@code s3://artifacts/bedrock-async/}
     */
    public BedrockLumaRayVideoModel(BedrockRuntimeClient bedrock, S3Client s3, S3Location outputRoot) {
        this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.outputRoot = Objects.requireNonNull(outputRoot, "outputRoot");
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /** The billed clip length for a requested one: Ray 2 makes 5 s or 9 s clips. */
    static int billedSeconds(double requested) {
        return requested <= 5 ? 5 : 9;
    }

    @Override
    public VideoJob start(VideoRequest request) {
        if (request.prompt().length() > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException(PROVIDER_ID, MODEL_ID + ": the prompt has " + request.prompt().length()
                    + " characters, more than the " + MAX_PROMPT_CHARS + " the model accepts", null);
        }
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("prompt", request.prompt());
        input.put("aspect_ratio", request.aspect().label());
        input.put("loop", false);
        input.put("duration", billedSeconds(request.durationSeconds()) + "s");
        input.put("resolution", Math.min(request.width(), request.height()) <= 540 ? "540p" : "720p");
        ObjectNode keyframes = input.putObject("keyframes");
        keyframes.set("frame0", keyframe(request.firstFrame()));
        if (request.lastFrame() != null) {
            keyframes.set("frame1", keyframe(request.lastFrame()));
        }
        String token = OutputFiles.sha256((MODEL_ID + "\n" + input + "\n" + outputRoot.uri())
                .getBytes(StandardCharsets.UTF_8));
        StartAsyncInvokeResponse response;
        try {
            response = bedrock.startAsyncInvoke(r -> r.modelId(MODEL_ID)
                    .clientRequestToken(token)
                    .modelInput(BedrockDocuments.of(input))
                    .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri(outputRoot.uri()))));
        } catch (RuntimeException e) {
            throw BedrockFailures.classify("StartAsyncInvoke " + MODEL_ID, e);
        }
        return new VideoJob(PROVIDER_ID, MODEL_ID, response.invocationArn(), request.output(),
                request.durationSeconds());
    }

    private static ObjectNode keyframe(Path image) {
        MediaFormat format = MediaCheck.verify(PROVIDER_ID, image, MediaKind.IMAGE);
        byte[] data;
        try {
            data = Files.readAllBytes(image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keyframe " + image, e);
        }
        ObjectNode frame = Json.mapper().createObjectNode();
        frame.put("type", "image");
        ObjectNode source = frame.putObject("source");
        source.put("type", "base64");
        source.put("media_type", format.mimeType());
        source.put("data", Base64.getEncoder().encodeToString(data));
        return frame;
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Optional<JobReceipt> receipt = JobReceipt.find(job.output(), PROVIDER_ID, MODEL_ID, job.jobId());
        if (receipt.isPresent()) {
            return VideoJobStatus.succeeded(job.output(), receipt.get().cost());
        }
        GetAsyncInvokeResponse invocation;
        try {
            invocation = bedrock.getAsyncInvoke(r -> r.invocationArn(job.jobId()));
        } catch (RuntimeException e) {
            throw BedrockFailures.classify("GetAsyncInvoke", e);
        }
        switch (invocation.status()) {
            case IN_PROGRESS:
                return VideoJobStatus.running(POLL_SECONDS);
            case FAILED: {
                String message = invocation.failureMessage() == null ? "the invocation failed without a message"
                        : invocation.failureMessage();
                if (Moderation.soundsLikeRefusal(message)) {
                    throw new ContentRejectedException(PROVIDER_ID, message, null);
                }
                return VideoJobStatus.failed(message);
            }
            case COMPLETED:
                return completed(job, invocation);
            default:
                throw new TransientVendorException(PROVIDER_ID, "GetAsyncInvoke answered status "
                        + invocation.statusAsString(), null);
        }
    }

    private VideoJobStatus completed(VideoJob job, GetAsyncInvokeResponse invocation) {
        String returned = invocation.outputDataConfig() != null
                && invocation.outputDataConfig().s3OutputDataConfig() != null
                ? invocation.outputDataConfig().s3OutputDataConfig().s3Uri() : outputRoot.uri();
        S3Location folder = S3Location.parse(returned);
        String invocationId = job.jobId().substring(job.jobId().lastIndexOf('/') + 1);
        List<S3Location> candidates = new ArrayList<>();
        candidates.add(folder.resolve("output.mp4"));
        if (!folder.key().replaceAll("/+$", "").endsWith(invocationId)) {
            candidates.add(folder.resolve(invocationId + "/output.mp4"));
        }
        Delivered delivered = null;
        for (S3Location candidate : candidates) {
            delivered = copy(candidate, job.output());
            if (delivered != null) {
                break;
            }
        }
        if (delivered == null) {
            S3Location listed = firstMp4Under(folder);
            delivered = listed == null ? null : copy(listed, job.output());
        }
        if (delivered == null) {
            throw new TransientVendorException(PROVIDER_ID, "the invocation completed but no MP4 was found under "
                    + folder.uri(), null);
        }
        int seconds = billedSeconds(job.durationSeconds());
        Optional<ImageSize> frame = Mp4Header.videoSize(delivered.file());
        boolean is540 = frame.isPresent() && Math.min(frame.get().width(), frame.get().height()) <= 600;
        Cost cost = Cost.of(BigDecimal.valueOf(seconds), Cost.SECOND, is540 ? PRICE_540P : PRICE_720P);
        JobReceipt.of(PROVIDER_ID, MODEL_ID, job.jobId(), delivered, cost).writeFor(job.output());
        return VideoJobStatus.succeeded(job.output(), cost);
    }

    /** Copies an S3 object to {@code output} through a verified temporary file; null when there is no such object. */
    private Delivered copy(S3Location from, Path output) {
        Path temp = OutputFiles.tempBeside(output);
        try {
            long expected;
            long copied = 0;
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(from.bucket()).key(from.key()));
                 OutputStream out = Files.newOutputStream(temp)) {
                expected = in.response().contentLength() == null ? -1 : in.response().contentLength();
                copied = transfer(in, out);
            } catch (NoSuchKeyException e) {
                return null;
            } catch (IOException e) {
                throw new TransientVendorException(PROVIDER_ID, "copying " + from.uri() + " failed after " + copied
                        + " bytes: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw BedrockFailures.classify("GetObject " + from.uri(), e);
            }
            if (expected >= 0 && copied != expected) {
                throw new TransientVendorException(PROVIDER_ID, "copying " + from.uri() + " was truncated: " + copied
                        + " of " + expected + " bytes", null);
            }
            return OutputFiles.publish(PROVIDER_ID, temp, output, MediaKind.VIDEO);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a stray .part file is harmless
            }
        }
    }

    private static long transfer(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private S3Location firstMp4Under(S3Location folder) {
        try {
            String prefix = folder.key().isEmpty() || folder.key().endsWith("/") ? folder.key() : folder.key() + "/";
            for (S3Object object : s3.listObjectsV2(r -> r.bucket(folder.bucket()).prefix(prefix)).contents()) {
                if (object.key().endsWith(".mp4")) {
                    return new S3Location(folder.bucket(), object.key());
                }
            }
            return null;
        } catch (RuntimeException e) {
            throw BedrockFailures.classify("ListObjectsV2 " + folder.uri(), e);
        }
    }
}
