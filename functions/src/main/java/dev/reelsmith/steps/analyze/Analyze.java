package dev.reelsmith.steps.analyze;

import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.media.analysis.AudioAnalyzer;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.Work;
import dev.reelsmith.store.artifacts.ArtifactStore;
import java.nio.file.Path;
import java.util.Locale;

/** The Analyze step: measures a song once and persists the analysis; idempotent (an existing analysis is reused). */
public final class Analyze {
    private final StepDependencies deps;
    private final RunInputs inputs;

    public Analyze(StepDependencies deps) {
        this.deps = deps;
        this.inputs = new RunInputs(deps);
    }

    /** What the state machine keeps. */
    public record Result(String sessionId, String kind, Double durationSeconds, Double tempoBpm) {
    }

    public Result run(String sessionId) {
        Session session = inputs.session(sessionId);
        deps.sessions().enter(sessionId, Stage.ANALYZE, "analysing the " + session.kind());
        if (!"song".equals(session.kind())) {
            return new Result(sessionId, session.kind(), null, null);
        }
        String analysisKey = RunInputs.key(sessionId, RunInputs.ANALYSIS);
        Analysis analysis;
        if (deps.artifacts().exists(analysisKey)) {
            analysis = deps.artifacts().getJson(analysisKey, Analysis.class);
        } else {
            String songKey = songKey(sessionId);
            try (Work work = Work.open(deps.config().workDirectory(), sessionId, "analyze")) {
                Path song = deps.artifacts().download(songKey, work.file(songKey.substring(songKey.lastIndexOf('/') + 1)));
                analysis = new AudioAnalyzer(deps.ffmpeg()).analyze(song);
            }
            deps.artifacts().putJson(analysisKey, analysis);
        }
        deps.sessions().progress(sessionId, Stage.ANALYZE, Stage.ANALYZE.endPercent(), String.format(Locale.ROOT,
                "song: %.1f s at %.1f BPM, %d sections", analysis.durationSeconds(), analysis.tempoBpm(),
                analysis.sections().size()));
        return new Result(sessionId, "song", analysis.durationSeconds(), analysis.tempoBpm());
    }

    /** The admitted song's key in the run's inputs. */
    public String songKey(String sessionId) {
        String prefix = ArtifactStore.runKey(sessionId, "input/");
        return deps.s3().listObjectsV2(b -> b.bucket(deps.artifacts().bucket()).prefix(prefix + "song")).contents()
                .stream().map(o -> o.key()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the admitted song is missing under " + prefix));
    }
}
