package dev.reelsmith.providers.text.local;

import dev.reelsmith.domain.BeatPurpose;
import java.util.Locale;

/**
 * The feel a brief's tone (or a song's mood) asks for, reduced to four families that decide emotions, an extra
 * style word and transitions.
 */
enum Tone {
    ENERGETIC("punchy fast-cut energy"),
    WARM("unhurried warm pacing"),
    CLEAR("clear friendly visual explanation"),
    PREMIUM("refined premium restraint");

    private final String styleKeyword;

    Tone(String styleKeyword) {
        this.styleKeyword = styleKeyword;
    }

    /** The family of a tone text; {@code fallback} when no word is recognised. */
    static Tone of(String tone, Tone fallback) {
        if (tone == null) {
            return fallback;
        }
        String t = tone.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(premium|luxur\\w*|elegant|refined|sophisticated)\\b.*")) {
            return PREMIUM;
        }
        if (t.matches(".*\\b(energetic|driving|bold|confident|playful|exciting|urgent|upbeat|punchy|fun|dynamic)\\b.*")) {
            return ENERGETIC;
        }
        if (t.matches(".*\\b(warm|cos[yz]|unhurried|indulgent|calm|mellow|gentle|relaxed|soothing|intimate)\\b.*")) {
            return WARM;
        }
        if (t.matches(".*\\b(clear|reassuring|curious|friendly|informative|helpful|honest|simple)\\b.*")) {
            return CLEAR;
        }
        return fallback;
    }

    String styleKeyword() {
        return styleKeyword;
    }

    /** The feeling a beat should land in this tone. */
    String emotion(BeatPurpose purpose) {
        return switch (this) {
            case ENERGETIC -> switch (purpose) {
                case HOOK -> "adrenaline";
                case PROBLEM -> "frustration";
                case AGITATION -> "restlessness";
                case SOLUTION -> "excitement";
                case PROOF -> "confidence";
                case BENEFIT -> "freedom";
                case OFFER -> "urgency";
                case CTA -> "determination";
                case CONTEXT -> "recognition";
                case HOW_IT_WORKS -> "fascination";
                case SUMMARY -> "pride";
                default -> "energy";
            };
            case WARM -> switch (purpose) {
                case HOOK -> "curiosity";
                case PROBLEM -> "weariness";
                case AGITATION -> "longing";
                case SOLUTION -> "relief";
                case PROOF -> "trust";
                case BENEFIT -> "contentment";
                case OFFER -> "delight";
                case CTA -> "anticipation";
                case CONTEXT -> "familiarity";
                case HOW_IT_WORKS -> "understanding";
                case SUMMARY -> "calm";
                default -> "warmth";
            };
            case CLEAR -> switch (purpose) {
                case HOOK -> "curiosity";
                case PROBLEM -> "concern";
                case AGITATION -> "unease";
                case SOLUTION -> "relief";
                case PROOF -> "confidence";
                case BENEFIT -> "reassurance";
                case OFFER -> "interest";
                case CTA -> "readiness";
                case CONTEXT -> "recognition";
                case HOW_IT_WORKS -> "clarity";
                case SUMMARY -> "certainty";
                default -> "clarity";
            };
            case PREMIUM -> switch (purpose) {
                case HOOK -> "intrigue";
                case PROBLEM -> "dissatisfaction";
                case AGITATION -> "impatience";
                case SOLUTION -> "desire";
                case PROOF -> "admiration";
                case BENEFIT -> "indulgence";
                case OFFER -> "exclusivity";
                case CTA -> "aspiration";
                case CONTEXT -> "poise";
                case HOW_IT_WORKS -> "appreciation";
                case SUMMARY -> "satisfaction";
                default -> "elegance";
            };
        };
    }
}
