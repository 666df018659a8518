package dev.reelsmith.local.lambda;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One function of the local Lambda: its name, the handler class the runtime loads, and the sizing that shapes its
 * {@code Context} (memory limit, and the timeout that sets the remaining time and ends invocations that overrun).
 *
 * @param name the function name, 1 to 64 letters, digits, hyphens or underscores, as in Lambda
 * @param handlerClass the fully-qualified class implementing {@code RequestStreamHandler} or {@code RequestHandler}
 * @param memoryMb the memory setting, 128 to 10240 MB
 * @param timeoutSeconds the function timeout, 1 to 900 seconds
 */
public record LambdaFunction(String name, String handlerClass, int memoryMb, int timeoutSeconds) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** Lambda's defaults for a function created without sizing: 128 MB, 3 seconds. */
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;

    public LambdaFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handlerClass, "handlerClass");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 64 letters, digits, hyphens or underscores, was '"
                    + name + "'");
        }
        if (handlerClass.isBlank()) {
            throw new IllegalArgumentException("handlerClass must not be blank");
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memoryMb must be between 128 and 10240, was " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("timeoutSeconds must be between 1 and 900, was " + timeoutSeconds);
        }
    }

    /** A function with Lambda's default memory and timeout. */
    public static LambdaFunction of(String name, String handlerClass) {
        return new LambdaFunction(name, handlerClass, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS);
    }
}
