package dev.reelsmith.steps.generate;

import dev.reelsmith.agents.PromptSoftener;
import dev.reelsmith.catalog.Tool;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.CostLine;
import dev.reelsmith.domain.MusicDirection;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.ToolAlternative;
import dev.reelsmith.domain.ToolChoice;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.FrameContext;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.JobState;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicJobStatus;
import dev.reelsmith.providers.MusicModel;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.Work;
import dev.reelsmith.store.artifacts.ArtifactStore;
import dev.reelsmith.store.cache.CacheEntry;
import dev.reelsmith.store.cache.GenerationKey;
import dev.reelsmith.store.cache.GenerationRecord;
import dev.reelsmith.store.vendors.VendorPermit;
import java.math.BigDecimal;
import java.util.Map;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * GenerateKeyframe, StartClip/PollClip and GenerateMusic over the provider SPIs. Every call is keyed by a
 * fingerprint of what it asks for (tool, variant, prompt, inputs), and its output lands at a key derived from that
 * fingerprint: a retried, redriven or repeated step finds the object already there and neither calls the vendor nor
 * records the cost again.
 *
 * <p>Variants implement the content-filter path the state machine drives: {@code original} uses the planned tool,
 * {@code softened} re-prompts it once with {@link PromptSoftener}, {@code fallback} uses the best-ranked configured
 * alternative the plan lists.
 */
public final class Generation {
    private static final List<String> VARIANTS = List.of("original", "softened", "fallback");

    private final StepDependencies deps;
    private final RunInputs inputs;

    public Generation(StepDependencies deps) {
        this.deps = deps;
        this.inputs = new RunInputs(deps);
    }

    /** One shot's generation request, as the Map states send it. */
    public record ShotRequest(String sessionId, String shotId, String variant, String note) {
        public ShotRequest {
            if (sessionId == null || shotId == null) {
                throw new IllegalArgumentException("sessionId and shotId are required");
            }
            variant = variant == null ? "original" : variant;
            if (!VARIANTS.contains(variant)) {
                throw new IllegalArgumentException("variant must be original, softened or fallback, was " + variant);
            }
        }
    }

    /** A finished keyframe. */
    public record KeyframeResult(String sessionId, String shotId, String status, String keyframeKey, String toolId,
                                 String variant) {
    }

    /** A clip job as the state carries it between polls (paths as strings: the state is JSON). */
    public record ClipJob(String providerId, String modelId, String jobId, String output, double durationSeconds) {
    }

    /** Where a clip stands: {@code done} with its key, or a job to poll after {@code nextPollSeconds}. */
    public record ClipState(String sessionId, String shotId, String toolId, String variant, String note,
                            boolean done, int nextPollSeconds, String clipKey, String fingerprint, ClipJob job) {
    }

    /** Where the music bed stands. */
    public record MusicState(String sessionId, boolean done, int nextPollSeconds, String musicKey, ClipJob job) {
    }

    /** A tool resolved to its provider and model. */
    private record Pick(String toolId, String provider, String model, String tier) {
    }

    // ---------------------------------------------------------------- keyframes

    public KeyframeResult keyframe(ShotRequest request) {
        String sessionId = request.sessionId();
        Session session = inputs.session(sessionId);
        ProductionPlan plan = inputs.plan(sessionId);
        ShotList shots = inputs.shots(sessionId);
        Shot shot = shot(shots, request.shotId());
        ShotProduction production = production(plan, request.shotId());
        Pick tool = request.variant().equals("fallback")
                ? fallback(production.keyframe(), production.alternatives(), true)
                : pick(production.keyframe().toolId());
        // the tier (e.g. OpenAI's low/medium/high quality) is part of what the plan priced
        ImageModel model = deps.providers().image(tool.provider(), tool.model(), tool.tier());
        String prompt = prompt(shot.keyframePrompt(), request);
        String fingerprint = fingerprint("keyframe", tool.toolId(), request.variant(), prompt,
                Long.toString(shot.continuity().seed()), plan.aspectRatio().label());
        String key = ArtifactStore.runKey(sessionId, "keyframes/" + shot.id() + "-" + fingerprint + ".png");
        if (!deps.artifacts().exists(key)) {
            AspectRatio aspect = plan.aspectRatio();
            GenerationKey cacheKey = new GenerationKey(tool.toolId(), tool.model(), prompt, shot.negativePrompt(),
                    shot.continuity().seed(), List.of(), Map.of("width", Integer.toString(aspect.width()),
                    "height", Integer.toString(aspect.height()), "tier", String.valueOf(tool.tier())));
            // free local frames are not cached: they cost nothing and draw run-specific text (title, shot number)
            boolean cacheable = !tool.provider().equals("local");
            Optional<CacheEntry> hit = cacheable ? deps.cache().find(cacheKey) : Optional.empty();
            if (hit.isPresent()) {
                deps.artifacts().copy(hit.get().objectKey(), key);
                recordCost(sessionId, Stage.KEYFRAMES, "keyframe#" + shot.id() + "#" + fingerprint, shot.id(), tool,
                        hit.get().cost(), true);
                deps.sessions().putAsset(sessionId, new Asset("keyframe/" + shot.id(), "keyframe", shot.id(), key,
                        hit.get().record().mimeType(), hit.get().sizeBytes(), tool.provider(), tool.model(), "ready",
                        note(request)));
            } else {
                try (Work work = Work.open(deps.config().workDirectory(), sessionId, "keyframe-" + shot.id())) {
                    String reservation = "keyframe#" + shot.id() + "#" + fingerprint;
                    ImageResult image = paidCall(sessionId, reservation, estimate(plan, production, tool, true), tool,
                            sessionId + "/" + shot.id() + "/keyframe", () -> model.generate(new ImageRequest(prompt,
                                    shot.negativePrompt(), shot.continuity().seed(), aspect.width(), aspect.height(),
                                    aspect, List.of(), frame(session, shot, shots, plan), work.file("keyframe.png"))),
                            ImageResult::cost);
                    long bytes = deps.artifacts().upload(image.file(), key, image.mimeType());
                    if (cacheable) {
                        deps.cache().put(cacheKey, image.file(), new GenerationRecord(image.mimeType(),
                                tool.provider(), tool.model(), image.cost(), Map.of()));
                    }
                    recordCost(sessionId, Stage.KEYFRAMES, "keyframe#" + shot.id() + "#" + fingerprint, shot.id(),
                            tool, image.cost(), false);
                    deps.sessions().putAsset(sessionId, new Asset("keyframe/" + shot.id(), "keyframe", shot.id(), key,
                            image.mimeType(), bytes, tool.provider(), tool.model(), "ready", note(request)));
                }
            }
        }
        long done = deps.sessions().countDone(sessionId, "keyframes");
        int total = plan.shots().size();
        deps.sessions().progress(sessionId, Stage.KEYFRAMES,
                Stage.KEYFRAMES.percentAt((double) Math.min(done, total) / total),
                "keyframe " + shot.id() + " ready (" + tool.toolId() + ", " + request.variant() + ")");
        return new KeyframeResult(sessionId, shot.id(), "ready", key, tool.toolId(), request.variant());
    }

    // ---------------------------------------------------------------- clips

    public ClipState startClip(ShotRequest request) {
        String sessionId = request.sessionId();
        ProductionPlan plan = inputs.plan(sessionId);
        Shot shot = shot(inputs.shots(sessionId), request.shotId());
        ShotProduction production = production(plan, request.shotId());
        Asset keyframe = deps.sessions().assets(sessionId).stream()
                .filter(a -> a.id().equals("keyframe/" + shot.id()) && "ready".equals(a.status())).findFirst()
                .orElseThrow(() -> new IllegalStateException("shot " + shot.id() + " has no keyframe to animate"));
        Pick tool = request.variant().equals("fallback")
                ? fallback(production.motion(), production.alternatives(), false)
                : pick(production.motion().toolId());
        String prompt = prompt(motionPrompt(shot), request);
        String fingerprint = fingerprint("clip", tool.toolId(), request.variant(), prompt, keyframe.key(),
                Double.toString(shot.durationSeconds()), plan.aspectRatio().label());
        if (isKenBurns(tool)) {
            // the free local tool's camera move is applied by the Compose render itself: one encode of every frame
            // instead of two, and no generation loss (the animatic is storyboard frames timed to the music)
            recordCost(sessionId, Stage.CLIPS, "clip#" + shot.id() + "#" + fingerprint, shot.id(), tool,
                    Cost.free(seconds(shot.durationSeconds()), Cost.SECOND), false);
            deps.sessions().putAsset(sessionId, new Asset("clip/" + shot.id(), "clip", shot.id(), keyframe.key(),
                    keyframe.contentType(), keyframe.bytes(), tool.provider(), tool.model(), "ready",
                    "camera move applied at compose"));
            return done(request, tool, keyframe.key(), fingerprint);
        }
        String key = clipKey(sessionId, shot.id(), fingerprint);
        if (deps.artifacts().exists(key)) {
            return done(request, tool, key, fingerprint);
        }
        VideoModel model = deps.providers().video(tool.provider(), tool.model());
        Path output = jobPath(sessionId, "clips", shot.id() + "-" + fingerprint + ".mp4");
        Path firstFrame = deps.artifacts().download(keyframe.key(), jobPath(sessionId, "keyframes",
                shot.id() + ".png"));
        AspectRatio aspect = plan.aspectRatio();
        BigDecimal estimate = estimate(plan, production, tool, false);
        String reservation = "clip#" + shot.id() + "#" + fingerprint;
        VideoJob job = paidCall(sessionId, reservation, estimate, tool, sessionId + "/" + shot.id() + "/clip",
                () -> model.start(new VideoRequest(firstFrame, null, prompt, Math.min(60, shot.durationSeconds()),
                        aspect, aspect.width(), aspect.height(), shot.cameraMovement(), shot.continuity().seed(),
                        output)), started -> null);
        ClipJob clipJob = new ClipJob(job.providerId(), job.modelId(), job.jobId(), job.output().toString(),
                job.durationSeconds());
        ClipState state = new ClipState(request.sessionId(), shot.id(), tool.toolId(), request.variant(),
                request.note(), false, 1, null, fingerprint, clipJob);
        // providers that finish inside start (the local Ken Burns renderer) are collected at once, in this
        // container, before the file could be lost to a different one
        return Files.isRegularFile(job.output()) ? poll(state) : state;
    }

    public ClipState poll(ClipState state) {
        String key = clipKey(state.sessionId(), state.shotId(), state.fingerprint());
        Pick tool = pick(state.toolId());
        if (deps.artifacts().exists(key)) {
            return done(new ShotRequest(state.sessionId(), state.shotId(), state.variant(), state.note()), tool, key,
                    state.fingerprint());
        }
        ClipJob job = state.job();
        VideoModel model = deps.providers().video(job.providerId(), job.modelId());
        Path output = Path.of(job.output());
        mkdirs(output);
        VideoJobStatus status = model.poll(new VideoJob(job.providerId(), job.modelId(), job.jobId(), output,
                job.durationSeconds()));
        String reservation = "clip#" + state.shotId() + "#" + state.fingerprint();
        if (status.state() == JobState.SUCCEEDED) {
            long bytes = deps.artifacts().upload(status.output(), key, "video/mp4");
            settle(state.sessionId(), reservation, status.cost());
            recordCost(state.sessionId(), Stage.CLIPS, "clip#" + state.shotId() + "#" + state.fingerprint(),
                    state.shotId(), tool, status.cost(), false);
            deps.sessions().putAsset(state.sessionId(), new Asset("clip/" + state.shotId(), "clip", state.shotId(),
                    key, "video/mp4", bytes, tool.provider(), tool.model(), "ready", state.note()));
            deleteQuietly(status.output());
            return done(new ShotRequest(state.sessionId(), state.shotId(), state.variant(), state.note()), tool, key,
                    state.fingerprint());
        }
        if (status.state() == JobState.FAILED || status.state() == JobState.CANCELLED) {
            if (status.cost() != null) {
                settle(state.sessionId(), reservation, status.cost());
                recordCost(state.sessionId(), Stage.CLIPS, "clip#" + state.shotId() + "#" + state.fingerprint()
                        + "#failed", state.shotId(), tool, status.cost(), false);
            } else {
                deps.ledger().release(state.sessionId(), reservation);
            }
            throw new GenerationFailedException(job.providerId() + " " + status.state().name().toLowerCase(Locale.ROOT)
                    + " clip " + state.shotId() + ": " + status.failureReason());
        }
        return new ClipState(state.sessionId(), state.shotId(), state.toolId(), state.variant(), state.note(), false,
                Math.max(1, status.nextPollSeconds()), null, state.fingerprint(), job);
    }

    private ClipState done(ShotRequest request, Pick tool, String key, String fingerprint) {
        ProductionPlan plan = inputs.plan(request.sessionId());
        long done = deps.sessions().countDone(request.sessionId(), "clips");
        int total = plan.shots().size();
        deps.sessions().progress(request.sessionId(), Stage.CLIPS,
                Stage.CLIPS.percentAt((double) Math.min(done, total) / total),
                "clip " + request.shotId() + " ready (" + tool.toolId() + ", " + request.variant() + ")");
        return new ClipState(request.sessionId(), request.shotId(), tool.toolId(), request.variant(), request.note(),
                true, 0, key, fingerprint, null);
    }

    // ---------------------------------------------------------------- music

    /** Starts the music bed (briefs), or polls it when {@code state.job} is set. */
    public MusicState music(MusicState state) {
        String sessionId = state.sessionId();
        ProductionPlan plan = inputs.plan(sessionId);
        String toolId = plan.otherCosts().stream().filter(c -> c.item().equals("soundtrack"))
                .map(CostLine::toolId).findFirst().orElse("local-synth");
        Pick tool = pick(toolId);
        MusicModel model = deps.providers().music(tool.provider(), tool.model());
        Brief brief = inputs.brief(sessionId);
        MusicDirection direction = brief.music();
        double duration = inputs.shots(sessionId).durationSeconds();
        String genre = direction != null && direction.genre() != null ? direction.genre() : "cinematic";
        String mood = direction != null && direction.mood() != null ? direction.mood() : brief.tone();
        Integer tempo = direction == null ? null : direction.tempoBpm();
        String fingerprint = fingerprint("music", toolId, genre, String.valueOf(mood), String.valueOf(tempo),
                Double.toString(duration));
        String key = ArtifactStore.runKey(sessionId, "music-" + fingerprint + ".wav");
        if (deps.artifacts().exists(key)) {
            return new MusicState(sessionId, true, 0, key, null);
        }
        MusicJob job;
        if (state.job() == null) {
            Path output = jobPath(sessionId, "music", fingerprint + ".wav");
            job = model.start(new MusicRequest(genre, mood, tempo, duration, seed(fingerprint), output));
        } else {
            ClipJob saved = state.job();
            job = new MusicJob(saved.providerId(), saved.modelId(), saved.jobId(), Path.of(saved.output()),
                    saved.durationSeconds());
        }
        mkdirs(job.output());
        MusicJobStatus status = model.poll(job);
        if (status.state() == JobState.SUCCEEDED) {
            long bytes = deps.artifacts().upload(status.output(), key, "audio/wav");
            recordCost(sessionId, Stage.CLIPS, "music#" + fingerprint, null, tool, status.cost(), false);
            deps.sessions().putAsset(sessionId, new Asset("music", "music", null, key, "audio/wav", bytes,
                    tool.provider(), tool.model(), "ready", null));
            deleteQuietly(status.output());
            return new MusicState(sessionId, true, 0, key, null);
        }
        if (status.state().isTerminal()) {
            throw new GenerationFailedException(tool.provider() + " music " + status.state().name()
                    .toLowerCase(Locale.ROOT) + ": " + status.failureReason());
        }
        return new MusicState(sessionId, false, Math.max(1, status.nextPollSeconds()), null,
                new ClipJob(job.providerId(), job.modelId(), job.jobId(), job.output().toString(),
                        job.durationSeconds()));
    }

    // ---------------------------------------------------------------- helpers

    private Pick pick(String toolId) {
        Tool tool = deps.catalog().find(toolId).orElseThrow(() -> new ProviderNotConfiguredException("catalog",
                "tool " + toolId + " is not in the tool catalog"));
        return new Pick(tool.id(), tool.provider(), tool.model(), tool.tier());
    }

    private Pick fallback(ToolChoice planned, List<ToolAlternative> alternatives, boolean keyframe) {
        for (ToolAlternative alternative : alternatives) {
            String toolId = keyframe ? alternative.keyframeToolId() : alternative.motionToolId();
            if (toolId.equals(planned.toolId())) {
                continue;
            }
            Optional<Tool> tool = deps.catalog().find(toolId);
            if (tool.isPresent() && configured(tool.get(), keyframe)) {
                return new Pick(tool.get().id(), tool.get().provider(), tool.get().model(), tool.get().tier());
            }
        }
        throw new NoFallbackToolException("no configured alternative to " + planned.toolId() + " is ranked for this "
                + "shot (alternatives: " + alternatives.stream().map(a -> keyframe ? a.keyframeToolId()
                : a.motionToolId()).distinct().toList() + ")");
    }

    private boolean configured(Tool tool, boolean keyframe) {
        try {
            if (keyframe) {
                deps.providers().image(tool.provider(), tool.model());
            } else {
                deps.providers().video(tool.provider(), tool.model());
            }
            return true;
        } catch (ProviderNotConfiguredException e) {
            return false;
        }
    }

    /** Seconds as billed quantities: to the millisecond, without binary floating-point noise. */
    private static BigDecimal seconds(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static boolean isKenBurns(Pick tool) {
        return tool.provider().equals("local") && tool.model().equals("ken-burns");
    }

    private void recordCost(String sessionId, Stage stage, String id, String shotId, Pick tool, Cost cost,
                            boolean cached) {
        deps.sessions().recordCost(sessionId, new CostEntry(id, stage, shotId, tool.toolId(), tool.provider(),
                tool.model(), cost.quantity(), cost.unit(), cost.unitPriceUsd(), cost.totalUsd(), cached,
                deps.clock().instant()));
    }

    /**
     * One call that may cost money: reserves the estimate against the run's budget first (so concurrent shots can
     * never overspend together), passes the vendor's shared breaker and concurrency limiter, and settles the
     * reservation with what was billed, or releases it when the call failed. Free local tools skip all of it.
     *
     * @param billed what the result says was billed, or null when billing is only known later (clip jobs)
     */
    private <T> T paidCall(String sessionId, String reservation, BigDecimal estimate, Pick tool, String callerId,
                           java.util.function.Supplier<T> call, java.util.function.Function<T, Cost> billed) {
        boolean local = tool.provider().equals("local");
        if (estimate.signum() > 0) {
            deps.ledger().reserve(sessionId, reservation, estimate);
        }
        VendorPermit permit = local ? null : deps.guard().enter(tool.provider(), callerId);
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            if (permit != null) {
                deps.guard().exit(permit, e);
            }
            if (estimate.signum() > 0) {
                deps.ledger().release(sessionId, reservation);
            }
            throw e;
        }
        if (permit != null) {
            deps.guard().exit(permit, null);
        }
        Cost cost = billed.apply(result);
        if (cost != null) {
            settle(sessionId, reservation, cost);
        }
        return result;
    }

    /** Commits what a call was billed against its reservation (reserving on the spot if it had none). */
    private void settle(String sessionId, String reservation, Cost cost) {
        if (cost.totalUsd().signum() == 0) {
            deps.ledger().release(sessionId, reservation);
            return;
        }
        deps.ledger().reserve(sessionId, reservation, BigDecimal.ZERO);
        deps.ledger().commit(sessionId, reservation, cost.totalUsd());
    }

    /** The plan's estimate for this tool on this shot: the planned choice's cost, or the catalog-derived one. */
    private static BigDecimal estimate(ProductionPlan plan, ShotProduction production, Pick tool, boolean keyframe) {
        ToolChoice planned = keyframe ? production.keyframe() : production.motion();
        if (planned != null && planned.toolId().equals(tool.toolId())) {
            return planned.costUsd();
        }
        for (ToolAlternative alternative : production.alternatives()) {
            if ((keyframe ? alternative.keyframeToolId() : alternative.motionToolId()).equals(tool.toolId())) {
                return alternative.costUsd();
            }
        }
        return production.costUsd();
    }

    private static String prompt(String base, ShotRequest request) {
        String prompt = base;
        if (request.note() != null && !request.note().isBlank()) {
            prompt = prompt + " Reviewer note: " + request.note().strip();
        }
        if (!request.variant().equals("original")) {
            prompt = PromptSoftener.soften(prompt, Shot.MAX_KEYFRAME_PROMPT_LENGTH);
        }
        return prompt;
    }

    private static String note(ShotRequest request) {
        return request.note() == null || request.note().isBlank() ? null : request.note();
    }

    private static String motionPrompt(Shot shot) {
        return shot.description() + " Camera: " + shot.cameraMovement().label() + ", " + shot.shotType().label() + ".";
    }

    private FrameContext frame(Session session, Shot shot, ShotList shots, ProductionPlan plan) {
        return new FrameContext(shot.id(), shot.index() + 1, Math.max(shot.index() + 1, shots.shots().size()),
                shot.shotType(), shot.cameraMovement(), shot.description(), null,
                shot.continuity().palette().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(),
                plan.title() != null ? plan.title() : session.title());
    }

    private static Shot shot(ShotList shots, String shotId) {
        return shots.shots().stream().filter(s -> s.id().equals(shotId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("shot " + shotId + " is not in the shot list"));
    }

    private static ShotProduction production(ProductionPlan plan, String shotId) {
        return plan.shots().stream().filter(s -> s.shotId().equals(shotId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("shot " + shotId + " is not in the plan"));
    }

    private static String clipKey(String sessionId, String shotId, String fingerprint) {
        return ArtifactStore.runKey(sessionId, "clips/" + shotId + "-" + fingerprint + ".mp4");
    }

    /** A stable local path for a job's output: the same in every container, so any poll can write it. */
    private Path jobPath(String sessionId, String folder, String name) {
        Path path = deps.config().workDirectory().resolve(sessionId).resolve(folder).resolve(name);
        mkdirs(path);
        return path;
    }

    private static void mkdirs(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".job"));
        } catch (IOException e) {
            // scratch space only
        }
    }

    private static long seed(String fingerprint) {
        return Long.parseLong(fingerprint.substring(0, 8), 16);
    }

    static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
