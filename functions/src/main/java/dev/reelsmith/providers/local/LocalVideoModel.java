package dev.reelsmith.providers.local;

import dev.reelsmith.domain.ShotSource;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.TimelineShot;
import dev.reelsmith.domain.Transition;
import dev.reelsmith.media.render.RenderOptions;
import dev.reelsmith.media.render.Renderer;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.VideoJob;
import dev.reelsmith.providers.VideoJobStatus;
import dev.reelsmith.providers.VideoModel;
import dev.reelsmith.providers.VideoRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The free, offline image-to-clip provider: animates the keyframe with the shot's camera movement (Ken Burns
 * zoom and pan) through the same renderer the compose step uses, at the aspect ratio's delivery size.
 *
 * <p>The work happens inside {@link #start} (a few seconds of local CPU), so the first {@link #poll} already
 * answers {@code SUCCEEDED} (a failed render throws {@link dev.reelsmith.media.ffmpeg.FfmpegException} from
 * {@code start}); the job id is a hash of the request, so a repeated start for the same request is
 * recognised and the clip is not rendered twice.
 */
public final class LocalVideoModel implements VideoModel {
    private final Renderer renderer;
    private final RenderOptions options;

    public LocalVideoModel(Renderer renderer) {
        this(renderer, RenderOptions.defaults());
    }

    public LocalVideoModel(Renderer renderer, RenderOptions options) {
        this.renderer = renderer;
        this.options = options;
    }

    @Override
    public String providerId() {
        return "local";
    }

    @Override
    public String modelId() {
        return "ken-burns";
    }

    @Override
    public VideoJob start(VideoRequest request) {
        String jobId = jobId(request);
        Path marker = marker(request.output());
        if (!(Files.isRegularFile(request.output()) && Files.isRegularFile(marker) && jobId.equals(read(marker)))) {
            Timeline clip = new Timeline(request.aspect(), 30, request.durationSeconds(), List.of(
                    new TimelineShot("clip", 0, request.durationSeconds(),
                            ShotSource.ofImage(request.firstFrame().toAbsolutePath().toString()),
                            request.cameraMovement(), Transition.CUT, 0.0)),
                    List.of(), null, 0.0, 0.0, null);
            renderer.render(clip, request.output(), options, p -> { });
            write(marker, jobId);
        }
        return new VideoJob(providerId(), modelId(), jobId, request.output(), request.durationSeconds());
    }

    @Override
    public VideoJobStatus poll(VideoJob job) {
        Path marker = marker(job.output());
        if (Files.isRegularFile(job.output()) && Files.isRegularFile(marker) && job.jobId().equals(read(marker))) {
            return VideoJobStatus.succeeded(job.output(),
                    Cost.free(BigDecimal.valueOf(job.durationSeconds()), "second"));
        }
        return VideoJobStatus.failed("local clip " + job.jobId() + " is missing from " + job.output()
                + "; start the job again");
    }

    private static Path marker(Path output) {
        return output.resolveSibling(output.getFileName() + ".job");
    }

    private static String jobId(VideoRequest r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(r.firstFrame()));
            sha.update(String.format(Locale.ROOT, "|%s|%.6f|%s|%s|%d", r.prompt(), r.durationSeconds(),
                    r.aspect().label(), r.cameraMovement().label(), r.seed()).getBytes(StandardCharsets.UTF_8));
            return "local-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keyframe " + r.firstFrame(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record job " + s + " beside " + p, e);
        }
    }
}
