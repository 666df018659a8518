package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.time.Cancellable;
import dev.reelsmith.local.asl.time.EngineClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The task tokens of {@code .waitForTaskToken} tasks that are waiting for SendTaskSuccess, SendTaskFailure or
 * SendTaskHeartbeat. A token leaves the registry when its task ends in any way, after which callbacks for it fail
 * with TaskTimedOut, as in AWS.
 */
final class TokenRegistry {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{128}");
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final EngineClock clock;
    private final Executor work;

    TokenRegistry(EngineClock clock, Executor work) {
        this.clock = clock;
        this.work = work;
    }

    String newToken() {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** A task waiting for its callback; {@link #result} completes with the output or a {@link Signals.StateError}. */
    final class Waiter {
        final String token;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        private final Integer heartbeatSeconds;
        private final BooleanSupplier open;
        private Cancellable heartbeat;

        private Waiter(String token, Integer heartbeatSeconds, BooleanSupplier open) {
            this.token = token;
            this.heartbeatSeconds = heartbeatSeconds;
            this.open = open;
        }

        private synchronized void beat() {
            if (heartbeat != null) {
                heartbeat.cancel();
            }
            if (heartbeatSeconds != null && !result.isDone()) {
                heartbeat = clock.schedule(Duration.ofSeconds(heartbeatSeconds), () -> work.execute(() ->
                        result.completeExceptionally(new Signals.StateError(
                                dev.reelsmith.local.asl.definition.StatesErrors.HEARTBEAT_TIMEOUT, "", true))));
            }
        }

        synchronized void close() {
            if (heartbeat != null) {
                heartbeat.cancel();
            }
            waiting.remove(token, this);
        }
    }

    /**
     * Registers {@code token}; its heartbeat clock (if any) starts now. {@code open} tells whether the execution
     * is still running: callbacks for a stopped execution fail at once, even before the task has wound down.
     */
    Waiter register(String token, Integer heartbeatSeconds, BooleanSupplier open) {
        Waiter waiter = new Waiter(token, heartbeatSeconds, open);
        waiting.put(token, waiter);
        waiter.beat();
        return waiter;
    }

    private Waiter waiter(String token) {
        if (!isWellFormed(token)) {
            throw new InvalidTokenException("Invalid Token: '" + token + "'");
        }
        Waiter waiter = waiting.get(token);
        if (waiter == null || waiter.result.isDone() || !waiter.open.getAsBoolean()) {
            throw new TaskTimedOutException("Task Timed Out: '" + token + "'");
        }
        return waiter;
    }

    void success(String token, JsonNode output) {
        Waiter waiter = waiter(token);
        work.execute(() -> waiter.result.complete(output));
    }

    void failure(String token, String error, String cause) {
        Waiter waiter = waiter(token);
        work.execute(() -> waiter.result.completeExceptionally(new Signals.StateError(error, cause == null ? "" : cause)));
    }

    void heartbeat(String token) {
        waiter(token).beat();
    }
}
