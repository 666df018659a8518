package dev.reelsmith.local.asl;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code DescribeExecution} returns.
 *
 * @param stopDate when the execution closed, {@code null} while running
 * @param output the JSON output of a SUCCEEDED execution, otherwise {@code null}
 * @param error the error of a FAILED, TIMED_OUT or ABORTED execution, or {@code null}
 * @param redriveDate when it was last redriven, {@code null} if never
 * @param redriveStatus {@code REDRIVABLE} or {@code NOT_REDRIVABLE}
 * @param redriveStatusReason why it cannot be redriven, or {@code null}
 */
public record ExecutionDescription(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
                                   Instant startDate, Instant stopDate, String input, String output, String error,
                                   String cause, int redriveCount, Instant redriveDate, String redriveStatus,
                                   String redriveStatusReason) {
    public ExecutionDescription {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(redriveStatus, "redriveStatus");
    }
}
