package dev.reelsmith.local.asl;

/** An execution's status, as {@code DescribeExecution} reports it. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    /** Whether the execution has stopped (for now: FAILED, TIMED_OUT and ABORTED ones may be redriven). */
    public boolean isClosed() {
        return this != RUNNING;
    }
}
