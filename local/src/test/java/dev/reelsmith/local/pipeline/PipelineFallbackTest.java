package dev.reelsmith.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.CostEntry;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.local.asl.time.ManualEngineClock;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.ImageModel;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.ImageResult;
import dev.reelsmith.providers.local.StoryboardImageModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paid image tool whose content filter refuses one shot: the run re-prompts it once (softened), then falls back to
 * the next tool the plan ranks, and every other shot is billed exactly once.
 */
class PipelineFallbackTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String REFUSED = "s03";

    @TempDir
    static Path data;
    static PipelineHarness harness;
    static final AtomicInteger refusals = new AtomicInteger();

    @BeforeAll
    static void start() {
        harness = new PipelineHarness(data, new ManualEngineClock(Instant.now()).autoAdvance(true),
                UnaryOperator.identity(), Map.of());
        harness.providers.add(new FilteredVendorImageModel());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void contentFilteredShot_shouldBeReprompted_thenFallBackToTheNextTool() throws Exception {
        // given
        String id = harness.upload(EXAMPLES.resolve("briefs/sneaker-ad.json"), "briefs/sneaker-ad.json");

        // when
        Session session = harness.awaitFinal(id, Duration.ofMinutes(3));

        // then
        assertThat(session.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
        ProductionPlan plan = harness.pipeline.artifacts().getJson("runs/" + id + "/plan.json", ProductionPlan.class);
        assertThat(plan.shots()).allMatch(s -> s.keyframe().toolId().equals("replicate-flux-schnell"));
        assertThat(refusals.get()).as("original and softened prompt").isEqualTo(2);
        Asset refused = harness.pipeline.sessions().assets(id).stream()
                .filter(a -> a.id().equals("keyframe/" + REFUSED)).findFirst().orElseThrow();
        assertThat(refused.provider()).isNotEqualTo("replicate");
        List<CostEntry> keyframeCosts = harness.pipeline.sessions().costs(id).stream()
                .filter(c -> c.id().startsWith("keyframe#")).toList();
        assertThat(keyframeCosts).hasSize(plan.shots().size());
        assertThat(keyframeCosts).filteredOn(c -> c.provider().equals("replicate"))
                .hasSize(plan.shots().size() - 1)
                .allMatch(c -> c.totalUsd().compareTo(new BigDecimal("0.003")) == 0);
        assertThat(session.spentUsd()).isEqualByComparingTo(new BigDecimal("0.003")
                .multiply(BigDecimal.valueOf(plan.shots().size() - 1)));
    }

    /** A paid vendor double: draws storyboard frames, bills $0.003 each, and refuses one shot's prompt. */
    static final class FilteredVendorImageModel implements ImageModel {
        private final StoryboardImageModel frames = new StoryboardImageModel();

        @Override
        public String providerId() {
            return "replicate";
        }

        @Override
        public String modelId() {
            return "black-forest-labs/flux-schnell";
        }

        @Override
        public ImageResult generate(ImageRequest request) {
            if (request.frame().shotId().equals(REFUSED)) {
                refusals.incrementAndGet();
                throw new ContentRejectedException("replicate", "NSFW content detected", null);
            }
            ImageResult image = frames.generate(request);
            return new ImageResult(image.file(), image.mimeType(), image.width(), image.height(), image.seed(),
                    Cost.of(BigDecimal.ONE, Cost.IMAGE, new BigDecimal("0.003")), providerId(), modelId());
        }
    }
}
