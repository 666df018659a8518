package dev.reelsmith.infra.functions;

import dev.reelsmith.steps.PipelineFunction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One thing a function may touch, granted through the owning resource's {@code grant*} method by
 * {@link FunctionGrants}. {@link #of} is the matrix of what each function needs, kept here beside the list of
 * accesses so a reviewer reads least privilege in one place (the infra README renders it as a table).
 */
public enum Access {
    /** Read and write items in the single table ({@code grantReadWriteData}). */
    TABLE,
    /** Read uploads under {@code briefs/} and {@code songs/} in the inbox. */
    INBOX_READ,
    /** Write uploads under {@code briefs/} and {@code songs/} (the API presigns uploads). */
    INBOX_UPLOAD,
    /** Read {@code runs/*} in the artifacts bucket. */
    RUNS_READ,
    /** Write and delete {@code runs/*} (temporary keys are deleted after publishing). */
    RUNS_WRITE,
    /** Read the generation cache {@code cache/*}. */
    CACHE_READ,
    /** Write the generation cache {@code cache/*}. */
    CACHE_WRITE,
    /** Put events on the configured bus ({@code RunStarted}, {@code ReviewRequested}, {@code VideoReady}...). */
    EVENTS,
    /** Send to the dead-letter queue. */
    DEAD_LETTERS,
    /** Read the vendor API keys in Secrets Manager, by name. */
    VENDOR_SECRETS,
    /** Invoke the configured Bedrock text model, when {@code textModel} is {@code bedrock:<modelId>}. */
    TEXT_MODEL,
    /** Start pipeline executions. */
    START_RUN,
    /** Describe and read the history of pipeline executions (to find the step a run failed in). */
    READ_RUN_HISTORY,
    /** Describe, read the history of, stop and redrive pipeline executions. */
    FOLLOW_RUN,
    /** Answer review gates ({@code SendTaskSuccess}/{@code Failure}/{@code Heartbeat}). */
    TASK_RESPONSE,
    /** Submit and poll MediaConvert jobs with the long-render template and role. */
    LONG_RENDER;

    private static final Map<PipelineFunction, Set<Access>> MATRIX = new EnumMap<>(PipelineFunction.class);

    static {
        MATRIX.put(PipelineFunction.INBOX, EnumSet.of(TABLE, INBOX_READ, START_RUN, EVENTS));
        MATRIX.put(PipelineFunction.ADMIT, EnumSet.of(TABLE, INBOX_READ, RUNS_READ, RUNS_WRITE, EVENTS));
        MATRIX.put(PipelineFunction.ANALYZE, EnumSet.of(TABLE, INBOX_READ, RUNS_READ, RUNS_WRITE));
        Set<Access> planning = EnumSet.of(TABLE, RUNS_READ, RUNS_WRITE, VENDOR_SECRETS, TEXT_MODEL);
        MATRIX.put(PipelineFunction.WRITE_SCRIPT, planning);
        MATRIX.put(PipelineFunction.PLAN_SHOTS, planning);
        MATRIX.put(PipelineFunction.PLAN_PRODUCTION, planning);
        MATRIX.put(PipelineFunction.BUDGET_GATE, EnumSet.of(TABLE, RUNS_READ, RUNS_WRITE));
        Set<Access> generation = EnumSet.of(TABLE, RUNS_READ, RUNS_WRITE, CACHE_READ, CACHE_WRITE, VENDOR_SECRETS);
        MATRIX.put(PipelineFunction.GENERATE_KEYFRAME, generation);
        MATRIX.put(PipelineFunction.START_CLIP, generation);
        MATRIX.put(PipelineFunction.POLL_CLIP, generation);
        MATRIX.put(PipelineFunction.GENERATE_MUSIC, generation);
        MATRIX.put(PipelineFunction.OPEN_REVIEW, EnumSet.of(TABLE, RUNS_READ, EVENTS));
        MATRIX.put(PipelineFunction.COMPOSE, EnumSet.of(TABLE, RUNS_READ, RUNS_WRITE, CACHE_READ, LONG_RENDER));
        MATRIX.put(PipelineFunction.PUBLISH, EnumSet.of(TABLE, RUNS_READ, RUNS_WRITE, EVENTS));
        MATRIX.put(PipelineFunction.RECORD_FAILURE, EnumSet.of(TABLE, EVENTS, DEAD_LETTERS, READ_RUN_HISTORY));
        MATRIX.put(PipelineFunction.API, EnumSet.of(TABLE, INBOX_UPLOAD, RUNS_READ, START_RUN, FOLLOW_RUN,
                TASK_RESPONSE));
    }

    /** What {@code function} may touch; every function has an entry. */
    public static Set<Access> of(PipelineFunction function) {
        Set<Access> accesses = MATRIX.get(function);
        if (accesses == null) {
            throw new IllegalStateException("no access entry for " + function + "; add one to Access.MATRIX");
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(accesses));
    }
}
