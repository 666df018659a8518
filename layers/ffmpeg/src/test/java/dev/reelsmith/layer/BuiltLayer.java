package dev.reelsmith.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The output the build lays out in {@code process-classes}, before the tests run. */
final class BuiltLayer {
    private BuiltLayer() {
    }

    /** {@code target/layer} of this module. */
    static Path out() {
        Path out = Path.of(System.getProperty("basedir", "."), "target", "layer");
        if (!Files.isDirectory(out)) {
            throw new IllegalStateException(out.toAbsolutePath() + " is missing; run `mvn -pl layers/ffmpeg "
                    + "process-classes` (mvn test does it) before these tests");
        }
        return out;
    }

    static Path tree(Architecture architecture) {
        return out().resolve(architecture.folder());
    }

    static Path bin(Architecture architecture) {
        return tree(architecture).resolve("bin");
    }

    /** The bytedeco jar the tree was built from, as the build recorded it. */
    static Path jar(Architecture architecture) throws IOException {
        return Path.of(markerValue(architecture, "jar"));
    }

    /** The {@code --version} the tree was built with. */
    static String version(Architecture architecture) throws IOException {
        return markerValue(architecture, "version");
    }

    /** The architecture of the JVM running the tests: the tree whose binaries can run here. */
    static Architecture host() {
        String arch = System.getProperty("os.arch");
        return arch.equals("aarch64") || arch.equals("arm64") ? Architecture.ARM64 : Architecture.X86_64;
    }

    private static String markerValue(Architecture architecture, String key) throws IOException {
        return Files.readString(tree(architecture).resolve(LayerBuilder.MARKER), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1);
    }
}
