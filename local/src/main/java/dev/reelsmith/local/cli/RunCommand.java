package dev.reelsmith.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.session.Asset;
import dev.reelsmith.domain.session.ProgressEvent;
import dev.reelsmith.domain.session.Session;
import dev.reelsmith.domain.session.SessionStatus;
import dev.reelsmith.local.cloud.LocalCloud;
import dev.reelsmith.local.pipeline.LocalPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reelsmith run brief.json|song.mp3}: the whole pipeline, offline. Starts the local cloud in-process, deploys
 * the pipeline into it (the same state machine definition and handlers as AWS), uploads the input to the inbox,
 * follows the execution with a progress line, answers review gates (approving everything, or asking with
 * {@code --review}), and copies the final MP4, poster and report to {@code out/<name>/}.
 *
 * <p>Exit codes: 0 published; 1 the run failed (the step and reason are printed); 2 the brief needs answers; 3 the
 * upload was rejected (the reason is printed).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline offline on a brief (.json) or a song (.mp3, .wav, …): the real state "
                + "machine on the local cloud, free local providers, an MP4 in out/<name>/.")
final class RunCommand implements Callable<Integer> {
    private static final List<String> AUDIO = List.of(".wav", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a",
            ".aac", ".aif", ".aiff", ".webm");

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "a brief (.json) or a song (.mp3, .wav, .flac, .ogg, .m4a, …); a song's sidecar "
                    + "<name>.json beside it is uploaded with it")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "where to copy the results (default: out/<name>/)")
    Path out;

    @Option(names = "--review", description = "pause at the keyframe and clip review gates and ask in the terminal "
            + "(default: approve everything)")
    boolean review;

    @Option(names = "--timeout", paramLabel = "MINUTES", description = "give up after this long (default: 30)")
    int timeoutMinutes = 30;

    @Option(names = "--quiet", description = "no progress line, only the result")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input " + input + " does not exist or is not a file");
        }
        if (timeoutMinutes < 1 || timeoutMinutes > 24 * 60) {
            throw new IllegalArgumentException("--timeout must be between 1 and 1440 minutes, was " + timeoutMinutes);
        }
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot).toLowerCase(Locale.ROOT);
        String name = safeName(dot < 0 ? file : file.substring(0, dot));
        String key;
        Path sidecar = null;
        if (extension.equals(".json")) {
            key = "briefs/" + name + ".json";
        } else if (AUDIO.contains(extension)) {
            key = "songs/" + name + extension;
            Path candidate = input.resolveSibling(file.substring(0, dot) + ".json");
            sidecar = Files.isRegularFile(candidate) ? candidate : null;
        } else {
            throw new IllegalArgumentException("input must be a brief (.json) or a song (" + String.join(", ", AUDIO)
                    + "), was " + file);
        }
        Path dir = out != null ? out : Path.of("out", name);
        PrintStream console = System.out;
        Path data = Files.createTempDirectory("reelsmith-run-");
        Instant started = Instant.now();
        try (LocalCloud cloud = LocalCloud.builder().ports(LocalCloud.Ports.ephemeral()).dataDirectory(data)
                .start();
             LocalPipeline pipeline = LocalPipeline.builder(cloud).workDirectory(data.resolve("work"))
                     .setting("REELSMITH_REVIEW", review ? "both" : "none").start()) {
            if (sidecar != null) {
                pipeline.upload(sidecar, "songs/" + name + ".json");
            }
            pipeline.upload(input, key);
            pipeline.pollInbox();
            JsonNode outcome = awaitOutcome(pipeline, key);
            String sessionId = outcome.path("sessionId").asText();
            if (!outcome.path("started").asBoolean()) {
                System.err.println("error: the inbox did not start a run: " + outcome.path("reason").asText());
                return 1;
            }
            console.println("run " + sessionId + ": " + input + " → s3://" + LocalPipeline.INBOX + "/" + key);
            Session session = follow(pipeline, sessionId, Duration.ofMinutes(timeoutMinutes), dir);
            return finish(pipeline, session, dir, Duration.between(started, Instant.now()));
        } finally {
            deleteTree(data);
        }
    }

    private static JsonNode awaitOutcome(LocalPipeline pipeline, String key) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> outcome = pipeline.inboxOutcome(key);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            Thread.sleep(100);
            pipeline.pollInbox();
        }
        throw new IllegalStateException("the inbox function did not answer for " + key + " within 60 s");
    }

    private Session follow(LocalPipeline pipeline, String sessionId, Duration timeout, Path dir) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long seq = 0;
        int shown = 0;
        while (true) {
            Session session = pipeline.sessions().find(sessionId).orElseThrow();
            for (ProgressEvent event : pipeline.sessions().events(sessionId, seq, 200)) {
                seq = event.seq();
                // parallel shots finish in any order; the bar only moves forward
                shown = Math.max(shown, event.percent());
                if (!quiet) {
                    System.out.println(String.format(Locale.ROOT, "[%3d%%] %-28s $%s  %s", shown,
                            event.stage().description(), session.spentUsd().toPlainString(), event.message()));
                }
            }
            if (session.status().isFinal()) {
                return session;
            }
            if (session.openGate() != null) {
                answerGate(pipeline, session, dir);
                continue;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the run did not finish within " + timeout.toMinutes()
                        + " minutes (stage " + session.stage().label() + ")");
            }
            Thread.sleep(150);
        }
    }

    private void answerGate(LocalPipeline pipeline, Session session, Path dir) throws IOException {
        String gate = session.openGate();
        if (gate.equals("answers")) {
            System.out.println();
            System.out.println("The script writer needs answers before it can go on:");
            session.questions().forEach(q -> System.out.println("  - " + q));
            System.out.println("Add them to the brief and run again.");
            Optional<String> token = pipeline.sessions().closeGate(session.id(), gate);
            token.ifPresent(t -> pipeline.cloud().stepFunctions().stopExecution(s -> s
                    .executionArn(session.executionArn()).error("Reelsmith.NeedsAnswers")
                    .cause("the brief needs answers: " + String.join(" ", session.questions()))));
            pipeline.sessions().finish(session.id(), SessionStatus.CANCELLED, session.stage(), "WriteScript",
                    "the brief needs answers: " + String.join(" ", session.questions()), "cancelled",
                    "stopped: the brief needs answers");
            return;
        }
        String kind = gate.equals("images") ? "keyframe" : "clip";
        List<Asset> items = new ArrayList<>();
        for (Asset asset : pipeline.sessions().assets(session.id())) {
            if (asset.kind().equals(kind) && "ready".equals(asset.status())) {
                items.add(asset);
            }
        }
        List<String> approved = new ArrayList<>(items.stream().map(Asset::shotId).sorted().toList());
        ArrayNode regenerate = Json.mapper().createArrayNode();
        if (review) {
            Path folder = dir.resolve("review").resolve(gate);
            Files.createDirectories(folder);
            System.out.println();
            System.out.println("Review " + items.size() + " " + kind + "s (copies in " + folder + "):");
            for (Asset asset : items) {
                String ext = asset.key().substring(asset.key().lastIndexOf('.'));
                Path copy = pipeline.artifacts().download(asset.key(), folder.resolve(asset.shotId() + ext));
                System.out.println("  " + asset.shotId() + "  " + copy);
            }
            System.out.println("Enter: approve all in order · shot ids (e.g. s03 s01 s02): approve those, in that "
                    + "order · 'redo <shot> <note>': regenerate one shot");
            System.out.print("> ");
            System.out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            answer = answer == null ? "" : answer.strip();
            if (answer.startsWith("redo ")) {
                String[] parts = answer.split("\\s+", 3);
                if (parts.length < 2 || !approved.contains(parts[1])) {
                    System.out.println("unknown shot " + (parts.length < 2 ? "" : parts[1]) + "; approving all");
                } else {
                    ObjectNode redo = regenerate.addObject();
                    redo.put("shotId", parts[1]);
                    redo.put("note", parts.length > 2 ? parts[2] : "make it better");
                }
            } else if (!answer.isEmpty()) {
                List<String> chosen = new ArrayList<>();
                for (String id : answer.split("[\\s,]+")) {
                    if (!approved.contains(id)) {
                        System.out.println("unknown shot " + id + " ignored");
                    } else if (!chosen.contains(id)) {
                        chosen.add(id);
                    }
                }
                if (!chosen.isEmpty()) {
                    approved = chosen;
                }
            }
        } else if (!quiet) {
            System.out.println("       review gate '" + gate + "': approving all " + items.size() + " " + kind
                    + "s (use --review to choose)");
        }
        ObjectNode decision = Json.mapper().createObjectNode();
        decision.set("approved", Json.mapper().valueToTree(approved));
        decision.set("regenerate", regenerate);
        Optional<String> token = pipeline.sessions().closeGate(session.id(), gate);
        if (token.isPresent()) {
            pipeline.cloud().stepFunctions().sendTaskSuccess(s -> s.taskToken(token.get()).output(decision.toString()));
        }
    }

    private int finish(LocalPipeline pipeline, Session session, Path dir, Duration wall) throws IOException {
        if (session.status() == SessionStatus.REJECTED) {
            System.err.println("rejected: " + session.reason());
            return 3;
        }
        if (session.status() == SessionStatus.CANCELLED) {
            return 2;
        }
        if (session.status() != SessionStatus.COMPLETED) {
            System.err.println("failed at " + session.failedStep() + ": " + session.reason());
            return 1;
        }
        Files.createDirectories(dir);
        Path video = pipeline.artifacts().download(session.videoKey(), dir.resolve(session.id() + ".mp4"));
        Path poster = pipeline.artifacts().download(session.posterKey(), dir.resolve(session.id() + ".jpg"));
        Path report = pipeline.artifacts().download(session.reportKey(), dir.resolve(session.id() + ".report.json"));
        Path latest = dir.resolve("video.mp4");
        Files.copy(video, latest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println();
        System.out.printf(Locale.ROOT, "video:   %s (%.3f s, %dx%d)%n", latest.toAbsolutePath(),
                session.durationSeconds(), session.width(), session.height());
        System.out.println("poster:  " + poster.toAbsolutePath());
        System.out.println("report:  " + report.toAbsolutePath());
        System.out.println("cost:    $" + session.spentUsd().toPlainString() + " (estimate $"
                + (session.estimateUsd() == null ? "0" : session.estimateUsd().toPlainString()) + ")");
        System.out.printf(Locale.ROOT, "took:    %.1f s%n", wall.toMillis() / 1000.0);
        return 0;
    }

    private static String safeName(String raw) {
        String cleaned = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        return cleaned.isEmpty() ? "input" : cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary data only
        }
    }
}
