package dev.reelsmith.media.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the ffmpeg and ffprobe executables: every call has a timeout, stderr is captured into a readable
 * {@link FfmpegException}, and {@code -progress pipe:1} reports reach a callback.
 *
 * <p>Arguments are passed to the process as an argument vector, never through a shell, so no argument is
 * ever re-parsed. Callers still must not splice user text into filter strings (the renderer draws text
 * into images instead).
 */
public final class Ffmpeg {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STDERR_TAIL_LINES = 40;

    private final Path ffmpeg;
    private final Path ffprobe;

    public Ffmpeg(Path ffmpeg, Path ffprobe) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.ffprobe = Objects.requireNonNull(ffprobe, "ffprobe");
    }

    /**
     * Finds a runnable ffmpeg/ffprobe pair, in this order: the {@code reelsmith.ffmpeg.dir} system property,
     * the {@code REELSMITH_FFMPEG_DIR} environment variable, the Lambda layer's {@code /opt/bin}, the tree the
     * build lays out under {@code layers/ffmpeg/target/layer} (searched upwards from the working directory),
     * then {@code PATH}. A directory may hold the executables directly or per architecture
     * ({@code x86_64/bin}, {@code arm64/bin}).
     *
     * @throws FfmpegNotFoundException listing every place looked at and how to fix it
     */
    public static Ffmpeg locate() {
        List<String> looked = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("reelsmith.ffmpeg.dir");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv("REELSMITH_FFMPEG_DIR");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("/opt/bin"));
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("layers/ffmpeg/target/layer"));
        }
        String pathEnv = System.getenv("PATH");
        if (pathEnv != null) {
            for (String entry : pathEnv.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        for (Path candidate : candidates) {
            for (Path dir : List.of(candidate, candidate.resolve(architecture()).resolve("bin"))) {
                looked.add(dir.toString());
                Path f = dir.resolve("ffmpeg");
                Path p = dir.resolve("ffprobe");
                if (Files.isExecutable(f) && Files.isExecutable(p)) {
                    return new Ffmpeg(f, p);
                }
            }
        }
        throw new FfmpegNotFoundException("no runnable ffmpeg + ffprobe found. Build them with "
                + "`mvn -q -pl layers/ffmpeg process-classes` (or run ./reelsmith, which does it), or set "
                + "REELSMITH_FFMPEG_DIR to a directory holding both. Looked in: " + String.join(", ", looked));
    }

    /** The layer's architecture folder name for this JVM: {@code x86_64} or {@code arm64}. */
    public static String architecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    public Path ffmpegPath() {
        return ffmpeg;
    }

    public Path ffprobePath() {
        return ffprobe;
    }

    /**
     * Runs ffmpeg with {@code args} (without the program name), reporting progress to {@code listener}.
     * {@code -hide_banner -nostdin -nostats -progress pipe:1} are prepended.
     *
     * @throws FfmpegException        when ffmpeg exits non-zero
     * @throws FfmpegTimeoutException when it outlives {@code timeout}
     */
    public void run(List<String> args, Duration timeout, Consumer<Progress> listener) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats",
                "-progress", "pipe:1"));
        command.addAll(args);
        execute("ffmpeg", command, timeout, stdout -> parseProgress(stdout, listener), null);
    }

    /**
     * Runs ffmpeg and returns everything it wrote to stdout (for example raw PCM from {@code -f f32le pipe:1}).
     *
     * @throws FfmpegException        when ffmpeg exits non-zero
     * @throws FfmpegTimeoutException when it outlives {@code timeout}
     */
    public byte[] capture(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats"));
        command.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        execute("ffmpeg", command, timeout, stdout -> stdout.transferTo(out), null);
        return out.toByteArray();
    }

    /**
     * Runs ffmpeg for what it logs (measurement filters such as {@code ebur128} or {@code loudnorm} print their
     * results to stderr) and returns the whole of stderr, up to 4 MiB.
     *
     * @throws FfmpegException        when ffmpeg exits non-zero
     * @throws FfmpegTimeoutException when it outlives {@code timeout}
     */
    public String log(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats"));
        command.addAll(args);
        StringBuilder log = new StringBuilder();
        execute("ffmpeg", command, timeout, stdout -> stdout.transferTo(OutputStreamSink.INSTANCE), log);
        return log.toString();
    }

    /**
     * Describes a media file with ffprobe.
     *
     * @throws FfmpegException when ffprobe cannot read the file (the message carries ffprobe's reason)
     */
    public MediaInfo probe(Path file) {
        JsonNode root = probeJson(List.of("-show_format", "-show_streams"), file);
        JsonNode format = root.path("format");
        List<MediaInfo.Stream> streams = new ArrayList<>();
        for (JsonNode s : root.path("streams")) {
            streams.add(new MediaInfo.Stream(
                    s.path("index").asInt(),
                    s.path("codec_type").asText(""),
                    s.path("codec_name").asText(""),
                    s.path("profile").asText(""),
                    s.path("width").asInt(0),
                    s.path("height").asInt(0),
                    s.path("pix_fmt").asText(""),
                    rational(s.path("avg_frame_rate").asText("0/1")),
                    s.path("nb_frames").asLong(0),
                    s.path("sample_rate").asInt(0),
                    s.path("channels").asInt(0),
                    s.path("duration").asDouble(0),
                    s.path("disposition").path("attached_pic").asInt(0) == 1));
        }
        return new MediaInfo(format.path("format_name").asText(""), format.path("duration").asDouble(0),
                format.path("size").asLong(0), format.path("bit_rate").asLong(0), streams);
    }

    /**
     * Presentation timestamps (seconds) of every video frame, from the container's packets: cheap, no
     * decode. Used to check that cuts land on exact frames.
     */
    public List<Double> videoFrameTimes(Path file) {
        JsonNode root = probeJson(List.of("-select_streams", "v:0", "-show_entries", "packet=pts_time"), file);
        List<Double> times = new ArrayList<>();
        for (JsonNode p : root.path("packets")) {
            times.add(p.path("pts_time").asDouble());
        }
        times.sort(Double::compare);
        return times;
    }

    private JsonNode probeJson(List<String> what, Path file) {
        List<String> command = new ArrayList<>(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json"));
        command.addAll(what);
        command.add(file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        execute("ffprobe", command, Duration.ofSeconds(60), stdout -> stdout.transferTo(out), null);
        try {
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new FfmpegException("ffprobe printed unreadable JSON for " + file + ": " + e.getMessage(), 0, "");
        }
    }

    private static double rational(String value) {
        int slash = value.indexOf('/');
        try {
            if (slash < 0) {
                return Double.parseDouble(value);
            }
            double den = Double.parseDouble(value.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(value.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void parseProgress(InputStream stdout, Consumer<Progress> listener) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
        long frame = 0;
        long outTimeUs = 0;
        double speed = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            switch (key) {
                case "frame" -> frame = parseLong(value, frame);
                case "out_time_us", "out_time_ms" -> outTimeUs = Math.max(0, parseLong(value, outTimeUs));
                case "speed" -> speed = parseSpeed(value, speed);
                case "progress" -> listener.accept(new Progress(frame, Duration.ofNanos(outTimeUs * 1000), speed,
                        "end".equals(value)));
                default -> { }
            }
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseSpeed(String value, double fallback) {
        String v = value.endsWith("x") ? value.substring(0, value.length() - 1) : value;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @FunctionalInterface
    private interface StdoutHandler {
        void handle(InputStream stdout) throws IOException;
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private static final int FULL_LOG_LIMIT = 4 << 20;
    /** {@code REELSMITH_FFMPEG_TRACE=1} prints every command line to stderr (troubleshooting). */
    private static final boolean TRACE = "1".equals(System.getenv("REELSMITH_FFMPEG_TRACE"));

    private static void execute(String tool, List<String> command, Duration timeout, StdoutHandler stdoutHandler,
                                StringBuilder fullStderr) {
        if (TRACE) {
            System.err.println("[reelsmith] " + String.join(" ", command));
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            // the layer's shared libraries (and the stubs for absent system libraries) sit beside the executables
            String libDir = Path.of(command.get(0)).toAbsolutePath().getParent().toString();
            String existing = builder.environment().get("LD_LIBRARY_PATH");
            builder.environment().put("LD_LIBRARY_PATH",
                    existing == null || existing.isBlank() ? libDir : libDir + java.io.File.pathSeparator + existing);
            process = builder.start();
        } catch (IOException e) {
            throw new FfmpegException("could not start " + tool + " (" + command.get(0) + "): " + e.getMessage(), -1, "");
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread stderrReader = startDaemon(() -> drain(process.getErrorStream(), tail, fullStderr));
        Throwable[] stdoutFailure = new Throwable[1];
        Thread stdoutReader = startDaemon(() -> {
            try (InputStream in = process.getInputStream()) {
                stdoutHandler.handle(in);
            } catch (IOException | RuntimeException e) {
                stdoutFailure[0] = e;
            }
        });
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
            stderrReader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FfmpegException(tool + " was interrupted", -1, tailOf(tail));
        }
        String stderr = tailOf(tail);
        if (!finished) {
            throw new FfmpegTimeoutException(tool, timeout, stderr);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw new FfmpegException(tool + " failed with exit code " + exit + ": " + lastLine(stderr)
                    + "\n--- " + tool + " stderr (last lines) ---\n" + stderr
                    + "\n--- arguments ---\n" + String.join(" ", command.subList(1, command.size())), exit, stderr);
        }
        if (stdoutFailure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (stdoutFailure[0] != null) {
            throw new UncheckedIOException(new IOException("reading " + tool + " output failed", stdoutFailure[0]));
        }
    }

    private static void drain(InputStream stderr, Deque<String> tail, StringBuilder full) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (full != null && full.length() < FULL_LOG_LIMIT) {
                    full.append(line).append('\n');
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > STDERR_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process went away; what we have is the tail
        }
    }

    private static String tailOf(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1);
    }

    private static Thread startDaemon(Runnable body) {
        Thread t = new Thread(body, "ffmpeg-io");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
