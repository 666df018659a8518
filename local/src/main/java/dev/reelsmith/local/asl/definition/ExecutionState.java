package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.PayloadTemplate;
import java.util.List;

/** The states that produce a result and can Retry and Catch: Task, Parallel and Map. */
public interface ExecutionState {

    List<Retrier> retry();

    List<Catcher> catchers();

    /** JSONPath {@code ResultSelector}, or {@code null}. */
    PayloadTemplate resultSelector();

    /** JSONPath {@code ResultPath}: {@code "$"} by default, {@code null} to discard the result. */
    String resultPath();
}
