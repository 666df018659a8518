package dev.reelsmith.domain;

/**
 * One shot on a {@link Timeline}: what it shows, where it sits and how it moves.
 *
 * @param id                 stable id, used in logs and errors
 * @param startSeconds       when the shot's cut point is (transitions are centred on it)
 * @param durationSeconds    how long the shot holds, cut point to cut point
 * @param source             the picture
 * @param motion             camera movement applied to stills (ignored for clips, which move by themselves)
 * @param transitionIn       how this shot arrives; the first shot must arrive by {@code cut}
 * @param transitionSeconds  length of {@code transitionIn}; 0 (or absent) for cuts
 */
public record TimelineShot(String id, double startSeconds, double durationSeconds, ShotSource source,
                           CameraMovement motion, Transition transitionIn, Double transitionSeconds) {
    public TimelineShot {
        transitionSeconds = transitionSeconds == null ? 0.0 : transitionSeconds;
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("shot id must be 1-64 letters, digits, '_', '.' or '-', was " + id);
        }
        if (!(startSeconds >= 0)) {
            throw new IllegalArgumentException("shot " + id + ": startSeconds must be >= 0, was " + startSeconds);
        }
        if (!(durationSeconds > 0 && durationSeconds <= 600)) {
            throw new IllegalArgumentException("shot " + id + ": durationSeconds must be in (0, 600], was " + durationSeconds);
        }
        if (source == null) {
            throw new IllegalArgumentException("shot " + id + ": source is required");
        }
        motion = motion == null ? CameraMovement.STATIC : motion;
        transitionIn = transitionIn == null ? Transition.CUT : transitionIn;
        if (transitionIn == Transition.CUT && transitionSeconds != 0) {
            throw new IllegalArgumentException("shot " + id + ": transitionSeconds must be 0 for a cut, was " + transitionSeconds);
        }
        if (transitionIn != Transition.CUT && !(transitionSeconds > 0 && transitionSeconds <= 5)) {
            throw new IllegalArgumentException("shot " + id + ": transitionSeconds must be in (0, 5] for a "
                    + transitionIn.label() + ", was " + transitionSeconds);
        }
    }

    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
