package dev.reelsmith.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A step's scratch directory ({@code <work>/<sessionId>/<step>-<nonce>}), removed when the step ends so a warm
 * Lambda's /tmp does not fill up across invocations.
 */
public final class Work implements AutoCloseable {
    private final Path directory;

    private Work(Path directory) {
        this.directory = directory;
    }

    /** Creates a fresh scratch directory for one invocation of {@code step}. */
    public static Work open(Path root, String sessionId, String step) {
        try {
            Path parent = Files.createDirectories(root.resolve(sessionId));
            return new Work(Files.createTempDirectory(parent, step + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory under " + root, e);
        }
    }

    /** A path inside the scratch directory (not created). */
    public Path file(String name) {
        return directory.resolve(name);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a leftover scratch file costs disk, not correctness
        }
    }
}
