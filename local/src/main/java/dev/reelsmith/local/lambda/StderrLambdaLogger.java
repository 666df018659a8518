package dev.reelsmith.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code LambdaLogger} handlers get locally: each message on stderr, prefixed with the function name (and the
 * level when one is given), so the output of several functions running in one process stays readable.
 */
final class StderrLambdaLogger implements LambdaLogger {
    private final String prefix;

    StderrLambdaLogger(String functionName) {
        this.prefix = "[" + functionName + "] ";
    }

    @Override
    public void log(String message) {
        write(prefix + message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        write(prefix + (level == null || level == LogLevel.UNDEFINED ? "" : level + " ") + message);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    private static void write(String line) {
        // read System.err on every call: tests and the CLI may redirect it after the function was registered
        PrintStream err = System.err;
        err.println(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
    }
}
