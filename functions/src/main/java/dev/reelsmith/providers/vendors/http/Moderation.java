package dev.reelsmith.providers.vendors.http;

import java.util.regex.Pattern;

/**
 * Recognises moderation verdicts in vendors' free text, for vendors that report a failed job only in prose (Bedrock's
 * {@code failureMessage}, Replicate's {@code error}, Luma's {@code failure_reason}): such a job must take the
 * re-prompt path, not be restarted unchanged.
 */
public final class Moderation {
    private static final Pattern WORDS = Pattern.compile(
            "(?i)moderat|content.?filter|filter reason|safety|content polic|usage polic|blocked|blacklist|nsfw"
                    + "|sensitive content|inappropriate|prohibited content|violat|flagged|responsible ai");

    private Moderation() {
    }

    /** Whether {@code text} reads as a content-policy refusal. */
    public static boolean soundsLikeRefusal(String text) {
        return text != null && WORDS.matcher(text).find();
    }
}
