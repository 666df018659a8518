package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import java.util.List;

/** A Parallel state. */
public record ParallelState(CommonFields common, List<Workflow> branches, PayloadTemplate parameters,
                            JsonataTemplate arguments, PayloadTemplate resultSelector, String resultPath,
                            List<Retrier> retry, List<Catcher> catchers) implements State, ExecutionState {
    public ParallelState {
        branches = List.copyOf(branches);
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }
}
