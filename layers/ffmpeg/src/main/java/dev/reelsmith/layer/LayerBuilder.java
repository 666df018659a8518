package dev.reelsmith.layer;

import dev.reelsmith.layer.elf.ElfFile;
import dev.reelsmith.layer.elf.ElfStubWriter;
import dev.reelsmith.layer.elf.RunpathPatch;
import dev.reelsmith.layer.elf.StubLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds, per architecture, a runnable FFmpeg tree ({@code <out>/<arch>/bin/ffmpeg}, {@code ffprobe}, their
 * libraries and generated stubs) and the Lambda layer zip {@code <out>/ffmpeg-layer-<arch>.zip} (entries
 * {@code bin/...}, unpacked by Lambda to {@code /opt/bin}). Runs in the {@code process-classes} phase of
 * {@code layers/ffmpeg}, from the bytedeco jars Maven resolved; skips an architecture whose output was built
 * from the same jar already.
 *
 * <p>Everything sits in {@code bin/}: the executables' search path is turned from {@code DT_RUNPATH} into
 * {@code DT_RPATH} ({@link RunpathPatch}), so their libraries and the stubs resolve from beside them with or
 * without {@code LD_LIBRARY_PATH}; see {@code docs/adr/0001-ffmpeg-from-maven-central.md}.
 */
public final class LayerBuilder {
    /** Bump when the tree or zip changes shape, so output written by an older builder is rebuilt. */
    static final int LAYOUT_REVISION = 1;
    /** Lambda's limit for a function and all its layers, unzipped: 250 MB (262,144,000 bytes). */
    static final long LAMBDA_UNZIPPED_LIMIT = 262_144_000L;
    static final String MARKER = ".source";
    static final String MANIFEST = "MANIFEST.txt";

    private LayerBuilder() {
    }

    /**
     * Entry point for {@code exec:java}. Failures are thrown, not turned into {@code System.exit}, because the
     * plugin runs this inside Maven's own JVM; Maven then fails the build with the message.
     */
    public static void main(String[] args) throws IOException {
        LayerOptions options = LayerOptions.parse(args);
        for (LayerReport report : build(options)) {
            System.out.println(report.summary());
        }
    }

    /** Builds every architecture in {@code options}. */
    public static List<LayerReport> build(LayerOptions options) throws IOException {
        List<LayerReport> reports = new ArrayList<>();
        for (Map.Entry<Architecture, Path> jar : options.jars().entrySet()) {
            reports.add(build(options, jar.getKey(), jar.getValue()));
        }
        return List.copyOf(reports);
    }

    static Path zipPath(Path out, Architecture architecture) {
        return out.resolve("ffmpeg-layer-" + architecture.folder() + ".zip");
    }

    private static LayerReport build(LayerOptions options, Architecture architecture, Path jar) throws IOException {
        Path out = options.out();
        Path tree = out.resolve(architecture.folder());
        Path zip = zipPath(out, architecture);
        BytedecoJar.requirePresent(jar, architecture);
        String marker = marker(options, jar);
        Path markerFile = tree.resolve(MARKER);
        if (Files.isRegularFile(markerFile) && Files.isRegularFile(zip)
                && Files.isExecutable(tree.resolve("bin/ffmpeg"))
                && Files.readString(markerFile, StandardCharsets.UTF_8).equals(marker)) {
            return new LayerReport(architecture, true, tree, zip, size(tree.resolve("bin")), Files.size(zip));
        }

        BytedecoJar source = BytedecoJar.read(jar, architecture);
        LayerPlan plan = LayerPlan.of(architecture, source.files());
        Files.createDirectories(out);
        // unique names, so that two builds running at once cannot write into each other's half-done output
        Path staging = Files.createTempDirectory(out, architecture.folder() + ".partial-");
        Path partialZip = Files.createTempFile(out, zip.getFileName() + ".partial-", "");
        try {
            long unpacked = writeTree(options, source, plan, staging);
            LayerZip.write(staging, "bin", partialZip);
            Files.setPosixFilePermissions(partialZip, PosixFilePermissions.fromString("rw-r--r--"));
            // the marker goes in last: a build that dies half-way leaves no claim of being up to date
            Files.writeString(staging.resolve(MARKER), marker, StandardCharsets.UTF_8);
            deleteRecursively(tree);
            Files.move(staging, tree, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partialZip, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new LayerReport(architecture, false, tree, zip, unpacked, Files.size(zip));
        } finally {
            deleteRecursively(staging);
            Files.deleteIfExists(partialZip);
        }
    }

    /** Writes {@code bin/} and the manifest into {@code staging}; returns the size of {@code bin/}. */
    private static long writeTree(LayerOptions options, BytedecoJar source, LayerPlan plan, Path staging)
            throws IOException {
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(staging.resolve("bin"));
        for (ElfFile file : plan.shipped()) {
            byte[] content = LayerPlan.EXECUTABLES.contains(file.name())
                    ? RunpathPatch.runpathToRpath(file.name(), file.content())
                    : file.content();
            writeExecutable(bin.resolve(file.name()), content);
        }
        for (StubLibrary stub : plan.stubs()) {
            writeExecutable(bin.resolve(stub.soname()), ElfStubWriter.write(stub));
        }
        long unpacked = size(bin);
        if (unpacked > LAMBDA_UNZIPPED_LIMIT) {
            throw new LayerBuildException("the " + plan.architecture().folder() + " layer would unpack to " + unpacked
                    + " bytes, over Lambda's limit of " + LAMBDA_UNZIPPED_LIMIT + " bytes for a function and its layers");
        }
        Files.writeString(staging.resolve(MANIFEST), manifest(options, source, plan, sha256(source.jar()), unpacked),
                StandardCharsets.UTF_8);
        return unpacked;
    }

    /** What the output was built from; equal markers mean the output is current. */
    private static String marker(LayerOptions options, Path jar) throws IOException {
        return "layout=" + LAYOUT_REVISION + "\n"
                + "version=" + options.version() + "\n"
                + "jar=" + jar.toAbsolutePath().normalize() + "\n"
                + "size=" + Files.size(jar) + "\n"
                + "modified=" + Files.getLastModifiedTime(jar).toMillis() + "\n";
    }

    static String manifest(LayerOptions options, BytedecoJar source, LayerPlan plan, String sha256, long unpacked) {
        Architecture architecture = plan.architecture();
        StringBuilder text = new StringBuilder();
        text.append("FFmpeg ").append(options.ffmpegVersion()).append(" for Lambda layers, ")
                .append(architecture.folder()).append('\n');
        text.append("source: org.bytedeco:ffmpeg:").append(options.version()).append(':').append(source.platform())
                .append(" (").append(source.jar().getFileName()).append(", sha256 ").append(sha256).append(")\n");
        text.append("glibc floor: ").append(plan.glibcFloor())
                .append(" (the highest glibc symbol version any shipped file requires)\n");
        text.append("host libraries relied on: ").append(String.join(" ", new TreeSet<>(architecture.hostLibraries())))
                .append('\n');
        text.append("unpacked size: ").append(unpacked).append(" bytes\n");
        text.append("search path: ffmpeg and ffprobe carry DT_RPATH $ORIGIN/ (changed from DT_RUNPATH), so every "
                + "library below resolves from bin/ without LD_LIBRARY_PATH\n");
        text.append("\nshipped in bin/ from the jar:\n");
        for (ElfFile file : plan.shipped()) {
            text.append("  ").append(file.name()).append("  ").append(file.size()).append(" bytes\n");
        }
        text.append("\nstubs generated in bin/ (libraries FFmpeg links but never calls in batch use; every imported "
                + "symbol returns 0):\n");
        for (StubLibrary stub : plan.stubs()) {
            text.append("  ").append(stub.soname()).append("  ").append(stub.symbols().size()).append(" symbols");
            if (!stub.versions().isEmpty()) {
                text.append(", versions ").append(String.join(" ", stub.versions()));
            }
            text.append('\n');
        }
        List<String> leftOut = source.files().keySet().stream()
                .filter(name -> plan.file(name).isEmpty()).sorted().toList();
        text.append("\nleft out: libjni*.so (Java bindings)");
        if (!leftOut.isEmpty()) {
            text.append(", ").append(String.join(" ", leftOut)).append(" (not needed by ffmpeg or ffprobe)");
        }
        text.append('\n');
        return text.toString();
    }

    private static void writeExecutable(Path path, byte[] content) throws IOException {
        Files.write(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
