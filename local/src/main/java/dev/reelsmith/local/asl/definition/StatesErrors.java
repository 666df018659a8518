package dev.reelsmith.local.asl.definition;

import java.util.List;

/**
 * The predefined error names and the rule by which a Retrier's or Catcher's {@code ErrorEquals} matches an error.
 * {@code States.ALL} matches every error except the terminal ones ({@code States.Runtime},
 * {@code States.DataLimitExceeded}), which no Retry or Catch can handle. {@code States.TaskFailed} matches every
 * error except timeouts. A heartbeat timeout is reported as {@code States.HeartbeatTimeout} and is also matched by
 * {@code States.Timeout}.
 */
public final class StatesErrors {
    public static final String ALL = "States.ALL";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String RUNTIME = "States.Runtime";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    private StatesErrors() {
    }

    /** Whether an error can be retried or caught at all. */
    public static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /** Whether {@code errorEquals} matches {@code error} ({@code null}: a Fail state without Error). */
    public static boolean matches(List<String> errorEquals, String error) {
        if (isTerminal(error)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(ALL)) {
                return true;
            }
            if (error == null) {
                continue;
            }
            if (name.equals(error)) {
                return true;
            }
            if (name.equals(TASK_FAILED) && !error.equals(TIMEOUT) && !error.equals(HEARTBEAT_TIMEOUT)) {
                return true;
            }
            if (name.equals(TIMEOUT) && error.equals(HEARTBEAT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
