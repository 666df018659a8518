package dev.reelsmith.local.asl.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time for tests. Time moves only when {@link #advance(Duration)} is called or, in auto-advance mode (the
 * default), when the engine reports that it is idle: the clock then jumps straight to the earliest pending timer.
 * A workflow with a one-hour Wait therefore finishes as soon as its other work is done, with no real sleeping.
 * Switch auto-advance off to control the order of external callbacks and timeouts yourself (task tokens,
 * heartbeats).
 */
public final class ManualEngineClock implements EngineClock {
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private boolean autoAdvance = true;

    /** Starts at {@code start} with auto-advance on. */
    public ManualEngineClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Whether idle engines make time jump to the next timer. */
    public synchronized ManualEngineClock autoAdvance(boolean enabled) {
        this.autoAdvance = enabled;
        return this;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Timer timer;
        synchronized (this) {
            Instant due = delay.isNegative() ? now : plusSaturated(now, delay);
            timer = new Timer(due, sequence++, action);
            timers.add(timer);
        }
        return () -> {
            synchronized (ManualEngineClock.this) {
                timers.remove(timer);
            }
        };
    }

    /** Moves time forward by {@code amount}, running every timer that falls due, in due order. */
    public void advance(Duration amount) {
        Instant target;
        synchronized (this) {
            target = plusSaturated(now, amount);
        }
        runUntil(target);
    }

    /** How many timers are waiting. */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    @Override
    public void engineIdle() {
        Instant next;
        synchronized (this) {
            if (!autoAdvance || timers.isEmpty()) {
                return;
            }
            next = timers.peek().due;
        }
        // fire only the earliest batch: their work makes the engine busy again, and it reports idleness anew
        runUntil(next);
    }

    private void runUntil(Instant target) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            while (!timers.isEmpty() && !timers.peek().due.isAfter(target)) {
                Timer timer = timers.poll();
                if (timer.due.isAfter(now)) {
                    now = timer.due;
                }
                due.add(timer.action);
            }
            if (target.isAfter(now)) {
                now = target;
            }
        }
        due.forEach(Runnable::run);
    }

    private static Instant plusSaturated(Instant instant, Duration amount) {
        try {
            return instant.plus(amount);
        } catch (ArithmeticException | java.time.DateTimeException tooFar) {
            return Instant.MAX;
        }
    }

    private record Timer(Instant due, long sequence, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
