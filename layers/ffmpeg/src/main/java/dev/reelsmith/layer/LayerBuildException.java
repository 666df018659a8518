package dev.reelsmith.layer;

/**
 * Thrown when the FFmpeg layer cannot be built: a source jar is missing or is not the expected bytedeco
 * platform jar, the binaries are for another machine, need a library that cannot be stubbed, or the result
 * would not fit Lambda's size limit. The message says which and what to do.
 */
public class LayerBuildException extends RuntimeException {
    public LayerBuildException(String message) {
        super(message);
    }

    public LayerBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
