package dev.reelsmith.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review gates through the real state machine: the run pauses at {@code .waitForTaskToken}, the session carries the
 * open gate and its token, and the decision (approve and reorder, or reject one shot with a note to regenerate it)
 * goes back with SendTaskSuccess, exactly as the API does. Real time: gates must not time out while a reviewer thinks.
 */
class PipelineReviewTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    static Path data;
    static PipelineHarness harness;

    @BeforeAll
    static void start() {
        harness = new PipelineHarness(data, null, UnaryOperator.identity(), Map.of());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void reviewGates_shouldRegenerateARejectedShot_andCutTheApprovedOrder() throws Exception {
        // given: a brief that asks for both review gates
        ObjectNode brief = (ObjectNode) Json.mapper().readTree(EXAMPLES.resolve("briefs/sneaker-ad.json").toFile());
        brief.putObject("reviewGates").put("images", true).put("clips", true);
        Path file = data.resolve("reviewed.json");
        Json.mapper().writeValue(file.toFile(), brief);
        String id = harness.upload(file, "briefs/reviewed.json");

        // when: the keyframe gate opens, the reviewer rejects s02 with a note
        Session atImages = awaitGate(id, "images");
        assertThat(atImages.status()).isEqualTo(SessionStatus.AWAITING_REVIEW);
        List<String> shots = ready(id, "keyframe");
        int s02Before = harness.imageCalls.getOrDefault("s02", new AtomicInteger()).get();
        answer(id, "images", shots, List.of(Map.entry("s02", "brighter, more sky")));

        // then the gate opens again with s02 regenerated; the reviewer approves, reversed and without the last shot
        awaitGate(id, "images");
        assertThat(harness.imageCalls.get("s02").get() - s02Before).isEqualTo(1);
        Asset s02 = harness.pipeline.sessions().assets(id).stream().filter(a -> a.id().equals("keyframe/s02"))
                .findFirst().orElseThrow();
        assertThat(s02.note()).isEqualTo("brighter, more sky");
        List<String> order = new ArrayList<>(shots.subList(0, shots.size() - 1));
        java.util.Collections.reverse(order);
        answer(id, "images", order, List.of());

        // and the clip gate: approve what is offered
        awaitGate(id, "clips");
        List<String> clips = ready(id, "clip");
        assertThat(clips).containsExactlyInAnyOrderElementsOf(order);
        answer(id, "clips", order, List.of());
        Session done = harness.awaitFinal(id, Duration.ofMinutes(3));

        // then
        assertThat(done.status()).as(harness.describe(id)).isEqualTo(SessionStatus.COMPLETED);
        JsonNode timeline = harness.pipeline.artifacts().getJson("runs/" + id + "/timeline.json");
        List<String> sources = new ArrayList<>();
        for (JsonNode shot : timeline.path("shots")) {
            String image = shot.path("source").path("image").asText(shot.path("source").path("video").asText());
            sources.add(image.substring(image.lastIndexOf('/') + 1).replaceAll("\\..*$", ""));
        }
        assertThat(sources).containsExactlyElementsOf(order);
        assertThat(harness.pipeline.sessions().find(id).orElseThrow().openGate()).isNull();
    }

    @Test
    void gateAnsweredTwice_shouldBeRefusedTheSecondTime() throws Exception {
        // given
        ObjectNode brief = (ObjectNode) Json.mapper().readTree(EXAMPLES.resolve("briefs/sneaker-ad.json").toFile());
        brief.put("title", "Twice").putObject("reviewGates").put("images", true).put("clips", false);
        Path file = data.resolve("twice.json");
        Json.mapper().writeValue(file.toFile(), brief);
        String id = harness.upload(file, "briefs/twice.json");
        awaitGate(id, "images");

        // when
        var first = harness.pipeline.sessions().closeGate(id, "images");
        var second = harness.pipeline.sessions().closeGate(id, "images");
        var wrongGate = harness.pipeline.sessions().closeGate(id, "clips");

        // then
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(wrongGate).isEmpty();
        harness.cloud.stepFunctions().sendTaskSuccess(s -> s.taskToken(first.get())
                .output("{\"approved\":" + Json.mapper().valueToTree(ready(id, "keyframe")) + ",\"regenerate\":[]}"));
        assertThat(harness.awaitFinal(id, Duration.ofMinutes(3)).status()).isEqualTo(SessionStatus.COMPLETED);
    }

    private static Session awaitGate(String id, String gate) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Session session = harness.pipeline.sessions().find(id).orElseThrow();
            if (gate.equals(session.openGate())) {
                return session;
            }
            assertThat(session.status().isFinal()).as(harness.describe(id)).isFalse();
            Thread.sleep(100);
        }
        throw new AssertionError("gate " + gate + " never opened: " + harness.describe(id));
    }

    private static List<String> ready(String id, String kind) {
        return harness.pipeline.sessions().assets(id).stream()
                .filter(a -> a.kind().equals(kind) && "ready".equals(a.status())).map(Asset::shotId).sorted().toList();
    }

    private static void answer(String id, String gate, List<String> approved, List<Map.Entry<String, String>> redo) {
        ObjectNode decision = Json.mapper().createObjectNode();
        decision.set("approved", Json.mapper().valueToTree(approved));
        ArrayNode regenerate = decision.putArray("regenerate");
        redo.forEach(r -> regenerate.addObject().put("shotId", r.getKey()).put("note", r.getValue()));
        String token = harness.pipeline.sessions().closeGate(id, gate).orElseThrow();
        harness.cloud.stepFunctions().sendTaskSuccess(s -> s.taskToken(token).output(decision.toString()));
    }
}
