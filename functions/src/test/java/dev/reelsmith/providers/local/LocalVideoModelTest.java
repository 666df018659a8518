package dev.reelsmith.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import dev.reelsmith.media.render.Renderer;
import dev.reelsmith.providers.FrameContext;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.JobState;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVideoModelTest {
    @TempDir
    Path dir;

    @Test
    void startThenPoll_shouldAnimateTheKeyframeIntoAClipOfTheRequestedLength() throws Exception {
        // given a storyboard keyframe
        Ffmpeg ffmpeg = Ffmpeg.locate();
        LocalVideoModel model = new LocalVideoModel(new Renderer(ffmpeg));
        VideoRequest request = new VideoRequest(keyframe(), null, "slow push in on the runner", 2.0,
                AspectRatio.SQUARE, 1080, 1080, CameraMovement.PUSH_IN, 7, dir.resolve("clips/s01.mp4"));

        // when
        VideoJob job = model.start(request);
        VideoJobStatus status = model.poll(job);

        // then
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.cost().isFree()).isTrue();
        MediaInfo info = ffmpeg.probe(status.output());
        assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
        assertThat(ffmpeg.videoFrameTimes(status.output())).hasSize(60);
    }

    @Test
    void start_shouldNotRenderTwice_whenTheSameRequestArrivesAgain() throws Exception {
        // given a finished job
        LocalVideoModel model = new LocalVideoModel(new Renderer(Ffmpeg.locate()));
        VideoRequest request = new VideoRequest(keyframe(), null, "pan across the skyline", 1.0,
                AspectRatio.SQUARE, 1080, 1080, CameraMovement.PAN_LEFT, 7, dir.resolve("s02.mp4"));
        VideoJob first = model.start(request);
        FileTime rendered = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first.output(), rendered);

        // when the same request is started again (a retried Lambda)
        VideoJob second = model.start(request);

        // then the job is the same and the clip untouched
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.output())).isEqualTo(rendered);
    }

    @Test
    void poll_shouldFail_whenTheClipHasGone() throws Exception {
        // given
        LocalVideoModel model = new LocalVideoModel(new Renderer(Ffmpeg.locate()));
        VideoJob job = model.start(new VideoRequest(keyframe(), null, "static hold", 1.0,
                AspectRatio.SQUARE, 1080, 1080, CameraMovement.STATIC, 1, dir.resolve("s03.mp4")));
        Files.delete(job.output());

        // when
        VideoJobStatus status = model.poll(job);

        // then
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.failureReason()).contains(job.jobId()).contains("start the job again");
    }

    private Path keyframe() {
        Path png = dir.resolve("key.png");
        if (!Files.exists(png)) {
            new StoryboardImageModel().generate(new ImageRequest("a runner at dawn", null, 3, 1080, 1080, AspectRatio.SQUARE,
                    List.of(), new FrameContext("s01", 1, 3, ShotType.WIDE, CameraMovement.PUSH_IN, "A runner at dawn.",
                    "hopeful", List.of(), "Test"), png));
        }
        return png;
    }
}
