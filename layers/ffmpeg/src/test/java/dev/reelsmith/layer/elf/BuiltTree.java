package dev.reelsmith.layer.elf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The FFmpeg trees the build lays out in {@code process-classes}, before the tests run, and their source jars. */
final class BuiltTree {
    private BuiltTree() {
    }

    /** {@code target/layer/<arch>/bin/<name>} of this module. */
    static Path file(String architecture, String name) {
        return tree(architecture).resolve("bin").resolve(name);
    }

    /** The bytes of {@code name} as the bytedeco jar the tree was built from holds them, before any patch. */
    static byte[] original(String architecture, String name) throws IOException {
        String marker = Files.readString(tree(architecture).resolve(".source"), StandardCharsets.UTF_8);
        String jar = marker.lines().filter(l -> l.startsWith("jar=")).findFirst().orElseThrow().substring(4);
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.stream()
                    .filter(e -> e.getName().startsWith("org/bytedeco/ffmpeg/linux-") && e.getName().endsWith("/" + name))
                    .findFirst().orElseThrow();
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    private static Path tree(String architecture) {
        Path tree = Path.of(System.getProperty("basedir", "."), "target", "layer", architecture);
        if (!Files.isDirectory(tree.resolve("bin"))) {
            throw new IllegalStateException(tree.toAbsolutePath() + "/bin is missing; run `mvn -pl layers/ffmpeg "
                    + "process-classes` (mvn test does it) before these tests");
        }
        return tree;
    }
}
