package dev.reelsmith.local.asl;

/**
 * Observes executions, e.g. to persist them. Called synchronously, in event order, on engine threads: keep it
 * quick and never call back into the engine from it.
 */
public interface ExecutionListener {

    /** A history event was recorded. */
    default void onEvent(String executionArn, HistoryEvent event) {
    }

    /** An execution started, closed or was redriven. */
    default void onStatusChange(ExecutionDescription description) {
    }
}
