package dev.reelsmith.local.asl.definition;

/** One state of a workflow, parsed and validated. */
public sealed interface State permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState,
        ParallelState, MapState {

    CommonFields common();

    default String name() {
        return common().name();
    }

    default StateType type() {
        return common().type();
    }
}
