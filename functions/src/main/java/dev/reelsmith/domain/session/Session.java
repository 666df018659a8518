package dev.reelsmith.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A session: one upload (brief or song) and the run that turns it into a video, as stored in the session table's
 * {@code META} item and shown by the API. Optional fields are null until the run reaches them.
 *
 * @param id            the run id (deterministic from the upload), also the execution name
 * @param owner         who may see and act on it: the IAM principal or JWT subject, {@code inbox} for direct uploads
 * @param kind          {@code brief} or {@code song}, or null before admission
 * @param title         the brief's title or the song's, or the file name
 * @param status        where it stands
 * @param stage         the step it is in
 * @param percent       overall progress 0–100
 * @param inputBucket   the inbox bucket
 * @param inputKey      the uploaded object's key
 * @param inputVersion  the object's version id (or its ETag when the bucket is unversioned)
 * @param createdAt     when the session was opened
 * @param updatedAt     last change
 * @param reviewImages  whether the run pauses for keyframe review
 * @param reviewClips   whether the run pauses for clip review
 * @param budgetUsd     the spending limit, or null before planning
 * @param estimateUsd   the plan's estimate, or null before planning
 * @param spentUsd      the sum of recorded cost entries
 * @param executionArn  the workflow execution, once started
 * @param openGate      {@code images}, {@code clips} or {@code answers} while paused, else null
 * @param failedStep    the step that failed, for failed sessions
 * @param reason        why it failed or was rejected, readable by a person
 * @param questions     clarifying questions while awaiting answers (may be empty)
 * @param videoKey      the final video's key in the artifacts bucket, once published
 * @param posterKey     the poster's key, once published
 * @param reportKey     the cost report's key, once published
 * @param durationSeconds the final video's duration
 * @param width         the final video's width
 * @param height        the final video's height
 */
public record Session(String id, String owner, String kind, String title, SessionStatus status, Stage stage,
                      int percent, String inputBucket, String inputKey, String inputVersion, Instant createdAt,
                      Instant updatedAt, boolean reviewImages, boolean reviewClips, BigDecimal budgetUsd,
                      BigDecimal estimateUsd, BigDecimal spentUsd, String executionArn, String openGate,
                      String failedStep, String reason, List<String> questions, String videoKey, String posterKey,
                      String reportKey, Double durationSeconds, Integer width, Integer height) {
    public Session {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new IllegalArgumentException("session id must be 1-80 letters, digits, '_' or '-', was " + id);
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("session " + id + ": owner must not be blank");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("session " + id + ": percent must be 0-100, was " + percent);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        spentUsd = spentUsd == null ? BigDecimal.ZERO : spentUsd;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** A new session for an upload, before admission has looked at it. */
    public static Session opened(String id, String owner, String bucket, String key, String version, Instant now) {
        return new Session(id, owner, null, fileName(key), SessionStatus.RUNNING, Stage.ADMIT, 0, bucket, key,
                version, now, now, false, false, null, null, BigDecimal.ZERO, null, null, null, null, List.of(),
                null, null, null, null, null, null);
    }

    private static String fileName(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }
}
