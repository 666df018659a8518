package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import dev.reelsmith.local.asl.task.ResourceArn;
import java.util.List;
import java.util.Objects;

/**
 * A Task state.
 *
 * @param timeoutSeconds TimeoutSeconds or TimeoutSecondsPath; {@code null} means the AWS default of 99999999 s
 * @param heartbeatSeconds HeartbeatSeconds or HeartbeatSecondsPath; {@code null} means none
 */
public record TaskState(CommonFields common, ResourceArn resource, PayloadTemplate parameters,
                        JsonataTemplate arguments, PayloadTemplate resultSelector, String resultPath,
                        DynamicValue timeoutSeconds, DynamicValue heartbeatSeconds, List<Retrier> retry,
                        List<Catcher> catchers) implements State, ExecutionState {
    /** The timeout AWS applies when a Task state sets none. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 99_999_999;

    public TaskState {
        Objects.requireNonNull(resource, "resource");
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }
}
