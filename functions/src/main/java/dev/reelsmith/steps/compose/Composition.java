package dev.reelsmith.steps.compose;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.media.edit.EditInput;
import dev.reelsmith.media.edit.ShotMedia;
import dev.reelsmith.media.edit.Soundtrack;
import dev.reelsmith.media.edit.TimelineAssembler;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import dev.reelsmith.media.render.RenderOptions;
import dev.reelsmith.media.render.RenderResult;
import dev.reelsmith.media.render.Renderer;
import dev.reelsmith.steps.RunInputs;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.Work;
import dev.reelsmith.steps.analyze.Analyze;
import dev.reelsmith.steps.publish.Publishing;
import dev.reelsmith.store.artifacts.ArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Compose step: downloads the approved shots' clips (or keyframes), the song or music bed, assembles the
 * timeline (cuts stay on the plan's beat-snapped cut points; failed or rejected shots hand their time to a
 * neighbour) and renders it in one FFmpeg pass. The outputs go to temporary keys under {@code compose/}; Publish
 * copies them to {@code final/}.
 */
public final class Composition {
    private final StepDependencies deps;
    private final RunInputs inputs;

    public Composition(StepDependencies deps) {
        this.deps = deps;
        this.inputs = new RunInputs(deps);
    }

    /** The approved shots in cut order, and the music bed for briefs (null for songs or silence). */
    public record Request(String sessionId, List<String> shotIds, String musicKey) {
        public Request {
            if (sessionId == null || sessionId.isBlank()) {
                throw new IllegalArgumentException("sessionId is required");
            }
            shotIds = shotIds == null ? List.of() : List.copyOf(shotIds);
        }
    }

    public Publishing.Request compose(Request request) {
        String id = request.sessionId();
        Session session = inputs.session(id);
        deps.sessions().enter(id, Stage.COMPOSE, Stage.COMPOSE.description());
        PlanningInput planning = inputs.planningInput(session);
        ShotList shots = inputs.shots(id);
        Map<String, Asset> assets = new HashMap<>();
        for (Asset asset : deps.sessions().assets(id)) {
            assets.put(asset.id(), asset);
        }
        try (Work work = Work.open(deps.config().workDirectory(), id, "compose")) {
            List<ShotMedia> media = new ArrayList<>();
            for (Shot shot : shots.shots()) {
                Asset keyframe = assets.get("keyframe/" + shot.id());
                Asset clip = assets.get("clip/" + shot.id());
                if (keyframe == null || !"ready".equals(keyframe.status())) {
                    media.add(ShotMedia.failed(shot.id()));
                    continue;
                }
                Path image = deps.artifacts().download(keyframe.key(), work.file("keyframes/" + shot.id() + ".png"));
                if (clip != null && "ready".equals(clip.status()) && clip.contentType() != null
                        && clip.contentType().startsWith("video/")) {
                    Path video = deps.artifacts().download(clip.key(), work.file("clips/" + shot.id() + ".mp4"));
                    MediaInfo info = deps.ffmpeg().probe(video);
                    media.add(ShotMedia.clip(shot.id(), image.toString(), video.toString(), info.durationSeconds()));
                } else {
                    media.add(ShotMedia.still(shot.id(), image.toString()));
                }
            }
            Soundtrack soundtrack;
            if ("song".equals(session.kind())) {
                String songKey = new Analyze(deps).songKey(id);
                soundtrack = Soundtrack.song(deps.artifacts().download(songKey,
                        work.file(songKey.substring(songKey.lastIndexOf('/') + 1))).toString());
            } else if (request.musicKey() != null) {
                soundtrack = Soundtrack.musicBed(deps.artifacts().download(request.musicKey(),
                        work.file("music.wav")).toString());
            } else {
                soundtrack = Soundtrack.none();
            }
            Timeline timeline = new TimelineAssembler().assemble(new EditInput(planning, inputs.script(id), shots,
                    inputs.plan(id), media, request.shotIds(), soundtrack, 30));
            deps.artifacts().putJson(ArtifactStore.runKey(id, "timeline.json"), timeline);
            Stage stage = Stage.COMPOSE;
            RenderResult result = new Renderer(deps.ffmpeg()).render(timeline, work.file("video.mp4"),
                    RenderOptions.defaults(), progress -> {
                        // progress is reported by the step's own events; FFmpeg's are too frequent to store
                    });
            String videoKey = ArtifactStore.runKey(id, "compose/video.mp4");
            String posterKey = ArtifactStore.runKey(id, "compose/poster.jpg");
            deps.artifacts().upload(result.video(), videoKey, "video/mp4");
            deps.artifacts().upload(result.poster(), posterKey, "image/jpeg");
            int width = timeline.aspect().width();
            int height = timeline.aspect().height();
            deps.sessions().progress(id, stage, stage.endPercent(), String.format(Locale.ROOT,
                    "rendered %.2f s %dx%d in %.1f s", result.durationSeconds(), width, height,
                    result.wallTime().toMillis() / 1000.0));
            return new Publishing.Request(id, videoKey, posterKey, result.durationSeconds(), width, height);
        }
    }
}
