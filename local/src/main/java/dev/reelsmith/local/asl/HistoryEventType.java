package dev.reelsmith.local.asl;

/** The Step Functions history event types the engine records, spelled exactly as the API spells them. */
public enum HistoryEventType {
    ExecutionStarted, ExecutionSucceeded, ExecutionFailed, ExecutionAborted, ExecutionTimedOut, ExecutionRedriven,
    TaskStateEntered, TaskStateExited, TaskStateAborted, TaskScheduled, TaskStarted, TaskStartFailed, TaskSubmitted,
    TaskSucceeded, TaskFailed, TaskTimedOut,
    LambdaFunctionScheduled, LambdaFunctionStarted, LambdaFunctionStartFailed, LambdaFunctionSucceeded,
    LambdaFunctionFailed, LambdaFunctionTimedOut,
    PassStateEntered, PassStateExited,
    ChoiceStateEntered, ChoiceStateExited,
    WaitStateEntered, WaitStateExited, WaitStateAborted,
    SucceedStateEntered, SucceedStateExited,
    FailStateEntered,
    ParallelStateEntered, ParallelStateStarted, ParallelStateSucceeded, ParallelStateFailed, ParallelStateAborted,
    ParallelStateExited,
    MapStateEntered, MapStateStarted, MapStateSucceeded, MapStateFailed, MapStateAborted, MapStateExited,
    MapIterationStarted, MapIterationSucceeded, MapIterationFailed, MapIterationAborted,
    EvaluationFailed
}
