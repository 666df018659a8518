package dev.reelsmith.local.asl.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wall-clock time with one daemon timer thread; what {@code reelsmith run} and {@code serve} use. */
public final class SystemEngineClock implements EngineClock, AutoCloseable {
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;

    public SystemEngineClock() {
        this(Clock.systemUTC());
    }

    public SystemEngineClock(Clock clock) {
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "asl-timer");
            thread.setDaemon(true);
            return thread;
        });
        // cancelled retries and heartbeats would otherwise pile up in the queue until their (distant) due time
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        long nanos = Math.max(0, saturatedNanos(delay));
        ScheduledFuture<?> future = timer.schedule(action, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
