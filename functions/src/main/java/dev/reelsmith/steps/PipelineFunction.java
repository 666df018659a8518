package dev.reelsmith.steps;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every Lambda function Reelsmith deploys, with the handler class the runtime loads and the sizing the function
 * needs. It is the one list both sides read: the CDK app creates a function per entry (and substitutes
 * {@link #placeholder()} in the state machine definition with its ARN), and the local cloud dispatches the same
 * ARNs to the same handler classes in-process.
 *
 * <p>Memory, timeout and ephemeral storage are chosen from what the step does: planning steps are small JSON
 * work; keyframe and clip steps download and upload media; Compose runs FFmpeg over every clip (its 15-minute
 * ceiling is why long outputs go to MediaConvert instead).
 */
public enum PipelineFunction {
    /** EventBridge target: claims an inbox upload exactly once and starts its execution. */
    INBOX("inbox", "dev.reelsmith.steps.admit.InboxHandler", 512, 30, 512, false, false),
    /** Validates the uploaded object by content and opens the session. */
    ADMIT("admit", "dev.reelsmith.steps.admit.AdmitHandler", 1024, 120, 2048, true, false),
    /** Songs: tempo, beats, sections, loudness; briefs: the normalised brief. */
    ANALYZE("analyze", "dev.reelsmith.steps.analyze.AnalyzeHandler", 2048, 300, 2048, true, false),
    /** The script writer agent. */
    WRITE_SCRIPT("write-script", "dev.reelsmith.steps.plan.WriteScriptHandler", 1024, 300, 512, false, true),
    /** The shot planner agent. */
    PLAN_SHOTS("plan-shots", "dev.reelsmith.steps.plan.PlanShotsHandler", 1024, 300, 512, false, true),
    /** The production planner: a tool per shot within budget and deadline. */
    PLAN_PRODUCTION("plan-production", "dev.reelsmith.steps.plan.PlanProductionHandler", 1024, 300, 512, false, true),
    /** Compares the estimate with the budget and opens the run's spending ledger. */
    BUDGET_GATE("budget-gate", "dev.reelsmith.steps.plan.BudgetGateHandler", 512, 30, 512, false, true),
    /** One keyframe per call (a Map iteration). */
    GENERATE_KEYFRAME("generate-keyframe", "dev.reelsmith.steps.generate.GenerateKeyframeHandler", 1536, 300, 1024,
            false, false),
    /** Submits one clip job. */
    START_CLIP("start-clip", "dev.reelsmith.steps.generate.StartClipHandler", 1536, 120, 1024, true, false),
    /** Polls one clip job; downloads and verifies the clip when it is done. */
    POLL_CLIP("poll-clip", "dev.reelsmith.steps.generate.PollClipHandler", 1536, 300, 2048, true, false),
    /** Submits or polls the music bed for briefs. */
    GENERATE_MUSIC("generate-music", "dev.reelsmith.steps.generate.GenerateMusicHandler", 1536, 300, 1024, true, false),
    /** Opens a review gate: stores the task token on the session and announces the gate. */
    OPEN_REVIEW("open-review", "dev.reelsmith.steps.review.OpenReviewHandler", 512, 30, 512, false, false),
    /** Renders the timeline in one FFmpeg pass. */
    COMPOSE("compose", "dev.reelsmith.steps.compose.ComposeHandler", 4096, 900, 10240, true, false),
    /** Publishes the final MP4, poster and report; completes the session. */
    PUBLISH("publish", "dev.reelsmith.steps.publish.PublishHandler", 1024, 120, 2048, false, false),
    /**
     * EventBridge target for the state machine's "Execution Status Change" events (FAILED, TIMED_OUT, ABORTED): marks
     * the session failed with the step and reason, sends the dead letter and the RunFailed event.
     */
    RECORD_FAILURE("record-failure", "dev.reelsmith.steps.failure.RecordFailureHandler", 512, 30, 512, false, false),
    /** The HTTP API (API Gateway HTTP API, payload format 2.0). */
    API("api", "dev.reelsmith.api.ApiHandler", 1024, 30, 512, false, true);

    private final String id;
    private final String handlerClass;
    private final int memoryMb;
    private final int timeoutSeconds;
    private final int ephemeralStorageMb;
    private final boolean needsFfmpeg;
    private final boolean latencySensitive;

    PipelineFunction(String id, String handlerClass, int memoryMb, int timeoutSeconds, int ephemeralStorageMb,
                     boolean needsFfmpeg, boolean latencySensitive) {
        this.id = id;
        this.handlerClass = handlerClass;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
        this.ephemeralStorageMb = ephemeralStorageMb;
        this.needsFfmpeg = needsFfmpeg;
        this.latencySensitive = latencySensitive;
    }

    /** Short kebab-case name, e.g. {@code generate-keyframe}; local function names are {@code reelsmith-<id>}. */
    public String id() {
        return id;
    }

    /** Fully-qualified handler class; {@code RequestStreamHandler} or {@code RequestHandler}. */
    public String handlerClass() {
        return handlerClass;
    }

    /** Lambda memory in MB (CPU scales with it). */
    public int memoryMb() {
        return memoryMb;
    }

    /** Lambda timeout in seconds. */
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** /tmp size in MB (512–10240). */
    public int ephemeralStorageMb() {
        return ephemeralStorageMb;
    }

    /** True when the function runs ffmpeg/ffprobe and needs the FFmpeg layer. */
    public boolean needsFfmpeg() {
        return needsFfmpeg;
    }

    /** True when users wait on it directly (API, planning agents): worth SnapStart on a published alias. */
    public boolean latencySensitive() {
        return latencySensitive;
    }

    /**
     * The token the state machine definition uses for this function's ARN, e.g. {@code ${GenerateKeyframeFunctionArn}};
     * empty for functions the definition does not call.
     */
    public Optional<String> placeholder() {
        if (this == INBOX || this == API || this == RECORD_FAILURE) {
            return Optional.empty();
        }
        StringBuilder camel = new StringBuilder();
        for (String part : id.split("-")) {
            camel.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return Optional.of("${" + camel + "FunctionArn}");
    }

    /** The functions the state machine definition calls. */
    public static List<PipelineFunction> inDefinition() {
        return Arrays.stream(values()).filter(f -> f.placeholder().isPresent()).toList();
    }
}
