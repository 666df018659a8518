package dev.reelsmith.domain.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry in a session's ordered progress log, as the API's events endpoint and {@code reelsmith run} show it.
 *
 * @param seq     1, 2, 3, … in the order written; never reused
 * @param at      when it was written
 * @param type    what happened: {@code progress}, {@code stage}, {@code review}, {@code rejected}, {@code failed},
 *                {@code completed}, {@code cost}
 * @param stage   the stage it belongs to
 * @param percent overall progress, 0–100
 * @param message one human sentence
 */
public record ProgressEvent(long seq, Instant at, String type, Stage stage, int percent, String message) {
    public ProgressEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, was " + seq);
        }
        Objects.requireNonNull(at, "at");
        if (type == null || !type.matches("[a-z_]{1,20}")) {
            throw new IllegalArgumentException("type must be 1-20 lower-case letters, was " + type);
        }
        Objects.requireNonNull(stage, "stage");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
    }
}
