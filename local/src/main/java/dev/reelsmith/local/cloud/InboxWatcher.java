package dev.reelsmith.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stands in for S3's EventBridge notifications, which the local S3 emulator does not send: it lists the inbox bucket
 * every {@code interval} and, for each object that is new or was overwritten since the last look (another ETag,
 * version or modification time), hands {@code listener} the {@code Object Created} event S3 would have sent to
 * EventBridge:
 *
 * <pre>{@code
 * {"version":"0","id":"…","detail-type":"Object Created","source":"aws.s3","account":"123456789012",
 *  "time":"2024-05-01T10:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::inbox"],
 *  "detail":{"version":"0","bucket":{"name":"inbox"},
 *            "object":{"key":"songs/a.mp3","size":5,"etag":"…","version-id":"…","sequencer":"…"},
 *            "request-id":"…","requester":"123456789012","source-ip-address":"127.0.0.1","reason":"PutObject"}}
 * }</pre>
 *
 * <p>{@code version-id} is present only when the bucket has versioning enabled; {@code reason} is
 * {@code CompleteMultipartUpload} for multipart ETags ({@code …-N}), otherwise {@code PutObject}. What the watcher has
 * seen can be kept in a state file: after a restart it reports only what changed while it was not running. Without
 * one, objects already in the bucket when it starts count as seen, as S3 sends nothing for objects that predate a
 * notification rule.
 */
public final class InboxWatcher implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private final S3Client s3;
    private final String bucket;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Path stateFile;
    private final Consumer<ObjectNode> listener;
    private final Consumer<Exception> errors;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Seen> seen = new HashMap<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService poller;
    private long sequence;
    private boolean baselined;

    private record Seen(String etag, String versionId, Instant lastModified, long size) {
    }

    /**
     * @param stateFile where seen objects are remembered across restarts, or {@code null}
     * @param listener receives each {@code Object Created} event, on the watcher's thread
     * @param errors receives failures of a poll (the next poll tries again)
     */
    public InboxWatcher(S3Client s3, String bucket, String region, String accountId, Clock clock, Path stateFile,
                        Consumer<ObjectNode> listener, Consumer<Exception> errors) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stateFile = stateFile;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.errors = Objects.requireNonNull(errors, "errors");
        if (stateFile != null && Files.exists(stateFile)) {
            load();
            baselined = true;
        }
    }

    public String bucket() {
        return bucket;
    }

    /** Takes the first look now (recording what is already there) and then polls every {@code interval}. */
    public InboxWatcher start(Duration interval) {
        synchronized (lifecycle) {
            if (poller != null) {
                throw new IllegalStateException("the watcher of " + bucket + " is already running");
            }
            // the first look happens here, synchronously, so an object put right after start() is reported
            try {
                poll();
            } catch (RuntimeException e) {
                errors.accept(e);
            }
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "inbox-watcher-" + bucket);
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(() -> {
                try {
                    poll();
                } catch (RuntimeException e) {
                    errors.accept(e);
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        }
    }

    /**
     * Looks at the bucket once and reports what is new or changed. The first look (without a state file) only
     * records what is there. A bucket that does not exist yet is treated as empty.
     *
     * @return the events handed to the listener
     */
    public synchronized List<ObjectNode> poll() {
        Map<String, Seen> current;
        try {
            current = list();
        } catch (NoSuchBucketException e) {
            current = Map.of();
        }
        List<ObjectNode> created = new ArrayList<>();
        if (!baselined) {
            seen.putAll(current);
            baselined = true;
            save();
            return created;
        }
        for (Map.Entry<String, Seen> entry : current.entrySet()) {
            Seen before = seen.get(entry.getKey());
            if (!entry.getValue().equals(before)) {
                created.add(event(entry.getKey(), entry.getValue()));
            }
        }
        seen.keySet().retainAll(current.keySet());
        seen.putAll(current);
        if (!created.isEmpty() || seen.size() != current.size()) {
            save();
        }
        created.forEach(listener);
        return created;
    }

    private Map<String, Seen> list() {
        Map<String, Seen> objects = new HashMap<>();
        boolean versioned = s3.getBucketVersioning(get -> get.bucket(bucket)).status()
                == BucketVersioningStatus.ENABLED;
        if (versioned) {
            String keyMarker = null;
            String versionMarker = null;
            do {
                String key = keyMarker;
                String version = versionMarker;
                ListObjectVersionsResponse page = s3.listObjectVersions(list -> list.bucket(bucket)
                        .keyMarker(key).versionIdMarker(version));
                for (ObjectVersion object : page.versions()) {
                    if (Boolean.TRUE.equals(object.isLatest())) {
                        objects.put(object.key(), new Seen(object.eTag(), object.versionId(), object.lastModified(),
                                object.size()));
                    }
                }
                keyMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextKeyMarker() : null;
                versionMarker = page.nextVersionIdMarker();
            } while (keyMarker != null);
        } else {
            String token = null;
            do {
                String continuation = token;
                ListObjectsV2Response page = s3.listObjectsV2(list -> list.bucket(bucket)
                        .continuationToken(continuation));
                for (S3Object object : page.contents()) {
                    objects.put(object.key(), new Seen(object.eTag(), null, object.lastModified(), object.size()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        }
        return objects;
    }

    private ObjectNode event(String key, Seen object) {
        ObjectNode event = AwsJson.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", accountId);
        Instant time = object.lastModified() != null ? object.lastModified() : clock.instant();
        event.put("time", TIME.format(time.truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode objectJson = detail.putObject("object");
        objectJson.put("key", key);
        objectJson.put("size", object.size());
        String etag = unquote(object.etag());
        objectJson.put("etag", etag);
        if (object.versionId() != null && !object.versionId().equals("null")) {
            objectJson.put("version-id", object.versionId());
        }
        objectJson.put("sequencer", sequencer(time));
        detail.put("request-id", requestId());
        detail.put("requester", accountId);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", etag.matches(".*-\\d+") ? "CompleteMultipartUpload" : "PutObject");
        return event;
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private String sequencer(Instant time) {
        // S3's sequencer is an opaque hex string that grows for successive events on a key
        sequence++;
        return String.format(Locale.ROOT, "%012X%04X", time.toEpochMilli(), sequence & 0xFFFF);
    }

    private String requestId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        ObjectNode root = AwsJson.object();
        root.put("bucket", bucket);
        root.put("sequence", sequence);
        ObjectNode objects = root.putObject("objects");
        seen.forEach((key, object) -> {
            ObjectNode json = objects.putObject(key);
            json.put("etag", object.etag());
            json.put("versionId", object.versionId());
            json.put("lastModified", object.lastModified() == null ? null : object.lastModified().toString());
            json.put("size", object.size());
        });
        try {
            Files.createDirectories(stateFile.getParent());
            Path temp = Files.createTempFile(stateFile.getParent(), ".inbox-", ".tmp");
            AwsJson.mapper().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inbox watcher state to " + stateFile, e);
        }
    }

    private void load() {
        try {
            JsonNode root = AwsJson.mapper().readTree(stateFile.toFile());
            sequence = root.path("sequence").asLong();
            root.path("objects").fields().forEachRemaining(field -> {
                JsonNode json = field.getValue();
                seen.put(field.getKey(), new Seen(text(json, "etag"), text(json, "versionId"),
                        json.hasNonNull("lastModified") ? Instant.parse(json.get("lastModified").asText()) : null,
                        json.path("size").asLong()));
            });
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the inbox watcher state in " + stateFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (poller != null) {
                poller.shutdownNow();
                try {
                    poller.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                poller = null;
            }
        }
    }
}
