package dev.reelsmith.media.edit;

import java.util.List;

/**
 * Thrown when no shot is left to compose: every planned shot failed, was rejected, or was left out of the
 * approved order. Terminal: retrying the composition cannot bring media back.
 */
public class NoUsableShotsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> failed;
    private final List<String> rejected;

    public NoUsableShotsException(List<String> failed, List<String> rejected) {
        super("no usable shot to compose: " + describe("failed", failed) + ", " + describe("rejected or not approved", rejected));
        this.failed = List.copyOf(failed);
        this.rejected = List.copyOf(rejected);
    }

    /** Ids of the shots whose generation failed, in plan order. */
    public List<String> failed() {
        return failed;
    }

    /** Ids of the shots rejected or left out of the approved order, in plan order. */
    public List<String> rejected() {
        return rejected;
    }

    private static String describe(String what, List<String> ids) {
        return ids.size() + " " + what + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")");
    }
}
