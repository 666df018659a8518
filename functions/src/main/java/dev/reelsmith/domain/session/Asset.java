package dev.reelsmith.domain.session;

import java.util.Objects;

/**
 * Something a run produced and stored: a keyframe, a clip, the music bed, the final video, its poster or the report.
 *
 * @param id              unique in the session, e.g. {@code keyframe/s03}
 * @param kind            {@code keyframe}, {@code clip}, {@code music}, {@code video}, {@code poster}, {@code report}
 * @param shotId          the shot it belongs to, or null
 * @param key             the object key in the artifacts bucket
 * @param contentType     MIME type
 * @param bytes           object size
 * @param provider        who made it ({@code local}, {@code runway}, …), or null for our own outputs
 * @param model           the model, or null
 * @param status          {@code ready}, {@code failed}, {@code rejected} (by a reviewer)
 * @param note            failure reason or reviewer note, or null
 */
public record Asset(String id, String kind, String shotId, String key, String contentType, long bytes,
                    String provider, String model, String status, String note) {
    public Asset {
        if (id == null || !id.matches("[A-Za-z0-9_./-]{1,120}")) {
            throw new IllegalArgumentException("asset id must be 1-120 letters, digits, '_', '.', '/' or '-', was " + id);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (bytes < 0) {
            throw new IllegalArgumentException("asset " + id + ": bytes must be at least 0, was " + bytes);
        }
    }
}
