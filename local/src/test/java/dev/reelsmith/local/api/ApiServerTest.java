package dev.reelsmith.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.local.pipeline.LocalPipeline;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API end to end: java.net.http against {@link LocalApiServer}, which invokes the API function through the
 * local Lambda service, in front of the whole pipeline on the local cloud. Callers are IAM users named by the access
 * key id of their SigV4 signature ({@code alice}, {@code bob}).
 */
class ApiServerTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String ALICE = "AKIDALICE";
    private static final String BOB = "AKIDBOB";

    @TempDir
    static Path data;
    static ApiPipeline api;

    @BeforeAll
    static void start() {
        api = new ApiPipeline(data);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static ObjectNode brief(String example) throws Exception {
        return (ObjectNode) Json.mapper().readTree(EXAMPLES.resolve("briefs").resolve(example).toFile());
    }

    /** A short ad (8 s) with few shots: quick to run. */
    private static ObjectNode shortAd(String title) {
        ObjectNode brief = Json.mapper().createObjectNode();
        brief.put("kind", "ad");
        brief.put("title", title);
        brief.putObject("product").put("name", "Lumen Lamp").put("description", "A brass desk lamp with a round "
                + "opal-glass shade and a braided green cable.");
        brief.putArray("keyMessages").add("Warm light for late work");
        brief.put("audience", "Students and home-office workers who work late");
        brief.put("durationSeconds", 8);
        brief.putArray("aspectRatios").add("16:9");
        brief.putObject("cta").put("text", "Light up your desk");
        return brief;
    }

    private static boolean status(JsonNode view, String status) {
        return view.path("status").asText().equals(status);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void reviewedRun_shouldPauseTwice_regenerateARejectedShot_andPublishADownloadableVideo() throws Exception {
        // given the sneaker brief with both review gates on
        ObjectNode brief = brief("sneaker-ad.json");
        brief.putObject("reviewGates").put("images", true).put("clips", true);

        // when it is created, the images gate opens
        ApiPipeline.Answer created = api.call(ALICE, "POST", "/sessions", brief.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("session").path("id").asText();
        assertThat(created.header("location")).isEqualTo("/sessions/" + id);
        assertThat(created.json().path("session").path("status").asText()).isEqualTo("pending_upload");
        ApiPipeline.Answer early = api.call(ALICE, "POST", "/sessions/" + id + "/review/images",
                "{\"approved\":[\"s01\"]}");
        List<JsonNode> events = new ArrayList<>();
        api.followEvents(ALICE, id, page -> status(page, "awaiting_review"), Duration.ofMinutes(2), events);
        JsonNode atImages = api.call(ALICE, "GET", "/sessions/" + id, null).json();
        List<String> shots = texts(atImages.path("review").path("shots"));

        // then calls out of turn are refused, and other callers see nothing
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().path("type").asText()).endsWith("/gate-not-open");
        assertThat(atImages.path("review").path("openGate").asText()).isEqualTo("images");
        assertThat(shots).isNotEmpty();
        assertThat(atImages.path("assets").findValuesAsText("url")).isNotEmpty();
        assertThat(api.call(ALICE, "POST", "/sessions/" + id + "/review/clips",
                "{\"approved\":[\"" + shots.get(0) + "\"]}").status()).isEqualTo(409);
        assertThat(api.call(BOB, "GET", "/sessions/" + id, null).status()).isEqualTo(404);
        assertThat(api.call(BOB, "POST", "/sessions/" + id + "/review/images",
                "{\"approved\":[\"" + shots.get(0) + "\"]}").status()).isEqualTo(404);
        assertThat(api.call(BOB, "DELETE", "/sessions/" + id, null).status()).isEqualTo(404);
        ApiPipeline.Answer unknownShot = api.call(ALICE, "POST", "/sessions/" + id + "/review/images",
                "{\"approved\":[\"" + shots.get(0) + "\",\"s99\"]}");
        assertThat(unknownShot.status()).isEqualTo(422);
        assertThat(unknownShot.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/approved/1");

        // when one shot is sent back with a note, the gate opens again with a new keyframe for it
        String redo = shots.get(1);
        ApiPipeline.Answer rejected = api.call(ALICE, "POST", "/sessions/" + id + "/review/images",
                "{\"regenerate\":[{\"shotId\":\"" + redo + "\",\"note\":\"show the heel tab glowing\"}]}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        JsonNode reopened = api.awaitSession(ALICE, id, view -> status(view, "awaiting_review")
                && view.path("review").path("openGate").asText().equals("images"), Duration.ofMinutes(1));

        // then only that shot was drawn again, with the note
        String title = brief.path("title").asText();
        assertThat(api.imageCalls(title, redo)).isEqualTo(2);
        shots.stream().filter(s -> !s.equals(redo))
                .forEach(s -> assertThat(api.imageCalls(title, s)).as(s).isEqualTo(1));
        JsonNode redone = null;
        for (JsonNode asset : reopened.path("assets")) {
            if (asset.path("id").asText().equals("keyframe/" + redo)) {
                redone = asset;
            }
        }
        assertThat(redone).isNotNull();
        assertThat(redone.path("note").asText()).contains("show the heel tab glowing");

        // when every keyframe is approved, then every clip with the first two swapped
        ArrayNode all = Json.mapper().valueToTree(shots);
        ApiPipeline.Answer images = api.call(ALICE, "POST", "/sessions/" + id + "/review/images",
                "{\"approved\":" + all + "}");
        assertThat(images.status()).as(images.toString()).isEqualTo(200);
        JsonNode atClips = api.awaitSession(ALICE, id, view -> view.path("review").path("openGate").asText()
                .equals("clips"), Duration.ofMinutes(2));
        assertThat(texts(atClips.path("review").path("shots"))).containsExactlyElementsOf(shots);
        List<String> reordered = new ArrayList<>(shots);
        Collections.swap(reordered, 0, 1);
        ApiPipeline.Answer clips = api.call(ALICE, "POST", "/sessions/" + id + "/review/clips",
                "{\"approved\":" + Json.mapper().valueToTree(reordered) + "}");
        assertThat(clips.status()).as(clips.toString()).isEqualTo(200);
        JsonNode last = api.followEvents(ALICE, id, page -> page.path("finished").asBoolean(), Duration.ofMinutes(2),
                events);

        // then the video is published in the approved order and downloadable through its presigned URL
        assertThat(last.path("status").asText()).isEqualTo("completed");
        JsonNode timeline = api.pipeline.artifacts().getJson("runs/" + id + "/timeline.json");
        assertThat(timeline.path("shots").findValuesAsText("id")).containsExactlyElementsOf(reordered);
        JsonNode done = api.call(ALICE, "GET", "/sessions/" + id, null).json();
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        HttpResponse<byte[]> video = api.raw(HttpRequest.newBuilder(URI.create(done.path("final").path("videoUrl")
                .asText())).GET().build());
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(new String(video.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(done.path("final").path("height").asInt()).isEqualTo(1920);
        List<Long> seqs = events.stream().map(e -> e.path("seq").asLong()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(events.stream().map(e -> e.path("type").asText())).contains("review", "completed");

        // and the costs, lists and finished-session rules agree
        JsonNode costs = api.call(ALICE, "GET", "/sessions/" + id + "/costs", null).json();
        assertThat(costs.path("calls").size()).isEqualTo(api.pipeline.sessions().costs(id).size());
        assertThat(costs.path("stages").findValuesAsText("stage")).contains("keyframes", "clips");
        assertThat(costs.path("actualUsd").asText()).isEqualTo("0");
        assertThat(new BigDecimal(costs.path("budgetLeftUsd").asText())).as(costs.toString())
                .isEqualByComparingTo(new BigDecimal(costs.path("budgetUsd").asText())
                        .subtract(new BigDecimal(costs.path("actualUsd").asText())));
        assertThat(api.call(ALICE, "GET", "/sessions?status=completed", null).json().path("sessions")
                .findValuesAsText("id")).contains(id);
        assertThat(api.call(BOB, "GET", "/sessions", null).json().path("sessions").findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(api.call(ALICE, "POST", "/sessions/" + id + "/retry", null).status()).isEqualTo(409);
        assertThat(api.call(ALICE, "POST", "/sessions/" + id + "/answers", "{\"tone\":\"calm\"}").status())
                .isEqualTo(409);
        assertThat(api.call(ALICE, "DELETE", "/sessions/" + id, null).status()).isEqualTo(409);
    }

    @Test
    void answers_shouldBeMergedIntoTheBrief_soTheScriptWriterCanGoOn_andCancelKeepsArtifacts() throws Exception {
        // given the example brief without a product, which makes the script writer ask
        ApiPipeline.Answer created = api.call(ALICE, "POST", "/sessions",
                Files.readString(EXAMPLES.resolve("briefs/missing-product.json")));
        String id = created.json().path("session").path("id").asText();
        JsonNode asking = api.awaitSession(ALICE, id, view -> status(view, "awaiting_answers"), Duration.ofMinutes(1));

        // when a bad answer, a malformed one, then a good one are sent
        ApiPipeline.Answer invalid = api.call(ALICE, "POST", "/sessions/" + id + "/answers",
                "{\"durationSeconds\": 3}");
        ApiPipeline.Answer malformed = api.call(ALICE, "POST", "/sessions/" + id + "/answers", "{\"product\": ");
        ObjectNode patch = Json.mapper().createObjectNode();
        patch.putObject("product").put("name", "Mega Sale Week").put("description", "Our store's yearly sale: red "
                + "price tags, shopping bags and a countdown clock.");
        patch.put("audience", "Bargain hunters who shop online on their phones");
        patch.putObject("cta").put("text", "Shop the sale");
        ApiPipeline.Answer answered = api.call(ALICE, "POST", "/sessions/" + id + "/answers", patch.toString());
        JsonNode planned = api.awaitSession(ALICE, id, view -> view.has("plan"), Duration.ofMinutes(1));

        // then the questions were shown, the bad answers refused naming the field, and the brief was replanned
        assertThat(asking.path("review").path("openGate").asText()).isEqualTo("answers");
        assertThat(texts(asking.path("questions"))).anyMatch(q -> q.contains("product.name"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/durationSeconds");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(planned.path("questions").size()).isZero();
        JsonNode stored = api.pipeline.artifacts().getJson("runs/" + id + "/input/brief.json");
        assertThat(stored.path("product").path("name").asText()).isEqualTo("Mega Sale Week");
        assertThat(stored.path("durationSeconds").asInt()).isEqualTo(20);
        assertThat(api.pipeline.artifacts().getJson("runs/" + id + "/script.json").path("beats").size()).isPositive();

        // when the run is cancelled
        ApiPipeline.Answer cancelled = api.call(ALICE, "DELETE", "/sessions/" + id, null);
        String arn = api.pipeline.sessions().find(id).orElseThrow().executionArn();

        // then it stops, stays cancelled, and keeps what it made
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        awaitExecution(arn, "ABORTED");
        Thread.sleep(500);
        assertThat(api.call(ALICE, "GET", "/sessions/" + id, null).json().path("status").asText())
                .isEqualTo("cancelled");
        assertThat(api.pipeline.artifacts().exists("runs/" + id + "/plan.json")).isTrue();
    }

    @Test
    void retry_shouldRedriveTheFailedStep_andFinishTheRun() throws Exception {
        // given a brief whose first script call fails
        ApiPipeline.Answer created = api.call(ALICE, "POST", "/sessions",
                shortAd("Lumen " + ApiPipeline.FAIL_ONCE).toString());
        String id = created.json().path("session").path("id").asText();
        JsonNode failed = api.awaitSession(ALICE, id, view -> status(view, "failed"), Duration.ofMinutes(1));

        // when it is retried
        ApiPipeline.Answer retried = api.call(ALICE, "POST", "/sessions/" + id + "/retry", null);
        JsonNode done = api.awaitSession(ALICE, id, view -> view.path("status").asText().matches(
                "completed|failed"), Duration.ofMinutes(2));

        // then the run went on from WriteScript to the end
        assertThat(failed.path("error").path("failedStep").asText()).isEqualTo("WriteScript");
        assertThat(failed.path("error").path("reason").asText()).contains("injected failure");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.json().path("status").asText()).isEqualTo("running");
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(api.call(ALICE, "POST", "/sessions/" + id + "/retry", null).status()).isEqualTo(409);
        List<JsonNode> events = new ArrayList<>();
        api.followEvents(ALICE, id, page -> page.path("finished").asBoolean(), Duration.ofSeconds(10), events);
        assertThat(events.stream().map(e -> e.path("type").asText())).containsSubsequence("failed", "retry",
                "completed");
    }

    @Test
    void song_shouldBeUploadedWithThePresignedPut_andStartItsRun() throws Exception {
        // given a song request with its sidecar
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode song = body.putObject("song");
        song.put("fileName", "demo-song.mp3").put("contentType", "audio/mpeg");
        song.set("sidecar", Json.mapper().readTree(EXAMPLES.resolve("songs/demo-song.json").toFile()));

        // when it is created and the audio is PUT exactly as told
        ApiPipeline.Answer created = api.call(ALICE, "POST", "/sessions", body.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("session").path("id").asText();
        JsonNode upload = created.json().path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofFile(EXAMPLES.resolve("songs/demo-song.mp3")));
        for (Iterator<Map.Entry<String, JsonNode>> it = upload.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            put.header(header.getKey(), header.getValue().asText());
        }
        HttpResponse<byte[]> uploaded = api.raw(put.build());
        JsonNode running = api.awaitSession(ALICE, id, view -> !status(view, "pending_upload"), Duration.ofMinutes(1));
        ApiPipeline.Answer cancelled = api.call(ALICE, "DELETE", "/sessions/" + id, null);

        // then the upload carried the session and owner, the run started as that session, and it could be cancelled
        assertThat(upload.path("headers").path("x-amz-meta-reelsmith-session").asText()).isEqualTo(id);
        assertThat(uploaded.statusCode()).isEqualTo(200);
        var head = api.cloud.s3().headObject(h -> h.bucket(LocalPipeline.INBOX).key("songs/" + id + ".mp3"));
        assertThat(head.metadata()).containsEntry("reelsmith-session", id)
                .containsEntry("reelsmith-owner", "arn:aws:iam::000000000000:user/" + ALICE);
        assertThat(api.cloud.s3().headObject(h -> h.bucket(LocalPipeline.INBOX).key("songs/" + id + ".json"))
                .contentLength()).isPositive();
        assertThat(running.path("title").asText()).isEqualTo(song.path("sidecar").path("title").asText());
        assertThat(api.pipeline.sessions().find(id).orElseThrow().executionArn()).endsWith(":" + id);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void requests_shouldBeRefusedWithProblems_namingTheCallerOrTheField() throws Exception {
        // given a brief with two mistakes, a body over the limit and unsigned calls
        ObjectNode bad = shortAd("Bad");
        bad.put("durationSeconds", 700);
        bad.put("tone ", "calm");

        // when
        ApiPipeline.Answer invalid = api.call(ALICE, "POST", "/sessions", bad.toString());
        ApiPipeline.Answer unsigned = api.unsigned(api.signedOnly, "GET", "/sessions", null, null);
        ApiPipeline.Answer anonymous = api.unsigned(api.anonymousToo, "GET", "/sessions", null, null);
        ApiPipeline.Answer health = api.unsigned(api.signedOnly, "GET", "/health", null, null);
        ApiPipeline.Answer missing = api.call(ALICE, "GET", "/sessions/s000000000000000000000000", null);
        ApiPipeline.Answer badCursor = api.call(ALICE, "GET", "/sessions?cursor=nonsense", null);
        ApiPipeline.Answer tooLarge = api.unsigned(api.anonymousToo, "POST", "/production/script",
                "application/json", new byte[2 * 1024 * 1024]);
        ApiPipeline.Answer plan = api.call(BOB, "POST", "/production/plan",
                "{\"brief\":" + brief("sneaker-ad.json") + "}");

        // then
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("content-type")).isEqualTo("application/problem+json");
        assertThat(invalid.json().path("errors").findValuesAsText("pointer")).contains("/durationSeconds",
                "/tone ");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.json().path("title").asText()).isEqualTo("No caller identity");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.json().path("sessions").isArray()).isTrue();
        assertThat(health.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().path("errors").get(0).path("parameter").asText()).isEqualTo("cursor");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.json().path("plan").path("shots").size()).isPositive();
    }

    private static void awaitExecution(String arn, String status) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String now = api.cloud.stepFunctions().describeExecution(d -> d.executionArn(arn)).statusAsString();
            if (now.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + arn + " did not become " + status);
    }
}
