package dev.reelsmith.providers.text.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the offline planner reads out of a brief's product and call to action: the name, the clause of the
 * description that best says what it looks like, the other descriptive clauses (details a camera can find), a
 * short form of the audience, and the offer inside the call to action.
 */
final class ProductFacts {
    /** Words that make a clause visual: colours, materials, shapes, sizes. */
    private static final Set<String> VISUAL = Set.of("black", "white", "silver", "gold", "golden", "green", "volt", "red",
            "blue", "amber", "cream", "copper", "grey", "gray", "pink", "yellow", "orange", "purple", "brown", "clear",
            "translucent", "matte", "glossy", "glass", "knit", "foam", "rubber", "steel", "metal", "aluminium",
            "aluminum", "wood", "wooden", "leather", "paper", "plastic", "ceramic", "cotton", "linen", "bottle", "can",
            "box", "jar", "shoe", "unit", "squat", "slim", "round", "square", "label", "cap", "upper", "midsole",
            "outsole", "size", "quiet", "lightweight", "small", "large", "compact", "honeycomb", "reflective");
    private static final Set<String> COLOURS = Set.of("black", "white", "silver", "gold", "golden", "green", "volt",
            "red", "blue", "amber", "cream", "copper", "grey", "gray", "pink", "yellow", "orange", "purple", "brown");
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "for", "with", "to", "in", "on",
            "your", "you", "that", "it", "its", "is", "at", "by", "from", "every", "than", "into", "as", "our", "be");
    private static final Pattern OFFER = Pattern.compile(
            "[^:;,.–—-]*(\\d+\\s?%|[$€£]\\s?\\d|\\b(free|off|save|discount|trial|deal|bonus|gift)\\b)[^:;,.–—-]*",
            Pattern.CASE_INSENSITIVE);

    final String name;
    final String look;
    final List<String> details;
    final String audience;
    final String cta;
    final String offer;

    ProductFacts(JsonNode brief) {
        JsonNode product = brief.path("product");
        this.name = product.path("name").asText("the product");
        String description = product.path("description").asText("");
        List<String> clauses = clauses(description);
        int winner = -1;
        int bestScore = 0;
        for (int i = 0; i < clauses.size(); i++) {
            // colours count double and earlier clauses win ties: descriptions lead with what matters
            int score = visualWords(clauses.get(i)) - i;
            if (visualWords(clauses.get(i)) > 0 && (winner < 0 || score > bestScore)) {
                bestScore = score;
                winner = i;
            }
        }
        String first = clauses.isEmpty() ? name : clauses.get(0);
        String lookText;
        if (winner < 0) {
            lookText = first;
        } else if (winner > 0 && first.split("\\s+").length <= 7) {
            lookText = first + ", " + packaging(clauses.get(winner));
        } else {
            lookText = packaging(clauses.get(winner));
        }
        this.look = lowerFirst(lookText);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            String clause = clauses.get(i);
            boolean inLook = i == winner || (i == 0 && winner > 0 && first.split("\\s+").length <= 7);
            if (!inLook && (visualWords(clause) > 0 || i == 0) && clause.split("\\s+").length >= 3) {
                rest.add(lowerFirst(packaging(clause)));
            }
        }
        if (winner > 0 && rest.isEmpty()) {
            rest.add(lowerFirst(packaging(clauses.get(winner))));
        }
        if (rest.isEmpty()) {
            rest.add(look);
        }
        this.details = List.copyOf(rest);
        this.audience = shortAudience(brief.path("audience").asText(null));
        String ctaText = brief.path("cta").path("text").asText(null);
        this.cta = ctaText == null ? "Discover " + name : ctaText;
        this.offer = offerOf(ctaText);
    }

    /** The detail sharing the most words with {@code message}; the n-th detail when none shares any. */
    String detailFor(String message, int n) {
        if (message != null) {
            Set<String> wanted = keywords(message);
            String best = null;
            int bestOverlap = 0;
            for (String detail : details) {
                Set<String> have = keywords(detail);
                have.retainAll(wanted);
                if (have.size() > bestOverlap) {
                    bestOverlap = have.size();
                    best = detail;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return details.get(Math.floorMod(n, details.size()));
    }

    private static List<String> clauses(String description) {
        List<String> clauses = new ArrayList<>();
        for (String piece : description.split("(?<=[.;:])\\s+|:\\s*|,\\s+(?=[a-z])")) {
            String clause = piece.strip().replaceAll("[.;:,]+$", "").strip();
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    private static int visualWords(String clause) {
        int count = 0;
        for (String word : clause.toLowerCase(Locale.ROOT).split("[^\\p{L}-]+")) {
            for (String part : word.split("-")) {
                if (COLOURS.contains(part)) {
                    count += 2;
                } else if (VISUAL.contains(part)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** "Sold in a squat amber bottle" becomes "a squat amber bottle". */
    private static String packaging(String clause) {
        return clause.replaceFirst("(?i)^(sold|comes|packaged|available|supplied|delivered|presented)\\s+in\\s+", "");
    }

    private static Set<String> keywords(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2 && !STOP.contains(word)) {
                words.add(word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return words;
    }

    /** "Urban runners aged 25-40 training for ..." becomes "urban runners". */
    static String shortAudience(String audience) {
        if (audience == null || audience.isBlank()) {
            return "people like you";
        }
        String cut = audience.split(",|\\s+(who|aged|training|that|with|looking|replacing)\\b|\\s+\\d")[0].strip();
        if (cut.isEmpty()) {
            cut = audience.strip();
        }
        return lowerFirst(cut.length() > 60 ? cut.substring(0, 60).strip() : cut);
    }

    /** The offer phrase of a call to action ("20% off"), or null when it makes none. */
    static String offerOf(String cta) {
        if (cta == null) {
            return null;
        }
        Matcher m = OFFER.matcher(cta);
        return m.find() ? m.group().strip() : null;
    }

    static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // keep acronyms and names ("LED", "Stride One") as written
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        String first = text.split("\\s+")[0];
        boolean properNoun = first.length() > 1 && first.chars().skip(1).anyMatch(Character::isUpperCase);
        return properNoun ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
