package dev.reelsmith.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import dev.reelsmith.local.cloud.awsjson.AwsJsonService;
import dev.reelsmith.local.cloud.awsjson.AwsServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A local Amazon SQS for standard queues, speaking the protocol the AWS SDK v2 (2.21 and later) and the AWS CLI use
 * for SQS: AWS JSON 1.0 with {@code X-Amz-Target: AmazonSQS.<Operation>}, errors in the query-compatible form
 * ({@code __type} plus the {@code x-amzn-query-error} header). Offers CreateQueue, GetQueueUrl, ListQueues,
 * DeleteQueue, GetQueueAttributes, SetQueueAttributes, PurgeQueue, SendMessage, SendMessageBatch, ReceiveMessage
 * (visibility timeout, long polling, receive counts, a queue's RedrivePolicy), ChangeMessageVisibility and
 * DeleteMessage, with the MD5 digests the SDK verifies. FIFO queues are not offered.
 *
 * <p>The pipeline uses it for its dead-letter queue; {@link #messages(String)} shows what a queue holds. With a state
 * file every change is written to it, so {@code reelsmith serve} keeps queues and messages across restarts.
 */
public final class SqsEmulator implements AwsJsonService {
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_MESSAGE_BYTES = 262_144;
    private static final Map<String, String> DEFAULT_ATTRIBUTES = Map.of(
            "VisibilityTimeout", "30", "MessageRetentionPeriod", "345600", "DelaySeconds", "0",
            "ReceiveMessageWaitTimeSeconds", "0", "MaximumMessageSize", "262144");

    private final Clock clock;
    private final String region;
    private final String accountId;
    private final Path stateFile;
    private volatile String endpoint = "http://127.0.0.1";
    private final Map<String, Queue> queues = new TreeMap<>();
    private final Map<String, Function<ObjectNode, ObjectNode>> operations = Map.ofEntries(
            Map.entry("CreateQueue", this::createQueue),
            Map.entry("GetQueueUrl", this::getQueueUrl),
            Map.entry("ListQueues", this::listQueues),
            Map.entry("DeleteQueue", this::deleteQueue),
            Map.entry("GetQueueAttributes", this::getQueueAttributes),
            Map.entry("SetQueueAttributes", this::setQueueAttributes),
            Map.entry("PurgeQueue", this::purgeQueue),
            Map.entry("SendMessage", this::sendMessage),
            Map.entry("SendMessageBatch", this::sendMessageBatch),
            Map.entry("ReceiveMessage", this::receiveMessage),
            Map.entry("ChangeMessageVisibility", this::changeMessageVisibility),
            Map.entry("DeleteMessage", this::deleteMessage));

    /**
     * @param stateFile where queues and messages are kept across restarts, or {@code null} to keep them in memory
     */
    public SqsEmulator(Clock clock, String region, String accountId, Path stateFile) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.stateFile = stateFile;
        if (stateFile != null && Files.exists(stateFile)) {
            load(stateFile);
        }
    }

    /** Where the emulator is reachable ({@code http://127.0.0.1:PORT}); queue URLs start with it. */
    public void endpoint(String value) {
        this.endpoint = Objects.requireNonNull(value, "endpoint");
    }

    /** One message as the emulator holds it. */
    public record Message(String messageId, String body, Map<String, JsonNode> messageAttributes, Instant sentAt,
                          int receiveCount) {
    }

    /** The messages a queue holds now (visible or not), oldest first. */
    public synchronized List<Message> messages(String queueName) {
        Queue queue = queues.get(queueName);
        if (queue == null) {
            return List.of();
        }
        List<Message> list = new ArrayList<>();
        for (StoredMessage message : queue.messages) {
            list.add(new Message(message.id, message.body, message.attributes, message.sentAt,
                    message.receiveCount));
        }
        return list;
    }

    /** The names of the queues that exist. */
    public synchronized List<String> queueNames() {
        return List.copyOf(queues.keySet());
    }

    @Override
    public String targetPrefix() {
        return "AmazonSQS";
    }

    @Override
    public String jsonVersion() {
        return "1.0";
    }

    @Override
    public String errorNamespace() {
        return "com.amazonaws.sqs";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) {
        Function<ObjectNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnsupportedOperation", "The local SQS does not offer " + operation,
                    400, Map.of("x-amzn-query-error", "AWS.SimpleQueueService.UnsupportedOperation;Sender"));
        }
        return handler.apply(request);
    }

    // ------------------------------------------------------------------ queues

    private ObjectNode createQueue(ObjectNode request) {
        String name = AwsJson.requiredString(request, "QueueName");
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw error("InvalidParameterValue", "InvalidParameterValue", name.endsWith(".fifo")
                    ? "FIFO queues are not offered by the local SQS; use a standard queue"
                    : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> attributes = stringMap(request.get("Attributes"));
        if ("true".equalsIgnoreCase(attributes.get("FifoQueue"))) {
            throw error("InvalidAttributeName", "InvalidAttributeName",
                    "FIFO queues are not offered by the local SQS; use a standard queue");
        }
        synchronized (this) {
            Queue existing = queues.get(name);
            if (existing != null) {
                for (Map.Entry<String, String> entry : attributes.entrySet()) {
                    if (!entry.getValue().equals(existing.attributes.get(entry.getKey()))) {
                        throw error("QueueNameExists", "QueueAlreadyExists",
                                "A queue already exists with the same name and a different value for attribute "
                                        + entry.getKey());
                    }
                }
            } else {
                Queue queue = new Queue(name, clock.instant());
                queue.attributes.putAll(DEFAULT_ATTRIBUTES);
                queue.attributes.putAll(attributes);
                queues.put(name, queue);
                save();
            }
        }
        return queueUrlResponse(name);
    }

    private ObjectNode getQueueUrl(ObjectNode request) {
        String name = AwsJson.requiredString(request, "QueueName");
        synchronized (this) {
            if (!queues.containsKey(name)) {
                throw nonExistentQueue();
            }
        }
        return queueUrlResponse(name);
    }

    private ObjectNode queueUrlResponse(String name) {
        ObjectNode response = AwsJson.object();
        response.put("QueueUrl", queueUrl(name));
        return response;
    }

    private String queueUrl(String name) {
        return endpoint + "/" + accountId + "/" + name;
    }

    private synchronized ObjectNode listQueues(ObjectNode request) {
        String prefix = AwsJson.optionalString(request, "QueueNamePrefix");
        ObjectNode response = AwsJson.object();
        ArrayNode urls = response.putArray("QueueUrls");
        for (String name : queues.keySet()) {
            if (prefix == null || name.startsWith(prefix)) {
                urls.add(queueUrl(name));
            }
        }
        return response;
    }

    private synchronized ObjectNode deleteQueue(ObjectNode request) {
        Queue queue = queue(request);
        queues.remove(queue.name);
        save();
        return AwsJson.object();
    }

    private synchronized ObjectNode getQueueAttributes(ObjectNode request) {
        Queue queue = queue(request);
        List<String> names = new ArrayList<>();
        request.path("AttributeNames").forEach(name -> names.add(name.asText()));
        Instant now = clock.instant();
        Map<String, String> all = new LinkedHashMap<>(queue.attributes);
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (StoredMessage message : queue.messages) {
            if (message.delayedUntil.isAfter(now)) {
                delayed++;
            } else if (message.invisibleUntil.isAfter(now)) {
                inFlight++;
            } else {
                visible++;
            }
        }
        all.put("ApproximateNumberOfMessages", Integer.toString(visible));
        all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(inFlight));
        all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(delayed));
        all.put("CreatedTimestamp", Long.toString(queue.createdAt.getEpochSecond()));
        all.put("LastModifiedTimestamp", Long.toString(queue.createdAt.getEpochSecond()));
        all.put("QueueArn", queueArn(queue.name));
        ObjectNode response = AwsJson.object();
        ObjectNode attributes = response.putObject("Attributes");
        for (Map.Entry<String, String> entry : all.entrySet()) {
            if (names.contains("All") || names.contains(entry.getKey())) {
                attributes.put(entry.getKey(), entry.getValue());
            }
        }
        return response;
    }

    private synchronized ObjectNode setQueueAttributes(ObjectNode request) {
        Queue queue = queue(request);
        queue.attributes.putAll(stringMap(request.get("Attributes")));
        save();
        return AwsJson.object();
    }

    private synchronized ObjectNode purgeQueue(ObjectNode request) {
        queue(request).messages.clear();
        save();
        return AwsJson.object();
    }

    private String queueArn(String name) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
    }

    // ------------------------------------------------------------------ messages

    private ObjectNode sendMessage(ObjectNode request) {
        synchronized (this) {
            Queue queue = queue(request);
            ObjectNode response = send(queue, request);
            save();
            notifyAll();
            return response;
        }
    }

    private ObjectNode sendMessageBatch(ObjectNode request) {
        JsonNode entries = request.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw error("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
                    "There should be at least one SendMessageBatchRequestEntry in the request.");
        }
        if (entries.size() > 10) {
            throw error("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                    "Maximum number of entries per request are 10. You have sent " + entries.size() + ".");
        }
        ObjectNode response = AwsJson.object();
        ArrayNode successful = response.putArray("Successful");
        ArrayNode failed = response.putArray("Failed");
        synchronized (this) {
            Queue queue = queue(request);
            for (JsonNode entry : entries) {
                String id = entry.path("Id").asText();
                try {
                    ObjectNode sent = send(queue, (ObjectNode) entry);
                    sent.put("Id", id);
                    successful.add(sent);
                } catch (AwsServiceException e) {
                    ObjectNode failure = failed.addObject();
                    failure.put("Id", id);
                    failure.put("SenderFault", true);
                    failure.put("Code", e.code());
                    failure.put("Message", e.getMessage());
                }
            }
            save();
            notifyAll();
        }
        return response;
    }

    private ObjectNode send(Queue queue, ObjectNode request) {
        String body = AwsJson.requiredString(request, "MessageBody");
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw error("InvalidParameterValue", "InvalidParameterValue", "One or more parameters are invalid. "
                    + "Reason: Message must be shorter than " + MAX_MESSAGE_BYTES + " bytes.");
        }
        int delay = AwsJson.range("DelaySeconds", AwsJson.optionalInt(request, "DelaySeconds",
                Integer.parseInt(queue.attributes.getOrDefault("DelaySeconds", "0"))), 0, 900);
        Map<String, JsonNode> attributes = messageAttributes(request.get("MessageAttributes"));
        Instant now = clock.instant();
        StoredMessage message = new StoredMessage(UUID.randomUUID().toString(), body, attributes, now,
                now.plusSeconds(delay));
        queue.messages.add(message);
        ObjectNode response = AwsJson.object();
        response.put("MessageId", message.id);
        response.put("MD5OfMessageBody", md5(body.getBytes(StandardCharsets.UTF_8)));
        if (!attributes.isEmpty()) {
            response.put("MD5OfMessageAttributes", attributesMd5(attributes));
        }
        return response;
    }

    private ObjectNode receiveMessage(ObjectNode request) {
        int max = AwsJson.range("MaxNumberOfMessages", AwsJson.optionalInt(request, "MaxNumberOfMessages", 1), 1, 10);
        Integer visibility = request.hasNonNull("VisibilityTimeout")
                ? AwsJson.range("VisibilityTimeout", AwsJson.optionalInt(request, "VisibilityTimeout", 0), 0, 43_200)
                : null;
        List<String> wantedAttributes = names(request, "MessageAttributeNames");
        List<String> wantedSystem = names(request, "MessageSystemAttributeNames");
        wantedSystem.addAll(names(request, "AttributeNames"));
        synchronized (this) {
            Queue queue = queue(request);
            int wait = AwsJson.range("WaitTimeSeconds", AwsJson.optionalInt(request, "WaitTimeSeconds",
                    Integer.parseInt(queue.attributes.getOrDefault("ReceiveMessageWaitTimeSeconds", "0"))), 0, 20);
            long deadline = System.nanoTime() + wait * 1_000_000_000L;
            List<StoredMessage> received = take(queue, max, visibility);
            while (received.isEmpty() && System.nanoTime() < deadline && queues.get(queue.name) == queue) {
                try {
                    // long polling: woken by any send; the deadline is real time, as the SDK's socket timeout is
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                received = take(queue, max, visibility);
            }
            if (!received.isEmpty()) {
                save();
            }
            ObjectNode response = AwsJson.object();
            if (!received.isEmpty()) {
                ArrayNode messages = response.putArray("Messages");
                for (StoredMessage message : received) {
                    messages.add(messageJson(message, wantedAttributes, wantedSystem));
                }
            }
            return response;
        }
    }

    private List<StoredMessage> take(Queue queue, int max, Integer visibility) {
        Instant now = clock.instant();
        int timeout = visibility != null ? visibility
                : Integer.parseInt(queue.attributes.getOrDefault("VisibilityTimeout", "30"));
        List<StoredMessage> taken = new ArrayList<>();
        Iterator<StoredMessage> it = queue.messages.iterator();
        while (it.hasNext() && taken.size() < max) {
            StoredMessage message = it.next();
            if (message.delayedUntil.isAfter(now) || message.invisibleUntil.isAfter(now)) {
                continue;
            }
            Queue deadLetter = deadLetterQueue(queue, message);
            if (deadLetter != null) {
                // SQS moves a message whose receive count exceeds maxReceiveCount instead of returning it
                it.remove();
                message.invisibleUntil = Instant.EPOCH;
                deadLetter.messages.add(message);
                continue;
            }
            message.receiveCount++;
            if (message.firstReceivedAt == null) {
                message.firstReceivedAt = now;
            }
            message.invisibleUntil = now.plusSeconds(timeout);
            message.receiptHandle = UUID.randomUUID() + "#" + message.id;
            taken.add(message);
        }
        return taken;
    }

    private Queue deadLetterQueue(Queue queue, StoredMessage message) {
        String policy = queue.attributes.get("RedrivePolicy");
        if (policy == null) {
            return null;
        }
        try {
            JsonNode json = AwsJson.mapper().readTree(policy);
            int maxReceiveCount = json.path("maxReceiveCount").asInt(Integer.MAX_VALUE);
            String arn = json.path("deadLetterTargetArn").asText();
            Queue target = queues.get(arn.substring(arn.lastIndexOf(':') + 1));
            return message.receiveCount >= maxReceiveCount && target != null && target != queue ? target : null;
        } catch (IOException e) {
            return null;
        }
    }

    private ObjectNode messageJson(StoredMessage message, List<String> wantedAttributes, List<String> wantedSystem) {
        ObjectNode json = AwsJson.object();
        json.put("MessageId", message.id);
        json.put("ReceiptHandle", message.receiptHandle);
        json.put("MD5OfBody", md5(message.body.getBytes(StandardCharsets.UTF_8)));
        json.put("Body", message.body);
        Map<String, String> system = new LinkedHashMap<>();
        system.put("SenderId", accountId);
        system.put("SentTimestamp", Long.toString(message.sentAt.toEpochMilli()));
        system.put("ApproximateReceiveCount", Integer.toString(message.receiveCount));
        system.put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAt.toEpochMilli()));
        ObjectNode attributes = AwsJson.object();
        system.forEach((name, value) -> {
            if (wantedSystem.contains("All") || wantedSystem.contains(name)) {
                attributes.put(name, value);
            }
        });
        if (!attributes.isEmpty()) {
            json.set("Attributes", attributes);
        }
        Map<String, JsonNode> selected = new TreeMap<>();
        message.attributes.forEach((name, value) -> {
            if (wantedAttributes.contains("All") || wantedAttributes.contains(".*") || wantedAttributes.contains(name)
                    || wantedAttributes.stream().anyMatch(w -> w.endsWith(".*")
                    && name.startsWith(w.substring(0, w.length() - 1)))) {
                selected.put(name, value);
            }
        });
        if (!selected.isEmpty()) {
            ObjectNode out = json.putObject("MessageAttributes");
            selected.forEach(out::set);
            json.put("MD5OfMessageAttributes", attributesMd5(selected));
        }
        return json;
    }

    private synchronized ObjectNode changeMessageVisibility(ObjectNode request) {
        Queue queue = queue(request);
        StoredMessage message = byReceiptHandle(queue, AwsJson.requiredString(request, "ReceiptHandle"));
        int timeout = AwsJson.range("VisibilityTimeout", AwsJson.optionalInt(request, "VisibilityTimeout", 0), 0,
                43_200);
        message.invisibleUntil = clock.instant().plusSeconds(timeout);
        save();
        notifyAll();
        return AwsJson.object();
    }

    private synchronized ObjectNode deleteMessage(ObjectNode request) {
        Queue queue = queue(request);
        String handle = AwsJson.requiredString(request, "ReceiptHandle");
        if (!handle.contains("#")) {
            throw error("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                    "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
        }
        // deleting a message that is already gone succeeds, as in SQS
        queue.messages.removeIf(message -> handle.equals(message.receiptHandle));
        save();
        return AwsJson.object();
    }

    private static StoredMessage byReceiptHandle(Queue queue, String handle) {
        for (StoredMessage message : queue.messages) {
            if (handle.equals(message.receiptHandle)) {
                return message;
            }
        }
        throw error("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    // ------------------------------------------------------------------ helpers

    private Queue queue(ObjectNode request) {
        String url = AwsJson.requiredString(request, "QueueUrl");
        Queue queue = queues.get(url.substring(url.lastIndexOf('/') + 1));
        if (queue == null) {
            throw nonExistentQueue();
        }
        return queue;
    }

    private static AwsServiceException nonExistentQueue() {
        return error("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist.");
    }

    private static AwsServiceException error(String code, String queryCode, String message) {
        return new AwsServiceException(code, message, 400, Map.of("x-amzn-query-error", queryCode + ";Sender"));
    }

    private static List<String> names(ObjectNode request, String member) {
        List<String> names = new ArrayList<>();
        request.path(member).forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        }
        return map;
    }

    private static Map<String, JsonNode> messageAttributes(JsonNode node) {
        Map<String, JsonNode> map = new TreeMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String type = value.path("DataType").asText("");
            boolean binary = type.startsWith("Binary");
            if (!(type.startsWith("String") || type.startsWith("Number") || binary)
                    || (binary ? !value.hasNonNull("BinaryValue") : !value.hasNonNull("StringValue"))) {
                throw error("InvalidParameterValue", "InvalidParameterValue", "The message attribute '"
                        + field.getKey() + "' must contain a non-empty value of type " + (binary ? "Binary" : "String")
                        + " and a DataType of String, Number or Binary");
            }
            ObjectNode copy = AwsJson.object();
            copy.put("DataType", type);
            if (binary) {
                copy.put("BinaryValue", value.get("BinaryValue").asText());
            } else {
                copy.put("StringValue", value.get("StringValue").asText());
            }
            map.put(field.getKey(), copy);
        });
        return map;
    }

    /** The MD5 of message attributes as SQS computes it (and the SDK checks): per name, in order, length-prefixed. */
    static String attributesMd5(Map<String, JsonNode> attributes) {
        MessageDigest digest = md5Digest();
        for (Map.Entry<String, JsonNode> entry : new TreeMap<>(attributes).entrySet()) {
            JsonNode value = entry.getValue();
            updateLengthPrefixed(digest, entry.getKey().getBytes(StandardCharsets.UTF_8));
            updateLengthPrefixed(digest, value.get("DataType").asText().getBytes(StandardCharsets.UTF_8));
            if (value.hasNonNull("StringValue")) {
                digest.update((byte) 1);
                updateLengthPrefixed(digest, value.get("StringValue").asText().getBytes(StandardCharsets.UTF_8));
            } else {
                digest.update((byte) 2);
                updateLengthPrefixed(digest, Base64.getDecoder().decode(value.get("BinaryValue").asText()));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void updateLengthPrefixed(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(md5Digest().digest(bytes));
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }

    // ------------------------------------------------------------------ state

    private static final class Queue {
        final String name;
        final Instant createdAt;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<StoredMessage> messages = new ArrayList<>();

        Queue(String name, Instant createdAt) {
            this.name = name;
            this.createdAt = createdAt;
        }
    }

    private static final class StoredMessage {
        final String id;
        final String body;
        final Map<String, JsonNode> attributes;
        final Instant sentAt;
        final Instant delayedUntil;
        Instant invisibleUntil = Instant.EPOCH;
        Instant firstReceivedAt;
        String receiptHandle;
        int receiveCount;

        StoredMessage(String id, String body, Map<String, JsonNode> attributes, Instant sentAt,
                      Instant delayedUntil) {
            this.id = id;
            this.body = body;
            this.attributes = attributes;
            this.sentAt = sentAt;
            this.delayedUntil = delayedUntil;
        }
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        ObjectNode root = AwsJson.object();
        ArrayNode list = root.putArray("queues");
        for (Queue queue : queues.values()) {
            ObjectNode json = list.addObject();
            json.put("name", queue.name);
            json.put("createdAt", queue.createdAt.toString());
            ObjectNode attributes = json.putObject("attributes");
            queue.attributes.forEach(attributes::put);
            ArrayNode messages = json.putArray("messages");
            for (StoredMessage message : queue.messages) {
                ObjectNode m = messages.addObject();
                m.put("id", message.id);
                m.put("body", message.body);
                ObjectNode attrs = m.putObject("attributes");
                message.attributes.forEach(attrs::set);
                m.put("sentAt", message.sentAt.toString());
                m.put("delayedUntil", message.delayedUntil.toString());
                m.put("receiveCount", message.receiveCount);
                if (message.firstReceivedAt != null) {
                    m.put("firstReceivedAt", message.firstReceivedAt.toString());
                }
            }
        }
        try {
            Files.createDirectories(stateFile.getParent());
            Path temp = Files.createTempFile(stateFile.getParent(), ".sqs-", ".tmp");
            AwsJson.mapper().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SQS state to " + stateFile, e);
        }
    }

    private void load(Path file) {
        try {
            JsonNode root = AwsJson.mapper().readTree(file.toFile());
            for (JsonNode json : root.path("queues")) {
                Queue queue = new Queue(json.get("name").asText(), Instant.parse(json.get("createdAt").asText()));
                queue.attributes.putAll(stringMap(json.get("attributes")));
                for (JsonNode m : json.path("messages")) {
                    Map<String, JsonNode> attributes = new TreeMap<>();
                    m.path("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue()));
                    // after a restart every message is visible again, as when its visibility timeout ends
                    StoredMessage message = new StoredMessage(m.get("id").asText(), m.get("body").asText(),
                            attributes, Instant.parse(m.get("sentAt").asText()),
                            Instant.parse(m.get("delayedUntil").asText()));
                    message.receiveCount = m.path("receiveCount").asInt();
                    if (m.hasNonNull("firstReceivedAt")) {
                        message.firstReceivedAt = Instant.parse(m.get("firstReceivedAt").asText());
                    }
                    queue.messages.add(message);
                }
                queues.put(queue.name, queue);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the SQS state in " + file + ": " + e.getMessage(), e);
        }
    }
}
