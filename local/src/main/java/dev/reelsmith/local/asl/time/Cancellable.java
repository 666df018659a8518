package dev.reelsmith.local.asl.time;

/** A scheduled action that can still be called off; cancelling after it ran does nothing. */
@FunctionalInterface
public interface Cancellable {
    /** Calls the action off if it has not run yet. */
    void cancel();
}
