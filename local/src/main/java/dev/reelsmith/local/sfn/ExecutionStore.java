package dev.reelsmith.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionListener;
import dev.reelsmith.local.asl.ExecutionSnapshot;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.HistoryEvent;
import dev.reelsmith.local.asl.StateMachine;
import dev.reelsmith.local.asl.definition.StateMachineDefinition;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the local Step Functions on disk so {@code reelsmith serve} survives a restart: every state machine (name,
 * role, definition, creation date) and every execution as an {@link ExecutionSnapshot} (status, input, output,
 * history, and where each of its workflows stands).
 *
 * <p>Layout under the directory: {@code state-machines/<name>.json} and
 * {@code executions/<state machine name>/<execution name>.json}, each written whole to a temporary file and then
 * moved into place, so a crash leaves the previous version rather than half a file.
 *
 * <p>Executions are written shortly after each change (the engine's listener marks them; a background thread writes
 * what changed every {@code flushInterval}, because a listener must not call back into the engine) and once more on
 * {@link #close()}. On {@link #restoreInto(AslEngine)} closed executions come back readable and redrivable, and
 * executions that were RUNNING resume where their snapshot left them: states that were in flight are entered again
 * (a task that was running is invoked again, as after an AWS service-side retry; a callback task keeps waiting for
 * its token).
 */
public final class ExecutionStore implements ExecutionListener, AutoCloseable {
    private final Path stateMachinesDir;
    private final Path executionsDir;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Map<String, String> savedMachines = new HashMap<>();
    private final ScheduledExecutorService flusher;
    private volatile AslEngine engine;

    private ExecutionStore(Path directory, Duration flushInterval) {
        this.stateMachinesDir = directory.resolve("state-machines");
        this.executionsDir = directory.resolve("executions");
        try {
            Files.createDirectories(stateMachinesDir);
            Files.createDirectories(executionsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Step Functions data directory " + directory, e);
        }
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sfn-store");
            thread.setDaemon(true);
            return thread;
        });
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Opens (creating if needed) the store in {@code directory}, writing changes every {@code flushInterval}. */
    public static ExecutionStore open(Path directory, Duration flushInterval) {
        Objects.requireNonNull(directory, "directory");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive, was " + flushInterval);
        }
        return new ExecutionStore(directory, flushInterval);
    }

    /** What {@link #restoreInto} brought back, and the files it could not read. */
    public record Restored(int stateMachines, int closedExecutions, int resumedExecutions, List<String> problems) {
        public Restored {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Loads every stored state machine and execution into {@code engine} and from then on records its changes. Call
     * it once, after registering the task resources the definitions need (resumed executions run at once) and
     * before the engine receives requests. Unreadable files are reported in {@link Restored#problems()} and skipped.
     */
    public synchronized Restored restoreInto(AslEngine engine) {
        if (this.engine != null) {
            throw new IllegalStateException("the store is already attached to an engine");
        }
        List<String> problems = new ArrayList<>();
        int machines = 0;
        for (Path file : jsonFiles(stateMachinesDir)) {
            try {
                JsonNode json = AwsJson.mapper().readTree(file.toFile());
                String definition = json.get("definition").textValue();
                StateMachine machine = new StateMachine(json.get("stateMachineArn").textValue(),
                        json.get("name").textValue(), json.get("roleArn").textValue(), definition,
                        StateMachineDefinition.parse(definition), Instant.parse(json.get("creationDate").textValue()));
                engine.restore(machine);
                savedMachines.put(machine.arn(), fingerprint(machine));
                machines++;
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        List<ExecutionSnapshot> snapshots = new ArrayList<>();
        for (Path machineDir : directories(executionsDir)) {
            for (Path file : jsonFiles(machineDir)) {
                try {
                    snapshots.add(ExecutionSnapshot.fromJson(AwsJson.mapper().readTree(file.toFile())));
                } catch (IOException | RuntimeException e) {
                    problems.add(file + ": " + e.getMessage());
                }
            }
        }
        this.engine = engine;
        engine.addListener(this);
        int closed = 0;
        int resumed = 0;
        for (ExecutionSnapshot snapshot : snapshots) {
            try {
                engine.restore(snapshot);
                if (snapshot.status() == ExecutionStatus.RUNNING) {
                    resumed++;
                    dirty.add(snapshot.executionArn());
                } else {
                    closed++;
                }
            } catch (RuntimeException e) {
                problems.add(snapshot.executionArn() + ": " + e.getMessage());
            }
        }
        return new Restored(machines, closed, resumed, problems);
    }

    @Override
    public void onEvent(String executionArn, HistoryEvent event) {
        dirty.add(executionArn);
    }

    @Override
    public void onStatusChange(ExecutionDescription description) {
        dirty.add(description.executionArn());
    }

    /** Writes every changed execution and state machine now. */
    public synchronized void flush() {
        AslEngine attached = engine;
        if (attached == null) {
            return;
        }
        saveStateMachines(attached);
        List<String> arns = new ArrayList<>(dirty);
        for (String arn : arns) {
            dirty.remove(arn);
            ExecutionSnapshot snapshot = attached.snapshot(arn);
            write(executionFile(snapshot), snapshot.toJson());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the next flush (or close) tries again; a failing disk must not kill the writer thread
            System.err.println("warning: cannot save the local Step Functions state: " + e.getMessage());
        }
    }

    private void saveStateMachines(AslEngine attached) {
        Set<String> current = new HashSet<>();
        for (StateMachine machine : attached.listStateMachines()) {
            current.add(machine.arn());
            String fingerprint = fingerprint(machine);
            if (!fingerprint.equals(savedMachines.get(machine.arn()))) {
                ObjectNode json = AwsJson.object();
                json.put("stateMachineArn", machine.arn());
                json.put("name", machine.name());
                json.put("roleArn", machine.roleArn());
                json.put("definition", machine.definitionJson());
                json.put("creationDate", machine.creationDate().toString());
                write(stateMachinesDir.resolve(machine.name() + ".json"), json);
                savedMachines.put(machine.arn(), fingerprint);
            }
        }
        for (String arn : new ArrayList<>(savedMachines.keySet())) {
            if (!current.contains(arn)) {
                try {
                    Files.deleteIfExists(stateMachinesDir.resolve(arn.substring(arn.lastIndexOf(':') + 1) + ".json"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the stored state machine " + arn, e);
                }
                savedMachines.remove(arn);
            }
        }
    }

    private static String fingerprint(StateMachine machine) {
        return machine.roleArn() + "\n" + machine.definitionJson();
    }

    private Path executionFile(ExecutionSnapshot snapshot) {
        String machineArn = snapshot.stateMachineArn();
        String machineName = machineArn.substring(machineArn.lastIndexOf(':') + 1);
        // names cannot contain '/', '\\' or ':'; the ".json" suffix keeps "." and ".." harmless
        return executionsDir.resolve(machineName).resolve(snapshot.name() + ".json");
    }

    private static void write(Path file, JsonNode json) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
            AwsJson.mapper().writeValue(temp.toFile(), json);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort(null);
        return files;
    }

    private static List<Path> directories(Path dir) {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
            stream.forEach(dirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        dirs.sort(null);
        return dirs;
    }

    /** Stops the background writer and writes what changed since its last run. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
