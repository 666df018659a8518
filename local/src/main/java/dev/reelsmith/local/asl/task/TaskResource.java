package dev.reelsmith.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state's {@code Resource} does when the engine runs it: a Lambda function dispatched to an in-process
 * handler, an optimised integration against a local emulator, or a test double. Register implementations in
 * {@link TaskResources}.
 *
 * <p>The engine calls {@link #invoke} on a worker thread and treats it as the service call: the returned JSON is
 * the task result (for {@code .waitForTaskToken} resources it is only recorded in {@code TaskSubmitted}; the
 * result arrives later through {@code SendTaskSuccess}). Throw {@link AslTaskFailure} to fail the task with a
 * chosen error name; any other runtime exception fails it with the exception's class name as the error. When the
 * state times out, or its execution is stopped or a sibling branch fails, the worker thread is interrupted.
 */
@FunctionalInterface
public interface TaskResource {

    /** Performs the call and returns its result. */
    JsonNode invoke(TaskInvocation invocation) throws InterruptedException;
}
