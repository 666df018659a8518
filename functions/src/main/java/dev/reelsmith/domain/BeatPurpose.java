package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a beat of a script is for. Ads use the eight ALT beats (hook, problem, agitation, solution, proof, benefit,
 * offer, cta), explainers a problem-to-how-it-works arc, music videos the song's sections.
 */
public enum BeatPurpose {
    HOOK(VideoKind.AD, VideoKind.EXPLAINER, VideoKind.MUSIC_VIDEO),
    PROBLEM(VideoKind.AD, VideoKind.EXPLAINER),
    AGITATION(VideoKind.AD),
    SOLUTION(VideoKind.AD, VideoKind.EXPLAINER),
    PROOF(VideoKind.AD, VideoKind.EXPLAINER),
    BENEFIT(VideoKind.AD, VideoKind.EXPLAINER),
    OFFER(VideoKind.AD),
    CTA(VideoKind.AD, VideoKind.EXPLAINER),
    CONTEXT(VideoKind.EXPLAINER),
    HOW_IT_WORKS(VideoKind.EXPLAINER),
    SUMMARY(VideoKind.EXPLAINER),
    INTRO(VideoKind.MUSIC_VIDEO),
    VERSE(VideoKind.MUSIC_VIDEO),
    PRE_CHORUS(VideoKind.MUSIC_VIDEO),
    CHORUS(VideoKind.MUSIC_VIDEO),
    BRIDGE(VideoKind.MUSIC_VIDEO),
    INSTRUMENTAL(VideoKind.MUSIC_VIDEO),
    OUTRO(VideoKind.MUSIC_VIDEO);

    private final Set<VideoKind> kinds;

    BeatPurpose(VideoKind first, VideoKind... rest) {
        this.kinds = EnumSet.of(first, rest);
    }

    /** Whether a script of {@code kind} may use this purpose. */
    public boolean suits(VideoKind kind) {
        return kinds.contains(kind);
    }

    /** The purposes a script of {@code kind} may use, in story order. */
    public static Set<BeatPurpose> forKind(VideoKind kind) {
        return Arrays.stream(values()).filter(p -> p.suits(kind))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(BeatPurpose.class)));
    }

    /** JSON form, e.g. {@code "how-it-works"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static BeatPurpose fromLabel(String label) {
        for (BeatPurpose purpose : values()) {
            if (purpose.label().equals(label)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("beat purpose must be one of "
                + Arrays.stream(values()).map(BeatPurpose::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
