package dev.reelsmith.domain;

import java.util.List;

/**
 * A brand's colours, typeface and logo, applied to overlays, palettes and the end card.
 *
 * @param colors  brand colours as {@code #RRGGBB}, primary first (at most 8; null means none)
 * @param font    the brand typeface's name, or null; overlays fall back to the bundled Liberation Sans
 * @param logoKey key of the logo image in the bucket the brief was uploaded to, or null. It is relative: no
 *                leading slash, no {@code .} or {@code ..} segments, no empty segments, no backslashes, so it
 *                can never point outside the upload's bucket prefix
 */
public record BrandKit(List<String> colors, String font, String logoKey) {
    public static final int MAX_COLORS = 8;
    public static final int MAX_FONT_LENGTH = 100;
    public static final int MAX_LOGO_KEY_LENGTH = 1024;

    public BrandKit {
        FieldRules rules = FieldRules.under("brand");
        colors = rules.hexColors("colors", colors, MAX_COLORS);
        rules.optionalText("font", font, MAX_FONT_LENGTH);
        if (logoKey != null) {
            String problem = objectKeyProblem(logoKey);
            if (problem != null) {
                throw rules.fail("logoKey", problem.startsWith("must be at most") ? "maxLength" : "pattern",
                        problem + ", was " + logoKey);
            }
        }
    }

    /** Why {@code key} is not a safe relative object key, or null when it is. */
    static String objectKeyProblem(String key) {
        if (key.isEmpty()) {
            return "must not be empty";
        }
        if (key.length() > MAX_LOGO_KEY_LENGTH) {
            return "must be at most " + MAX_LOGO_KEY_LENGTH + " characters";
        }
        if (key.startsWith("/")) {
            return "must be a relative key without a leading /";
        }
        if (key.indexOf('\\') >= 0) {
            return "must not contain backslashes";
        }
        String unrenderable = FieldRules.unrenderable(key);
        if (unrenderable != null) {
            return unrenderable;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "must not contain empty segments (// or a trailing /)";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "must not contain . or .. segments";
            }
        }
        return null;
    }
}
