package dev.reelsmith.domain;

import java.util.regex.Pattern;

/**
 * The closing call to action of a brief, rendered as an overlay on the last beat.
 *
 * @param text what the viewer should do (1-60 characters, so it fits one line on a phone)
 * @param url  an http(s) address shown with it, or null
 */
public record CallToAction(String text, String url) {
    public static final int MAX_TEXT_LENGTH = 60;
    public static final int MAX_URL_LENGTH = 2048;
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+\\S*");

    public CallToAction {
        FieldRules rules = FieldRules.under("cta");
        rules.requiredText("text", text, MAX_TEXT_LENGTH);
        if (url != null) {
            if (url.length() > MAX_URL_LENGTH) {
                throw rules.fail("url", "maxLength", "must be at most " + MAX_URL_LENGTH + " characters, was " + url.length());
            }
            if (!URL.matcher(url).matches()) {
                throw rules.fail("url", "pattern", "must be an http(s) URL such as https://example.com/offer, was " + url);
            }
        }
    }
}
