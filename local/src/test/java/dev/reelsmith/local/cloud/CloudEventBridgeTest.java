package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.local.cloud.awsjson.AwsJsonServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

class CloudEventBridgeTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.250Z");

    @TempDir
    Path data;

    private EventBridgeEmulator emulator;
    private AwsJsonServer server;
    private EventBridgeClient events;

    private void startWith(Path logFile) {
        emulator = new EventBridgeEmulator(new CloudSqsTest.MutableClock(NOW), "us-east-1", "123456789012", logFile);
        server = AwsJsonServer.start(0, emulator);
        events = EventBridgeClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        if (events != null) {
            events.close();
            server.close();
            events = null;
        }
    }

    private static PutEventsRequestEntry entry(String detailType, String detail) {
        return PutEventsRequestEntry.builder().source("dev.reelsmith.pipeline").detailType(detailType)
                .detail(detail).resources("arn:aws:states:us-east-1:123456789012:execution:Pipeline:r1").build();
    }

    @Test
    void putEvents_shouldRecordTheEnvelopeEventBridgeDelivers_andTellSubscribers() {
        // given
        startWith(null);
        List<EventBridgeEmulator.Event> seen = new CopyOnWriteArrayList<>();
        emulator.subscribe(seen::add);

        // when
        PutEventsResponse response = events.putEvents(put -> put.entries(
                entry("VideoReady", "{\"runId\":\"r1\",\"url\":\"s3://out/r1/final.mp4\"}")));

        // then
        assertThat(response.failedEntryCount()).isZero();
        String id = response.entries().get(0).eventId();
        assertThat(seen).singleElement().satisfies(event -> {
            assertThat(event.eventBusName()).isEqualTo("default");
            assertThat(event.envelope().get("version").textValue()).isEqualTo("0");
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.detailType()).isEqualTo("VideoReady");
            assertThat(event.source()).isEqualTo("dev.reelsmith.pipeline");
            assertThat(event.envelope().get("account").textValue()).isEqualTo("123456789012");
            assertThat(event.envelope().get("time").textValue()).isEqualTo("2024-05-01T10:00:00Z");
            assertThat(event.envelope().get("region").textValue()).isEqualTo("us-east-1");
            assertThat(event.envelope().get("resources").get(0).textValue())
                    .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Pipeline:r1");
            assertThat(event.detail().get("url").textValue()).isEqualTo("s3://out/r1/final.mp4");
        });
        assertThat(emulator.events()).hasSize(1);
    }

    @Test
    void putEvents_shouldFailOnlyTheInvalidEntries_withEventBridgeErrorCodes() {
        // given
        startWith(null);

        // when
        PutEventsResponse response = events.putEvents(put -> put.entries(
                entry("RunFailed", "{\"runId\":\"r2\"}"),
                entry("RunFailed", "not json"),
                PutEventsRequestEntry.builder().source("aws.s3").detailType("Object Created").detail("{}").build(),
                entry("RunFailed", "{}").toBuilder().eventBusName("missing-bus").build()));

        // then
        assertThat(response.failedEntryCount()).isEqualTo(3);
        assertThat(response.entries()).extracting(PutEventsResultEntry::errorCode).containsExactly(null,
                "MalformedDetail", "NotAuthorizedForSourceException", "ResourceNotFoundException");
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(emulator.events()).hasSize(1);
    }

    @Test
    void createEventBus_shouldAcceptEventsOnTheNewBus_andRejectADuplicate() {
        // given
        startWith(null);
        String arn = events.createEventBus(create -> create.name("reelsmith")).eventBusArn();

        // when
        events.putEvents(put -> put.entries(entry("RunFailed", "{}").toBuilder().eventBusName(arn).build()));

        // then
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/reelsmith");
        assertThat(events.listEventBuses(list -> list.namePrefix("reel")).eventBuses())
                .extracting(EventBus::name).containsExactly("reelsmith");
        assertThat(emulator.events()).extracting(EventBridgeEmulator.Event::eventBusName).containsExactly("reelsmith");
        assertThatThrownBy(() -> events.createEventBus(create -> create.name("reelsmith")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void emulator_shouldKeepBusesAndEvents_whenRestartedWithTheSameLog() {
        // given
        Path log = data.resolve("events").resolve("events.jsonl");
        startWith(log);
        events.createEventBus(create -> create.name("reelsmith"));
        events.putEvents(put -> put.entries(entry("RunFailed", "{\"runId\":\"r3\"}").toBuilder()
                .eventBusName("reelsmith").build()));
        stop();

        // when
        startWith(log);

        // then
        assertThat(emulator.events()).singleElement().satisfies(event -> {
            assertThat(event.eventBusName()).isEqualTo("reelsmith");
            assertThat(event.detail().get("runId").textValue()).isEqualTo("r3");
        });
        assertThat(events.describeEventBus(describe -> describe.name("reelsmith")).name()).isEqualTo("reelsmith");
    }
}
