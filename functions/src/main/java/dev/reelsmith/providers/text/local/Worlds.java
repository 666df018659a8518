package dev.reelsmith.providers.text.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The offline planner's creative material (classpath {@value #RESOURCE}): product worlds for ads and explainers
 * (a protagonist, a setting, style words, a palette and per-beat visuals, narration and on-screen text) and song
 * worlds for music videos (per section visuals, cutaways and moods), each chosen by trigger words found in the
 * brief or the song's genre, style keywords and mood.
 */
final class Worlds {
    static final String RESOURCE = "/providers/text/local/worlds.json";

    private static volatile Worlds builtIn;

    private final List<ProductWorld> products;
    private final ProductWorld genericProduct;
    private final List<SongWorld> songs;
    private final SongWorld genericSong;

    /** Visual, narration and on-screen text templates of one beat purpose. */
    record Lines(String visual, String narration, String text) {
    }

    /** A world for ads and explainers. */
    record ProductWorld(String id, List<String> triggers, String protagonist, String setting,
                        List<String> styleKeywords, List<String> palette, Map<String, String> lighting,
                        Map<String, Lines> beats, List<String> cutaways) {
    }

    /** A world for music videos. */
    record SongWorld(String id, List<String> triggers, String protagonist, String setting, List<String> styleKeywords,
                     List<String> palette, Map<String, String> lighting, Map<String, List<String>> sections,
                     List<String> cutaways, List<String> moods) {
    }

    private record Document(List<ProductWorld> products, ProductWorld genericProduct, List<SongWorld> songs,
                            SongWorld genericSong) {
    }

    private Worlds(Document document) {
        this.products = document.products();
        this.genericProduct = document.genericProduct();
        this.songs = document.songs();
        this.genericSong = document.genericSong();
    }

    static Worlds builtIn() {
        Worlds worlds = builtIn;
        if (worlds == null) {
            try (InputStream in = Worlds.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the offline planner's worlds " + RESOURCE + " are missing");
                }
                worlds = new Worlds(Json.mapper().readerFor(Document.class)
                        .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the offline planner's worlds", e);
            }
            builtIn = worlds;
        }
        return worlds;
    }

    /** The product world whose triggers occur most often in the brief; the generic world when none does. */
    ProductWorld forBrief(JsonNode brief) {
        String text = words(brief.path("product").path("name").asText("") + " "
                + brief.path("product").path("description").asText("") + " " + brief.path("title").asText("") + " "
                + brief.path("audience").asText("") + " " + String.join(" ", texts(brief.path("keyMessages"))));
        ProductWorld best = genericProduct;
        int bestHits = 0;
        for (ProductWorld world : products) {
            int hits = hits(text, world.triggers());
            if (hits > bestHits) {
                best = world;
                bestHits = hits;
            }
        }
        return best;
    }

    /** The song world whose triggers occur most often in the genre, style keywords, mood and title. */
    SongWorld forSong(JsonNode song) {
        String genre = words(song.path("genre").asText(""));
        String rest = words(String.join(" ", texts(song.path("style").path("keywords"))) + " "
                + song.path("mood").asText("") + " " + song.path("title").asText(""));
        SongWorld best = genericSong;
        int bestHits = 0;
        for (SongWorld world : songs) {
            // the genre is the strongest signal
            int hits = 3 * hits(genre, world.triggers()) + hits(rest, world.triggers());
            if (hits > bestHits) {
                best = world;
                bestHits = hits;
            }
        }
        return best;
    }

    ProductWorld genericProduct() {
        return genericProduct;
    }

    private static int hits(String text, List<String> triggers) {
        int hits = 0;
        for (String trigger : triggers) {
            if (text.contains(" " + trigger.toLowerCase(Locale.ROOT) + " ")) {
                hits++;
            }
        }
        return hits;
    }

    /** Lower-case text padded and split on non-letters, so triggers match whole words. */
    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}&+-]+", " ") + " ";
    }

    static List<String> texts(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList() : List.of();
    }
}
