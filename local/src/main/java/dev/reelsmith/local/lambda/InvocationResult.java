package dev.reelsmith.local.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What Lambda's Invoke API returns: the HTTP status (200 for RequestResponse, 202 for Event, 204 for DryRun), the
 * request id, the version that ran, and the payload: the handler's output, or, when {@link #functionError()} is
 * present ({@code Unhandled}), the runtime's error document {@code {"errorMessage","errorType","stackTrace"}}.
 *
 * @param statusCode 200, 202 or 204
 * @param requestId the invocation's request id, also the handler's {@code Context.getAwsRequestId()}
 * @param executedVersion the version that ran; always {@code $LATEST} locally
 * @param payload the response bytes (empty for Event and DryRun)
 * @param functionError {@code Unhandled} when the handler failed, otherwise empty
 */
public record InvocationResult(int statusCode, String requestId, String executedVersion, byte[] payload,
                               Optional<String> functionError) {
    public InvocationResult {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(executedVersion, "executedVersion");
        Objects.requireNonNull(functionError, "functionError");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
