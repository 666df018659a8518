package dev.reelsmith.providers.local;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The colours one storyboard frame is painted with, by role: a sky gradient ({@code skyTop} → {@code skyBottom}),
 * a {@code ground} plane, the {@code ink} subjects are silhouetted in, an {@code accent} for light sources and
 * highlights, and a {@code glow} for soft background shapes.
 *
 * <p>Brand colours win: when the frame carries a palette, the roles are derived from it (the most saturated
 * colour becomes the accent and tints the horizon, the next colour sets the sky, the darkest the ink), with
 * brightness clamped so silhouettes always stand out against the sky. Otherwise the first recognised word of the
 * mood picks a hand-tuned palette:
 * <table>
 *   <caption>mood words → palette</caption>
 *   <tr><th>words</th><th>look</th></tr>
 *   <tr><td>energetic, upbeat, excited, bold, fun, playful, powerful, intense, hype, dynamic, sporty, punchy</td>
 *       <td>warm saturated: magenta sky into orange, yellow accent</td></tr>
 *   <tr><td>calm, serene, peaceful, relaxed, chill, tranquil, gentle, soft, minimal, clean</td>
 *       <td>cool: deep blue into pale sky blue, white accent</td></tr>
 *   <tr><td>dark, moody, mysterious, tense, dramatic, sad, melancholic, gritty, noir, somber, ominous</td>
 *       <td>deep tones: near-black navy into violet, crimson accent</td></tr>
 *   <tr><td>hopeful, uplifting, inspiring, optimistic, happy, bright, joyful, cheerful, fresh</td>
 *       <td>light: sky blue into warm cream, apricot accent</td></tr>
 *   <tr><td>romantic, nostalgic, dreamy, tender, retro, vintage, love</td>
 *       <td>dusk: plum into rose, peach accent</td></tr>
 *   <tr><td>luxury, elegant, premium, sophisticated, classy, refined</td>
 *       <td>black and bronze, gold accent</td></tr>
 * </table>
 * An unrecognised mood gets a palette around a hue derived from the mood text (so the same mood always looks
 * the same); no mood at all gets a neutral slate storyboard palette.
 */
record StoryboardPalette(Color skyTop, Color skyBottom, Color ground, Color ink, Color accent, Color glow) {

    private static final StoryboardPalette ENERGETIC = of("#B0165A", "#FF9A2E", "#5A1033", "#1E0614", "#FFE14D", "#FF6F3C");
    private static final StoryboardPalette CALM = of("#1F4E79", "#A9CFE8", "#2C5D7C", "#0C2233", "#F2FAFF", "#6FB1D9");
    private static final StoryboardPalette DARK = of("#07071A", "#43285E", "#140E22", "#030208", "#E0455A", "#6A2F9A");
    private static final StoryboardPalette HOPEFUL = of("#6DBCE0", "#FFF0C4", "#8CC7A4", "#23405A", "#FFA93A", "#FFFFFF");
    private static final StoryboardPalette ROMANTIC = of("#4B2C5E", "#F4A6A0", "#6B3B5C", "#24122B", "#FFD9B3", "#F7B7C9");
    private static final StoryboardPalette LUXURY = of("#111114", "#5A4C3C", "#1C1A18", "#050505", "#D9B56E", "#8C7450");
    private static final StoryboardPalette NEUTRAL = of("#2F3A4A", "#9FADBD", "#3B4656", "#10151D", "#F2C14E", "#C9D3DE");

    private static final Map<String, StoryboardPalette> MOODS = moods();

    static StoryboardPalette forFrame(List<String> brandColours, String mood) {
        if (!brandColours.isEmpty()) {
            return fromBrand(brandColours.stream().map(Color::decode).toList());
        }
        if (mood == null) {
            return NEUTRAL;
        }
        for (String word : mood.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            StoryboardPalette palette = MOODS.get(word);
            if (palette != null) {
                return palette;
            }
        }
        return fromHue(Math.floorMod(mood.trim().toLowerCase(Locale.ROOT).hashCode(), 360) / 360f);
    }

    /** Mood-less brand palettes: roles from the colours, brightness clamped for contrast. */
    static StoryboardPalette fromBrand(List<Color> colours) {
        List<Color> bySaturation = new ArrayList<>(colours);
        bySaturation.sort(Comparator.comparingDouble(StoryboardPalette::vividness).reversed());
        Color accent = bySaturation.get(0);
        Color second = bySaturation.size() > 1 ? bySaturation.get(1) : accent;
        Color darkest = colours.stream().min(Comparator.comparingDouble(StoryboardPalette::luminance)).orElseThrow();
        Color lightest = colours.stream().max(Comparator.comparingDouble(StoryboardPalette::luminance)).orElseThrow();

        boolean achromatic = saturation(accent) < 0.12f;
        float skyHue = saturation(second) >= 0.12f ? hue(second) : hue(accent);
        float skySat = achromatic ? 0.06f : Math.max(0.45f, saturation(second));
        Color skyTop = hsb(skyHue, skySat, 0.30f);
        Color skyBottom = achromatic ? hsb(0, 0, 0.78f) : hsb(hue(accent), 0.42f, 0.92f);
        Color ground = hsb(skyHue, skySat * 0.8f, 0.20f);
        Color ink = hsb(saturation(darkest) >= 0.12f ? hue(darkest) : skyHue, 0.5f, 0.07f);
        Color brightAccent = achromatic ? new Color(0xF2F2F2) : hsb(hue(accent), Math.max(0.55f, saturation(accent)),
                Math.max(0.85f, brightness(accent)));
        Color glow = mix(lightest, brightAccent, 0.5f);
        return new StoryboardPalette(skyTop, skyBottom, ground, ink, brightAccent, glow);
    }

    private static StoryboardPalette fromHue(float hue) {
        return new StoryboardPalette(hsb(hue, 0.65f, 0.32f), hsb(hue + 0.06f, 0.38f, 0.88f),
                hsb(hue, 0.55f, 0.22f), hsb(hue, 0.6f, 0.07f), hsb(hue + 0.5f, 0.55f, 0.98f),
                hsb(hue + 0.08f, 0.35f, 0.95f));
    }

    /** The colours as the caption panel shows them: the brand's own if given, else the painted roles. */
    List<Color> swatches() {
        return List.of(skyTop, skyBottom, accent, glow, ink);
    }

    static Color mix(Color a, Color b, float t) {
        return new Color(
                Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color alpha(Color c, float alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(Math.max(0, Math.min(1, alpha)) * 255));
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double vividness(Color c) {
        return saturation(c) * brightness(c);
    }

    private static float hue(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    }

    private static float saturation(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[1];
    }

    private static float brightness(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    private static Color hsb(float h, float s, float b) {
        return new Color(Color.HSBtoRGB(h - (float) Math.floor(h), clamp(s), clamp(b)));
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static StoryboardPalette of(String skyTop, String skyBottom, String ground, String ink, String accent,
                                        String glow) {
        return new StoryboardPalette(Color.decode(skyTop), Color.decode(skyBottom), Color.decode(ground),
                Color.decode(ink), Color.decode(accent), Color.decode(glow));
    }

    private static Map<String, StoryboardPalette> moods() {
        Map<String, StoryboardPalette> map = new java.util.HashMap<>();
        put(map, ENERGETIC, "energetic", "energy", "upbeat", "excited", "exciting", "bold", "fun", "playful",
                "powerful", "intense", "hype", "dynamic", "sporty", "punchy", "fierce", "vibrant");
        put(map, CALM, "calm", "serene", "peaceful", "relaxed", "relaxing", "chill", "tranquil", "gentle", "soft",
                "minimal", "clean", "quiet");
        put(map, DARK, "dark", "moody", "mysterious", "tense", "dramatic", "sad", "melancholic", "melancholy",
                "gritty", "noir", "somber", "sombre", "ominous", "suspenseful", "eerie");
        put(map, HOPEFUL, "hopeful", "uplifting", "inspiring", "inspirational", "optimistic", "happy", "bright",
                "joyful", "cheerful", "fresh", "sunny", "light");
        put(map, ROMANTIC, "romantic", "nostalgic", "dreamy", "tender", "retro", "vintage", "love", "warm");
        put(map, LUXURY, "luxury", "luxurious", "elegant", "premium", "sophisticated", "classy", "refined");
        return Map.copyOf(map);
    }

    private static void put(Map<String, StoryboardPalette> map, StoryboardPalette palette, String... words) {
        for (String word : words) {
            map.put(word, palette);
        }
    }
}
