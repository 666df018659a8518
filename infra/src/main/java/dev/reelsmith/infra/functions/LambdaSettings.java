package dev.reelsmith.infra.functions;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.sqs.IQueue;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every {@link PipelineLambda} in a stack shares: the one code asset, the FFmpeg layer and its
 * architecture, the environment, log retention, and the queue that catches failed asynchronous invocations.
 *
 * @param code              the functions jar as a Lambda code asset
 * @param ffmpegLayer       the layer attached to functions that need FFmpeg; empty in stacks without such functions
 * @param ffmpegArchitecture the architecture of functions that need FFmpeg (the layer's binaries are per architecture)
 * @param environment       variables every function gets (function-specific ones are added per function)
 * @param logRetentionDays  CloudWatch Logs retention
 * @param logRemoval        what happens to log groups when the stack is deleted
 * @param asyncFailures     dead-letter queue of functions invoked asynchronously (EventBridge targets)
 * @param reservedConcurrency reserved concurrency by function id, where configured
 */
public record LambdaSettings(Code code, Optional<ILayerVersion> ffmpegLayer, Architecture ffmpegArchitecture,
                             Map<String, String> environment, int logRetentionDays, RemovalPolicy logRemoval,
                             IQueue asyncFailures, Map<String, Integer> reservedConcurrency) {
    public LambdaSettings {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(ffmpegLayer, "ffmpegLayer must not be null");
        Objects.requireNonNull(ffmpegArchitecture, "ffmpegArchitecture must not be null");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment must not be null"));
        Objects.requireNonNull(logRemoval, "logRemoval must not be null");
        Objects.requireNonNull(asyncFailures, "asyncFailures must not be null");
        reservedConcurrency = Map.copyOf(Objects.requireNonNull(reservedConcurrency,
                "reservedConcurrency must not be null"));
    }
}
