package dev.reelsmith.agents;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rewrites a prompt a vendor's content filter refused into a gentler one for the single re-prompt the pipeline
 * allows: drops words filters commonly trip on (violence, weapons, injury, nudity, drugs, real-person likeness
 * cues) and asks for a tasteful, brand-safe rendering. The meaning of the shot (subject, setting, framing) stays.
 */
public final class PromptSoftener {
    private static final List<String> TRIGGERS = List.of("blood", "bloody", "gore", "gory", "kill", "killing",
            "dead", "death", "corpse", "weapon", "weapons", "gun", "guns", "rifle", "knife", "knives", "sword",
            "explosion", "explode", "bomb", "fight", "fighting", "violent", "violence", "war", "injury", "wound",
            "naked", "nude", "nudity", "sexy", "sensual", "lingerie", "drug", "drugs", "cocaine", "alcohol", "drunk",
            "cigarette", "smoking", "celebrity", "famous", "lookalike", "logo", "trademark", "horror", "scary");
    private static final Pattern WORD = Pattern.compile("\\b(" + String.join("|", TRIGGERS) + ")\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String SUFFIX = "Tasteful, brand-safe, family-friendly rendering.";

    private PromptSoftener() {
    }

    /** The softened prompt; never blank, at most {@code maxLength} characters. */
    public static String soften(String prompt, int maxLength) {
        String cleaned = WORD.matcher(prompt).replaceAll("").replaceAll("\\s{2,}", " ")
                .replaceAll("\\s+([,.;:])", "$1").strip();
        if (cleaned.isEmpty()) {
            cleaned = "A calm, well-lit scene";
        }
        String softened = cleaned.endsWith(".") ? cleaned + " " + SUFFIX : cleaned + ". " + SUFFIX;
        return softened.length() <= maxLength ? softened : softened.substring(0, maxLength).strip();
    }

    /** True when the prompt contains a word the softener removes. */
    public static boolean hasTriggers(String prompt) {
        return WORD.matcher(prompt.toLowerCase(Locale.ROOT)).find();
    }
}
