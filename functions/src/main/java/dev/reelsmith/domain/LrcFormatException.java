package dev.reelsmith.domain;

/**
 * Thrown when lyrics that are written as LRC (at least one line starts with a {@code [mm:ss} timestamp) contain a
 * line that cannot be read: a malformed timestamp or offset, an unclosed tag, or text without a tag.
 */
public final class LrcFormatException extends InvalidFieldException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    LrcFormatException(int lineNumber, String problem) {
        super("lyrics", "lrc", "lyrics line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The offending line, counting from 1. */
    public int lineNumber() {
        return lineNumber;
    }
}
