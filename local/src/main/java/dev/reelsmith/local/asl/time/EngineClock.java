package dev.reelsmith.local.asl.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time: what time it is and "run this later". Wait states, retry intervals,
 * task timeouts, heartbeats and execution timeouts all go through it, so tests can use
 * {@link ManualEngineClock} and run a day-long workflow in milliseconds, while {@code reelsmith run} uses
 * {@link SystemEngineClock}.
 */
public interface EngineClock {

    /** The current time. */
    Instant now();

    /**
     * Runs {@code action} once {@code delay} has passed (immediately for a zero or negative delay, but never on
     * the caller's stack). Actions must be short: the engine's actions only hand work to its own executor.
     */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * Told by the engine whenever it has no runnable work left (every execution is waiting for time or for a
     * callback). A real clock ignores it; a manual clock may use it to jump to the next timer.
     */
    default void engineIdle() {
    }
}
