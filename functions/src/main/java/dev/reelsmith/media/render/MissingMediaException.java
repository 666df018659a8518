package dev.reelsmith.media.render;

/** Thrown when a timeline names an image, clip or audio file that does not exist. */
public class MissingMediaException extends RuntimeException {
    public MissingMediaException(String message) {
        super(message);
    }
}
