package dev.reelsmith.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * A creative brief as uploaded to {@code briefs/<name>.json} (the format is published as
 * {@code schemas/brief.schema.json}): what to make, for whom, how long, in which shapes, and within which budget.
 *
 * <p>Defaults are applied in the constructor, so every Brief is already normalised and serialises with its
 * defaults spelled out: {@code keyMessages} empty, {@code aspectRatios} {@code [16:9]}, {@code budgetUsd} 0.00
 * (free local tools only), {@code reviewGates} none, {@code providerPreferences} {@link ProviderPreferences#DEFAULT},
 * {@code language} {@code en}. The budget is always kept with exactly two decimal places.
 *
 * <p>Text is bounded and checked for control characters but never rewritten. Missing {@code product}, {@code
 * audience} or {@code tone} are allowed: the script writer asks for them instead of guessing.
 *
 * @param kind                ad, music video or explainer
 * @param title               working title for the console and file names, or null
 * @param product             the product or subject, or null (the script writer then asks clarifying questions)
 * @param keyMessages         what the video must say, most important first (each 1-200 characters, at most 8;
 *                            ads need at least one)
 * @param audience            who it is for, or null
 * @param tone                how it should feel, or null
 * @param durationSeconds     target length, 6-600 seconds
 * @param aspectRatios        shapes to deliver, distinct, the first is primary
 * @param cta                 the call to action, or null
 * @param brand               colours, font and logo, or null
 * @param music               soundtrack direction, or null (the planner picks)
 * @param budgetUsd           the most this run may spend, 0-10000 USD with at most 2 decimals
 * @param reviewGates         where the run pauses for approval
 * @param providerPreferences constraints on the generation tools
 * @param language            BCP 47 tag of narration and on-screen text
 * @param deadlineMinutes     the run should finish within this many minutes (1-1440), or null for no deadline
 */
public record Brief(VideoKind kind, String title, Product product, List<String> keyMessages, String audience,
                    String tone, int durationSeconds, List<AspectRatio> aspectRatios, CallToAction cta,
                    BrandKit brand, MusicDirection music, BigDecimal budgetUsd, ReviewGates reviewGates,
                    ProviderPreferences providerPreferences, String language, Integer deadlineMinutes) {
    public static final int MIN_DURATION_SECONDS = 6;
    public static final int MAX_DURATION_SECONDS = 600;
    public static final int MAX_TITLE_LENGTH = 120;
    public static final int MAX_KEY_MESSAGES = 8;
    public static final int MAX_KEY_MESSAGE_LENGTH = 200;
    public static final int MAX_AUDIENCE_LENGTH = 500;
    public static final int MAX_TONE_LENGTH = 200;
    public static final BigDecimal MAX_BUDGET_USD = new BigDecimal("10000");
    public static final String DEFAULT_LANGUAGE = "en";

    public Brief {
        FieldRules rules = FieldRules.root();
        rules.required("kind", kind, "ad, music-video or explainer");
        rules.optionalText("title", title, MAX_TITLE_LENGTH);
        keyMessages = rules.texts("keyMessages", keyMessages, MAX_KEY_MESSAGES, MAX_KEY_MESSAGE_LENGTH);
        if (kind == VideoKind.AD && keyMessages.isEmpty()) {
            throw rules.fail("keyMessages", "minItems", "must not be empty when kind is ad; ads need at least one key message");
        }
        rules.optionalText("audience", audience, MAX_AUDIENCE_LENGTH);
        rules.optionalText("tone", tone, MAX_TONE_LENGTH);
        rules.between("durationSeconds", durationSeconds, MIN_DURATION_SECONDS, MAX_DURATION_SECONDS);
        aspectRatios = rules.aspectRatios("aspectRatios", aspectRatios);
        budgetUsd = budget(rules, budgetUsd);
        reviewGates = reviewGates == null ? ReviewGates.NONE : reviewGates;
        providerPreferences = providerPreferences == null ? ProviderPreferences.DEFAULT : providerPreferences;
        language = language(rules, language);
        if (deadlineMinutes != null) {
            rules.between("deadlineMinutes", deadlineMinutes, 1, 1440);
        }
    }

    /** The shape the shots are composed for: the first of {@link #aspectRatios()}. */
    public AspectRatio primaryAspectRatio() {
        return aspectRatios.get(0);
    }

    private static BigDecimal budget(FieldRules rules, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0 || value.compareTo(MAX_BUDGET_USD) > 0) {
            throw rules.fail("budgetUsd", value.signum() < 0 ? "minimum" : "maximum",
                    "must be between 0 and " + MAX_BUDGET_USD + ", was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw rules.fail("budgetUsd", "multipleOf", "must have at most 2 decimal places, was " + value.toPlainString());
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String language(FieldRules rules, String value) {
        if (value == null) {
            return DEFAULT_LANGUAGE;
        }
        try {
            if (value.length() <= 35 && !value.isEmpty()) {
                new Locale.Builder().setLanguageTag(value);
                return value;
            }
        } catch (IllformedLocaleException e) {
            // fall through to the one message for every malformed tag
        }
        throw rules.fail("language", "pattern", "must be a BCP 47 language tag such as en or pt-BR, was " + value);
    }
}
