package dev.reelsmith.local.asl;

import dev.reelsmith.local.asl.time.EngineClock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the engine's runnable work (interpreter steps and task calls) and tells the clock when there is none: the
 * moment a manual clock may jump to its next timer. Work is counted from submission, so a step that hands work on
 * never lets the count touch zero in between.
 */
final class ActivityTracker {
    private final AtomicInteger busy = new AtomicInteger();
    private final EngineClock clock;

    ActivityTracker(EngineClock clock) {
        this.clock = clock;
    }

    Executor track(Executor delegate) {
        return runnable -> {
            busy.incrementAndGet();
            try {
                delegate.execute(() -> {
                    try {
                        runnable.run();
                    } finally {
                        done();
                    }
                });
            } catch (RejectedExecutionException e) {
                done();
                throw e;
            }
        };
    }

    private void done() {
        if (busy.decrementAndGet() == 0) {
            clock.engineIdle();
        }
    }
}
