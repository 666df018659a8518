package dev.reelsmith.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import dev.reelsmith.local.cloud.awsjson.AwsJsonService;
import dev.reelsmith.local.cloud.awsjson.AwsServiceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A local Amazon EventBridge that records events: the protocol of the AWS SDK's {@code EventBridgeClient} and the
 * AWS CLI ({@code AWS JSON 1.1}, {@code X-Amz-Target: AWSEvents.<Operation>}) for PutEvents and for CreateEventBus,
 * DescribeEventBus, ListEventBuses and DeleteEventBus. Events are validated per entry as EventBridge does (failed
 * entries get an {@code ErrorCode}; the others an {@code EventId}) and kept as the envelope EventBridge delivers to
 * targets ({@code version}, {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time},
 * {@code region}, {@code resources}, {@code detail}). There are no rules or targets: subscribers registered with
 * {@link #subscribe(Consumer)} see every event, and {@link #events()} lists them.
 *
 * <p>AWS services publish their own events ({@code aws.*} sources, which PutEvents refuses); the local runtime
 * does so for S3 through {@link #publish(String, ObjectNode)}. With an event log file every event is appended to it
 * as one JSON line, and buses and events come back after a restart.
 */
public final class EventBridgeEmulator implements AwsJsonService {
    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final Clock clock;
    private final String region;
    private final String accountId;
    private final Path logFile;
    private final Map<String, Instant> buses = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, Function<ObjectNode, ObjectNode>> operations = Map.of(
            "PutEvents", this::putEvents,
            "CreateEventBus", this::createEventBus,
            "DescribeEventBus", this::describeEventBus,
            "ListEventBuses", this::listEventBuses,
            "DeleteEventBus", this::deleteEventBus);

    /** One recorded event: the bus it was put on and the envelope targets would receive. */
    public record Event(String eventBusName, ObjectNode envelope) {
        public String id() {
            return envelope.path("id").asText();
        }

        public String detailType() {
            return envelope.path("detail-type").asText();
        }

        public String source() {
            return envelope.path("source").asText();
        }

        public JsonNode detail() {
            return envelope.path("detail");
        }
    }

    /**
     * @param logFile where events and buses are kept across restarts (JSON lines), or {@code null} for memory only
     */
    public EventBridgeEmulator(Clock clock, String region, String accountId, Path logFile) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.logFile = logFile;
        buses.put("default", Instant.EPOCH);
        if (logFile != null && Files.exists(logFile)) {
            load(logFile);
        }
    }

    /** Calls {@code subscriber} for every event from now on, on the thread that put it. */
    public void subscribe(Consumer<Event> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** Every event recorded, oldest first. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Creates {@code name} unless it exists (for wiring that needs a custom bus before handlers run). */
    public synchronized void ensureEventBus(String name) {
        if (!buses.containsKey(name)) {
            buses.put(name, clock.instant());
            append("bus", AwsJson.object().put("name", name).put("created", clock.instant().toString()));
        }
    }

    /**
     * Records an event an AWS service emitted (such as S3's {@code Object Created}) on {@code eventBusName}, as
     * EventBridge receives it from that service: the envelope is kept as given.
     */
    public void publish(String eventBusName, ObjectNode envelope) {
        Event event;
        synchronized (this) {
            if (!buses.containsKey(eventBusName)) {
                throw new IllegalArgumentException("Event bus " + eventBusName + " does not exist.");
            }
            event = new Event(eventBusName, envelope.deepCopy());
            record(event);
        }
        deliver(event);
    }

    @Override
    public String targetPrefix() {
        return "AWSEvents";
    }

    @Override
    public String jsonVersion() {
        return "1.1";
    }

    @Override
    public String errorNamespace() {
        return "com.amazonaws.eventbridge";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) {
        Function<ObjectNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The local EventBridge does not offer "
                    + operation + "; it offers " + String.join(", ", operations.keySet().stream().sorted().toList()));
        }
        return handler.apply(request);
    }

    private ObjectNode putEvents(ObjectNode request) {
        JsonNode entries = request.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'entries' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        if (entries.size() > 10) {
            throw AwsServiceException.validation("1 validation error detected: Value '" + entries.size()
                    + "' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
        }
        ObjectNode response = AwsJson.object();
        ArrayNode results = AwsJson.mapper().createArrayNode();
        int failed = 0;
        List<Event> accepted = new ArrayList<>();
        synchronized (this) {
            for (JsonNode entry : entries) {
                ObjectNode result = results.addObject();
                String problem = problem(entry);
                if (problem != null) {
                    int colon = problem.indexOf(':');
                    result.put("ErrorCode", problem.substring(0, colon));
                    result.put("ErrorMessage", problem.substring(colon + 1));
                    failed++;
                    continue;
                }
                Event event = new Event(busName(entry), envelope(entry));
                record(event);
                accepted.add(event);
                result.put("EventId", event.id());
            }
        }
        accepted.forEach(this::deliver);
        response.put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    /** Why EventBridge would reject this entry, as {@code ErrorCode:ErrorMessage}, or {@code null}. */
    private String problem(JsonNode entry) {
        String source = entry.path("Source").asText("");
        String detailType = entry.path("DetailType").asText("");
        if (source.isEmpty()) {
            return "InvalidArgument:Parameter Source is not valid. Reason: Source is a required argument.";
        }
        if (detailType.isEmpty()) {
            return "InvalidArgument:Parameter DetailType is not valid. Reason: DetailType is a required argument.";
        }
        if (!entry.hasNonNull("Detail")) {
            return "InvalidArgument:Parameter Detail is not valid. Reason: Detail is a required argument.";
        }
        if (source.startsWith("aws.")) {
            return "NotAuthorizedForSourceException:Not authorized for the source.";
        }
        try {
            JsonNode detail = AwsJson.mapper().readTree(entry.get("Detail").asText());
            if (detail == null || !detail.isObject()) {
                return "MalformedDetail:Detail is malformed.";
            }
        } catch (IOException e) {
            return "MalformedDetail:Detail is malformed.";
        }
        String bus = busName(entry);
        if (!buses.containsKey(bus)) {
            return "ResourceNotFoundException:Event bus " + bus + " does not exist.";
        }
        return null;
    }

    private static String busName(JsonNode entry) {
        String bus = entry.path("EventBusName").asText("");
        if (bus.isEmpty()) {
            return "default";
        }
        // callers may name a bus by its ARN
        return bus.startsWith("arn:") ? bus.substring(bus.lastIndexOf('/') + 1) : bus;
    }

    private ObjectNode envelope(JsonNode entry) {
        ObjectNode envelope = AwsJson.object();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", entry.get("DetailType").asText());
        envelope.put("source", entry.get("Source").asText());
        envelope.put("account", accountId);
        Instant time = entry.hasNonNull("Time") ? instant(entry.get("Time")) : clock.instant();
        envelope.put("time", TIME.format(time.truncatedTo(ChronoUnit.SECONDS)));
        envelope.put("region", region);
        ArrayNode resources = envelope.putArray("resources");
        entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
        try {
            envelope.set("detail", AwsJson.mapper().readTree(entry.get("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("validated detail did not parse", e);
        }
        return envelope;
    }

    private static Instant instant(JsonNode time) {
        if (time.isNumber()) {
            return Instant.ofEpochMilli(time.decimalValue().movePointRight(3).longValue());
        }
        return Instant.parse(time.asText());
    }

    private ObjectNode createEventBus(ObjectNode request) {
        String name = AwsJson.requiredString(request, "Name");
        if (!BUS_NAME.matcher(name).matches() || name.equals("default")) {
            throw AwsServiceException.validation("Event bus name " + name + " is not valid.");
        }
        synchronized (this) {
            if (buses.containsKey(name)) {
                throw new AwsServiceException("ResourceAlreadyExistsException", "Event bus " + name
                        + " already exists.");
            }
            ensureEventBus(name);
        }
        ObjectNode response = AwsJson.object();
        response.put("EventBusArn", busArn(name));
        return response;
    }

    private synchronized ObjectNode describeEventBus(ObjectNode request) {
        String name = AwsJson.optionalString(request, "Name");
        String bus = name == null ? "default" : name.startsWith("arn:") ? name.substring(name.lastIndexOf('/') + 1)
                : name;
        if (!buses.containsKey(bus)) {
            throw new AwsServiceException("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
        }
        return busJson(bus);
    }

    private synchronized ObjectNode listEventBuses(ObjectNode request) {
        String prefix = AwsJson.optionalString(request, "NamePrefix");
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("EventBuses");
        for (String name : buses.keySet()) {
            if (prefix == null || name.startsWith(prefix)) {
                list.add(busJson(name));
            }
        }
        return response;
    }

    private synchronized ObjectNode deleteEventBus(ObjectNode request) {
        String name = AwsJson.requiredString(request, "Name");
        if (name.equals("default")) {
            throw AwsServiceException.validation("Cannot delete event bus default.");
        }
        if (buses.remove(name) != null) {
            append("deleteBus", AwsJson.object().put("name", name));
        }
        return AwsJson.object();
    }

    private ObjectNode busJson(String name) {
        ObjectNode bus = AwsJson.object();
        bus.put("Name", name);
        bus.put("Arn", busArn(name));
        return bus;
    }

    private String busArn(String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    private void record(Event event) {
        events.add(event);
        ObjectNode line = AwsJson.object();
        line.put("bus", event.eventBusName());
        line.set("event", event.envelope());
        append("event", line);
    }

    private void deliver(Event event) {
        for (Consumer<Event> subscriber : subscribers) {
            subscriber.accept(event);
        }
    }

    private void append(String kind, ObjectNode data) {
        if (logFile == null) {
            return;
        }
        data.put("kind", kind);
        try {
            Files.createDirectories(logFile.getParent());
            try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                writer.write(AwsJson.mapper().writeValueAsString(data));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event log " + logFile, e);
        }
    }

    private void load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event log " + file, e);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json;
            try {
                json = AwsJson.mapper().readTree(line);
            } catch (IOException e) {
                // a line cut short by a crash: the events before it are intact
                continue;
            }
            switch (json.path("kind").asText()) {
                case "bus" -> buses.put(json.get("name").asText(), Instant.parse(json.get("created").asText()));
                case "deleteBus" -> buses.remove(json.get("name").asText());
                case "event" -> events.add(new Event(json.get("bus").asText(), (ObjectNode) json.get("event")));
                default -> {
                    // written by a newer version; nothing this one understands
                }
            }
        }
    }
}
