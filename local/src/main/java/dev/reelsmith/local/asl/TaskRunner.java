package dev.reelsmith.local.asl;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs task resources on their own threads (a task may block for minutes) and interrupts them when the task is
 * cancelled: timeout, stop, or a failed sibling branch.
 */
final class TaskRunner {
    private final Executor threads;

    TaskRunner(Executor threads) {
        this.threads = threads;
    }

    /** A running call that can be cancelled. */
    static final class Handle {
        private Thread thread;
        private boolean cancelled;

        synchronized void cancel() {
            cancelled = true;
            if (thread != null) {
                thread.interrupt();
            }
        }

        private synchronized boolean begin() {
            if (cancelled) {
                return false;
            }
            thread = Thread.currentThread();
            return true;
        }

        private synchronized void end() {
            thread = null;
            // an interrupt that raced with the end of the call must not leak into the pool thread's next call
            Thread.interrupted();
        }
    }

    <T> Handle run(Callable<T> call, CompletableFuture<T> sink) {
        Handle handle = new Handle();
        threads.execute(() -> {
            if (!handle.begin()) {
                sink.cancel(false);
                return;
            }
            try {
                sink.complete(call.call());
            } catch (Throwable thrown) {
                sink.completeExceptionally(thrown);
            } finally {
                handle.end();
            }
        });
        return handle;
    }
}
