package dev.reelsmith.store.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.providers.Cost;
import dev.reelsmith.store.MutableClock;
import dev.reelsmith.store.StoreEmulators;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(StoreEmulators.class)
class GenerationCacheTest {
    private static final String BUCKET = "cache-artifacts";
    private static final Cost CLIP_COST = Cost.of(new BigDecimal("5"), Cost.SECOND, new BigDecimal("0.05"));
    private static String table;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @TempDir
    Path work;

    @BeforeAll
    static void createTableAndBucket() {
        table = StoreEmulators.newTable();
        StoreEmulators.s3().createBucket(create -> create.bucket(BUCKET));
    }

    @Test
    void find_shouldMiss_whenNothingWasCachedForTheRequest() {
        // when
        Optional<CacheEntry> found = cache().find(key("never generated"));

        // then
        assertThat(found).isEmpty();
    }

    @Test
    void find_shouldServeTheCachedFileForFree_whenTheSameRequestWasCachedBefore() throws IOException {
        // given
        GenerationCache cache = cache();
        GenerationKey key = key("a red sneaker on a wet street");
        Path clip = file("clip.MP4", "clip bytes");
        cache.put(key, clip, record(CLIP_COST));

        // when
        CacheEntry hit = cache.find(key).orElseThrow();

        // then
        assertThat(hit.objectKey()).isEqualTo("cache/" + key.sha256() + ".mp4");
        assertThat(hit.bucket()).isEqualTo(BUCKET);
        assertThat(hit.cost().isFree()).isTrue();
        assertThat(hit.cost().quantity()).isEqualByComparingTo("5");
        assertThat(hit.originalCost().totalUsd()).isEqualByComparingTo("0.25");
        assertThat(hit.record().providerId()).isEqualTo("runway");
        assertThat(hit.record().attributes()).containsEntry("durationSeconds", "5");
        assertThat(hit.createdAt()).isEqualTo(clock.instant());
        assertThat(hit.sizeBytes()).isEqualTo(10);
        assertThat(hit.contentSha256()).isEqualTo(Sha256.of(clip));
        assertThat(StoreEmulators.s3().getObjectAsBytes(get -> get.bucket(BUCKET).key(hit.objectKey()))
                .asUtf8String()).isEqualTo("clip bytes");
    }

    @Test
    void put_shouldKeepTheFirstWritersEntry_whenTheSameRequestIsCachedTwice() throws IOException {
        // given
        GenerationCache cache = cache();
        GenerationKey key = key("two writers");
        CacheEntry first = cache.put(key, file("first.mp4", "first"), record(CLIP_COST));
        clock.advance(Duration.ofMinutes(1));

        // when
        CacheEntry second = cache.put(key, file("second.mp4", "second result"),
                record(Cost.of(BigDecimal.ONE, Cost.SECOND, BigDecimal.ONE)));

        // then
        assertThat(second).isEqualTo(first);
        assertThat(cache.find(key)).contains(first);
    }

    @Test
    void find_shouldTreatTheEntryAsAMissAndForgetIt_whenItsFileWasDeleted() throws IOException {
        // given
        GenerationCache cache = cache();
        GenerationKey key = key("deleted by a lifecycle rule");
        CacheEntry stale = cache.put(key, file("stale.png", "old frame"), record(CLIP_COST));
        StoreEmulators.s3().deleteObject(delete -> delete.bucket(BUCKET).key(stale.objectKey()));

        // when
        Optional<CacheEntry> found = cache.find(key);

        // then
        assertThat(found).isEmpty();
        Map<String, AttributeValue> item = StoreEmulators.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("CACHE#" + key.sha256()),
                        "sk", AttributeValue.fromS("ENTRY")))).item();
        assertThat(item).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        CacheEntry repaired = cache.put(key, file("fresh.png", "new frame"), record(CLIP_COST));
        assertThat(cache.find(key)).contains(repaired);
        assertThat(repaired.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void put_shouldRejectTheFile_whenItHasNoExtension() throws IOException {
        // given
        Path file = file("clip", "bytes");

        // when / then
        assertThatThrownBy(() -> cache().put(key("no extension"), file, record(CLIP_COST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file must have an extension of 1-10 letters or digits, e.g. .png, was clip");
    }

    private GenerationCache cache() {
        return new GenerationCache(StoreEmulators.dynamoDb(), table, StoreEmulators.s3(), BUCKET, clock);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static GenerationKey key(String prompt) {
        return new GenerationKey("runway/gen4_turbo", "gen4_turbo@2026-01", prompt, null, 42, List.of(),
                Map.of("duration", "5", "ratio", "1280:720"));
    }

    private static GenerationRecord record(Cost cost) {
        return new GenerationRecord("video/mp4", "runway", "gen4_turbo", cost, Map.of("durationSeconds", "5"));
    }
}
