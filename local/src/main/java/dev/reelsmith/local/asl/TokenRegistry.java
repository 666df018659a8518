package dev.reelsmith.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.time.Cancellable;
import dev.reelsmith.local.asl.time.EngineClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The task tokens of {@code .waitForTaskToken} tasks that are waiting for SendTaskSuccess, SendTaskFailure or
 * SendTaskHeartbeat. Callbacks are answered as AWS answers them: a string that cannot be a token is
 * {@code InvalidToken}; a token whose task ended in any way (completed by an earlier callback, failed, timed out, or
 * its execution stopped) is {@code TaskTimedOut} with AWS's message "Provided task does not exist anymore"; a
 * well-formed token this engine never issued (or issued before a restart and no longer waits on) is
 * {@code TaskDoesNotExist}.
 */
final class TokenRegistry {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{128}");
    /** Ended tokens remembered to tell TaskTimedOut from TaskDoesNotExist; the oldest are forgotten first. */
    private static final int REMEMBERED_ENDED_TOKENS = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final Set<String> ended = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_ENDED_TOKENS;
                }
            }));
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
        /** Set by the first callback that settles the task, so that a second one is refused at once. */
        private final AtomicBoolean settled = new AtomicBoolean();
        private Integer heartbeatSeconds;
        private BooleanSupplier open;
        private Cancellable heartbeat;

        private Waiter(String token, Integer heartbeatSeconds, BooleanSupplier open) {
            this.token = token;
            this.heartbeatSeconds = heartbeatSeconds;
            this.open = open;
        }

        private synchronized boolean isOpen() {
            return open.getAsBoolean();
        }

        private synchronized void adopt(Integer seconds, BooleanSupplier stillOpen) {
            this.heartbeatSeconds = seconds;
            this.open = stillOpen;
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
            ended.add(token);
            waiting.remove(token, this);
        }
    }

    /**
     * Registers {@code token}; its heartbeat clock (if any) starts now. {@code open} tells whether the execution
     * is still running: callbacks for a stopped execution fail at once, even before the task has wound down. A token
     * {@link #reserve reserved} on restore is taken over with the callback it may already have received.
     */
    Waiter register(String token, Integer heartbeatSeconds, BooleanSupplier open) {
        Waiter waiter = waiting.compute(token, (key, reserved) -> {
            if (reserved != null) {
                reserved.adopt(heartbeatSeconds, open);
                return reserved;
            }
            return new Waiter(key, heartbeatSeconds, open);
        });
        waiter.beat();
        return waiter;
    }

    /**
     * Makes {@code token} acceptable again at once, when a restored execution is known to wait on it, so that a
     * callback arriving before the execution has re-entered its task is kept rather than refused. The task takes the
     * reservation over when it {@link #register registers} the token.
     */
    void reserve(String token, BooleanSupplier open) {
        waiting.computeIfAbsent(token, key -> new Waiter(key, null, open));
        ended.remove(token);
    }

    private Waiter waiter(String token) {
        if (!isWellFormed(token)) {
            throw new InvalidTokenException("Invalid Token: '" + token + "'");
        }
        Waiter waiter = waiting.get(token);
        if (waiter == null) {
            if (ended.contains(token)) {
                throw taskTimedOut();
            }
            throw new TaskDoesNotExistException("Task Does Not Exist: 'Provided task does not exist'");
        }
        if (waiter.result.isDone() || !waiter.isOpen()) {
            throw taskTimedOut();
        }
        return waiter;
    }

    private static TaskTimedOutException taskTimedOut() {
        return new TaskTimedOutException("Task Timed Out: 'Provided task does not exist anymore'");
    }

    private Waiter settle(String token) {
        Waiter waiter = waiter(token);
        if (!waiter.settled.compareAndSet(false, true)) {
            throw taskTimedOut();
        }
        return waiter;
    }

    void success(String token, JsonNode output) {
        Waiter waiter = settle(token);
        work.execute(() -> waiter.result.complete(output));
    }

    void failure(String token, String error, String cause) {
        Waiter waiter = settle(token);
        Signals.StateError failed = new Signals.StateError(error, cause == null ? "" : cause);
        work.execute(() -> waiter.result.completeExceptionally(failed));
    }

    void heartbeat(String token) {
        Waiter waiter = waiter(token);
        if (waiter.settled.get()) {
            throw taskTimedOut();
        }
        waiter.beat();
    }
}
