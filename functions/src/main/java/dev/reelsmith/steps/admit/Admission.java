package dev.reelsmith.steps.admit;

import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ReviewGates;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.schema.InvalidUploadException;
import dev.reelsmith.domain.schema.UploadValidator;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.domain.session.Stage;
import dev.reelsmith.media.ffmpeg.FfmpegException;
import dev.reelsmith.media.ffmpeg.MediaInfo;
import dev.reelsmith.media.probe.AudioSniffer;
import dev.reelsmith.steps.StepDependencies;
import dev.reelsmith.steps.Work;
import dev.reelsmith.store.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Admission by content, not by name: a brief must parse and satisfy its schema; a song must start with the bytes of
 * an audio container, probe as audio with FFmpeg and fit the length limits; a song's optional sidecar
 * ({@code songs/x.json} beside {@code songs/x.mp3}) must be valid too. An admitted upload is copied into the run's
 * artifacts ({@code runs/<id>/input/…}) so later steps never read the inbox; a rejected one marks the session
 * {@code rejected} with the specific reason. Nothing here throws for bad input: rejection is an outcome.
 */
public final class Admission {
    /** Largest song accepted. */
    public static final long MAX_SONG_BYTES = 200L * 1024 * 1024;
    /** Longest song accepted (the compose step's Lambda limit leaves room for 10 minutes at 1080p). */
    public static final double MAX_SONG_SECONDS = 600;
    /** Shortest song worth a video. */
    public static final double MIN_SONG_SECONDS = 5;

    private final StepDependencies deps;

    public Admission(StepDependencies deps) {
        this.deps = deps;
    }

    /** The execution input the inbox handler starts the run with. */
    public record Request(String sessionId, String bucket, String key, String versionId, Long size) {
    }

    /** What the state machine branches on. */
    public record Result(String sessionId, boolean admitted, String kind, String title, String reason,
                         boolean reviewImages, boolean reviewClips) {
    }

    public Result admit(Request request) {
        if (request.sessionId() == null || request.bucket() == null || request.key() == null) {
            throw new IllegalArgumentException("sessionId, bucket and key are required in the execution input");
        }
        String key = request.key();
        String kind = key.toLowerCase(Locale.ROOT).startsWith("briefs/") ? "brief" : "song";
        try (Work work = Work.open(deps.config().workDirectory(), request.sessionId(), "admit")) {
            return kind.equals("brief") ? brief(request, work) : song(request, work);
        }
    }

    private Result brief(Request request, Work work) {
        Path file = work.file("brief.json");
        Optional<String> missing = fetch(request.bucket(), request.key(), request.versionId(), file,
                UploadValidator.MAX_UPLOAD_BYTES);
        if (missing.isPresent()) {
            return reject(request, "brief", missing.get());
        }
        Brief brief;
        try {
            brief = new UploadValidator().parseBrief(Files.readAllBytes(file));
        } catch (InvalidUploadException e) {
            return reject(request, "brief", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReviewGates gates = brief.reviewGates();
        boolean images = gates != null && Boolean.TRUE.equals(gates.images());
        boolean clips = gates != null && Boolean.TRUE.equals(gates.clips());
        deps.artifacts().upload(file, inputKey(request.sessionId(), "brief.json"), "application/json");
        return admitted(request, "brief", brief.title(), images, clips, brief.budgetUsd());
    }

    private Result song(Request request, Work work) {
        String name = request.key().substring(request.key().lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
        Path file = work.file("song" + extension);
        Optional<String> missing = fetch(request.bucket(), request.key(), request.versionId(), file, MAX_SONG_BYTES);
        if (missing.isPresent()) {
            return reject(request, "song", missing.get());
        }
        byte[] head = head(file);
        if (AudioSniffer.sniff(head).isEmpty()) {
            return reject(request, "song", name + " is not audio: " + AudioSniffer.describe(head)
                    + ". Upload an MP3, WAV, FLAC, Ogg, M4A or AIFF file");
        }
        MediaInfo info;
        try {
            info = deps.ffmpeg().probe(file);
        } catch (FfmpegException e) {
            return reject(request, "song", name + " could not be decoded as audio (" + e.getMessage()
                    + "). Re-export it as MP3 or WAV");
        }
        if (info.audio().isEmpty()) {
            return reject(request, "song", name + " has no audio stream");
        }
        double seconds = info.durationSeconds();
        if (!(seconds >= MIN_SONG_SECONDS)) {
            return reject(request, "song", String.format(Locale.ROOT, "%s lasts %.1f s; songs must last at least "
                    + "%.0f s", name, seconds, MIN_SONG_SECONDS));
        }
        if (seconds > MAX_SONG_SECONDS) {
            return reject(request, "song", String.format(Locale.ROOT, "%s lasts %.1f s; songs must last at most "
                    + "%.0f s (10 minutes). Trim it or split it", name, seconds, MAX_SONG_SECONDS));
        }
        String sidecarKey = request.key().substring(0, request.key().length() - extension.length()) + ".json";
        String title = name;
        Path sidecarFile = work.file("sidecar.json");
        Optional<String> noSidecar = fetch(request.bucket(), sidecarKey, null, sidecarFile,
                UploadValidator.MAX_UPLOAD_BYTES);
        if (noSidecar.isEmpty()) {
            try {
                SongSidecar sidecar = new UploadValidator().parseSidecar(Files.readAllBytes(sidecarFile));
                if (sidecar.title() != null) {
                    title = sidecar.title();
                }
            } catch (InvalidUploadException e) {
                return reject(request, "song", "sidecar " + sidecarKey + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deps.artifacts().upload(sidecarFile, inputKey(request.sessionId(), "sidecar.json"), "application/json");
        } else if (!noSidecar.get().startsWith("missing")) {
            return reject(request, "song", "sidecar " + sidecarKey + ": " + noSidecar.get());
        }
        deps.artifacts().upload(file, inputKey(request.sessionId(), "song" + extension), audioType(extension));
        String review = deps.config().songReview();
        return admitted(request, "song", title, review.equals("images") || review.equals("both"),
                review.equals("clips") || review.equals("both"), deps.config().defaultBudgetUsd());
    }

    private static String audioType(String extension) {
        return switch (extension) {
            case ".mp3" -> "audio/mpeg";
            case ".wav" -> "audio/wav";
            case ".flac" -> "audio/flac";
            case ".ogg", ".oga", ".opus" -> "audio/ogg";
            case ".m4a", ".aac" -> "audio/mp4";
            case ".aif", ".aiff" -> "audio/aiff";
            case ".webm" -> "audio/webm";
            default -> "application/octet-stream";
        };
    }

    /** The key of an admitted input in the run's artifacts. */
    public static String inputKey(String sessionId, String name) {
        return ArtifactStore.runKey(sessionId, "input/" + name);
    }

    /**
     * Downloads an inbox object if it exists and is within {@code maxBytes}; otherwise the reason, starting with
     * {@code missing} when there is no such object.
     */
    private Optional<String> fetch(String bucket, String key, String versionId, Path file, long maxBytes) {
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
        if (versionId != null && !versionId.isBlank()) {
            get.versionId(versionId);
        }
        try (InputStream in = deps.s3().getObject(get.build())) {
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (var out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    copied += n;
                    if (copied > maxBytes) {
                        return Optional.of(key + " is larger than the limit of " + maxBytes / (1024 * 1024) + " MiB"
                                + (maxBytes < 1024 * 1024 ? " (" + maxBytes / 1024 + " KiB)" : ""));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (copied == 0) {
                return Optional.of(key + " is empty (0 bytes)");
            }
            return Optional.empty();
        } catch (NoSuchKeyException e) {
            return Optional.of("missing: " + key + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(AudioSniffer.HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result admitted(Request request, String kind, String title, boolean images, boolean clips,
                            BigDecimal budget) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", kind);
        fields.put("title", title);
        fields.put("reviewImages", images);
        fields.put("reviewClips", clips);
        fields.put("budgetUsd", budget == null ? deps.config().defaultBudgetUsd() : budget);
        deps.sessions().set(request.sessionId(), fields);
        deps.sessions().progress(request.sessionId(), Stage.ADMIT, Stage.ADMIT.endPercent(),
                kind + " admitted: " + title);
        return new Result(request.sessionId(), true, kind, title, null, images, clips);
    }

    private Result reject(Request request, String kind, String reason) {
        deps.sessions().finish(request.sessionId(), SessionStatus.REJECTED, Stage.ADMIT, "Admit", reason,
                "rejected", "upload rejected: " + reason);
        return new Result(request.sessionId(), false, kind, null, reason, false, false);
    }
}
