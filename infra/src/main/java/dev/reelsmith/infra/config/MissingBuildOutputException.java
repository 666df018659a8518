package dev.reelsmith.infra.config;

/**
 * Thrown when a file the app deploys (the functions jar, an FFmpeg layer zip, the state machine definition) is
 * not where the build puts it. The message names the path and the command that produces it.
 */
public final class MissingBuildOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingBuildOutputException(String message) {
        super(message);
    }
}
