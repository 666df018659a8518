package dev.reelsmith.providers.text.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names hex colours for prompts: image models understand "amber" and "deep teal" better than {@code #C8873A}.
 * The nearest of a few dozen named colours by distance in RGB, weighted for the eye's sensitivity.
 */
final class ColourNames {
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("black", 0x000000), Map.entry("near-black", 0x111111), Map.entry("charcoal", 0x36454F),
            Map.entry("slate grey", 0x708090), Map.entry("silver grey", 0xC0C0C0), Map.entry("white", 0xFFFFFF),
            Map.entry("off-white", 0xF5F5F0), Map.entry("cream", 0xF3E9DC), Map.entry("ivory", 0xFFF8E7),
            Map.entry("beige", 0xE8D5C4), Map.entry("sand", 0xDDA15E), Map.entry("caramel", 0xC8873A),
            Map.entry("amber", 0xFFB000), Map.entry("burnt orange", 0xBC6C25), Map.entry("coral", 0xE76F51),
            Map.entry("warm orange", 0xF4A261), Map.entry("golden yellow", 0xFFBE0B), Map.entry("mustard", 0xE9C46A),
            Map.entry("pale yellow", 0xF4D35E), Map.entry("espresso brown", 0x3B2416), Map.entry("chocolate brown", 0x5C3A21),
            Map.entry("crimson", 0xD00000), Map.entry("raspberry red", 0xB23A48), Map.entry("scarlet", 0xE63946),
            Map.entry("hot pink", 0xFF2E97), Map.entry("magenta", 0xFF006E), Map.entry("blush pink", 0xF4C2C2),
            Map.entry("electric violet", 0x7B2CFF), Map.entry("deep purple", 0x2E294E), Map.entry("lavender", 0xB8A1E3),
            Map.entry("navy", 0x1D3557), Map.entry("midnight blue", 0x0B0B1A), Map.entry("deep blue", 0x023047),
            Map.entry("royal blue", 0x3A86FF), Map.entry("azure", 0x0A84FF), Map.entry("sky blue", 0x8ECAE6),
            Map.entry("electric cyan", 0x00E5FF), Map.entry("steel blue", 0x415A77), Map.entry("deep teal", 0x0E5E6F),
            Map.entry("teal", 0x3AB0A2), Map.entry("mint", 0xE9F5F2), Map.entry("forest green", 0x2D6A4F),
            Map.entry("olive", 0x283618), Map.entry("volt green", 0xC6FF00), Map.entry("lime", 0x7FFF00),
            Map.entry("emerald", 0x2A9D8F), Map.entry("peach", 0xFFB86B));

    private ColourNames() {
    }

    /** The names of {@code hexColours}, in order, without repeats. */
    static List<String> of(List<String> hexColours) {
        Set<String> names = new LinkedHashSet<>();
        for (String hex : hexColours) {
            names.add(nearest(Integer.parseInt(hex.substring(1), 16)));
        }
        return new ArrayList<>(names);
    }

    private static String nearest(int rgb) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, Integer> entry : NAMES.entrySet()) {
            double distance = distance(rgb, entry.getValue());
            if (distance < bestDistance || (distance == bestDistance && entry.getKey().compareTo(best) < 0)) {
                bestDistance = distance;
                best = entry.getKey();
            }
        }
        return best;
    }

    private static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    }
}
