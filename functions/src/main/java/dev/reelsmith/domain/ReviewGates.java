package dev.reelsmith.domain;

/**
 * Where a run pauses for a person to approve and reorder before more money is spent. A null flag means false
 * (the flags are boxed so that a brief may leave either out).
 *
 * @param images pause after keyframes are generated, before any clip is paid for
 * @param clips  pause after clips are generated, before the video is composed
 */
public record ReviewGates(Boolean images, Boolean clips) {
    /** No pauses: the default when a brief does not mention review. */
    public static final ReviewGates NONE = new ReviewGates(false, false);

    public ReviewGates {
        images = images != null && images;
        clips = clips != null && clips;
    }
}
