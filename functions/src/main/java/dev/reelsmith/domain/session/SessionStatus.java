package dev.reelsmith.domain.session;

import java.util.Locale;

/** Where a session stands as a whole; {@link Stage} says which step it is in. */
public enum SessionStatus {
    /** Created through the API; waiting for the upload. */
    PENDING_UPLOAD,
    /** The workflow is working on it. */
    RUNNING,
    /** Paused at a review gate until someone approves. */
    AWAITING_REVIEW,
    /** Paused until someone answers the script writer's questions. */
    AWAITING_ANSWERS,
    /** The video is published. */
    COMPLETED,
    /** A step failed; the session carries the step and reason. Can be redriven. */
    FAILED,
    /** The upload was refused at admission (bad content, limits); nothing was spent. */
    REJECTED,
    /** Stopped on request; artifacts are kept. */
    CANCELLED;

    /** The lower-case label used in the API and events, e.g. {@code awaiting_review}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the session will not change again without a retry. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REJECTED || this == CANCELLED;
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static SessionStatus fromLabel(String label) {
        for (SessionStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of pending_upload, running, awaiting_review, "
                + "awaiting_answers, completed, failed, rejected, cancelled, was " + label);
    }
}
