package dev.reelsmith.local.cloud;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the sqlite4java native library that DynamoDB Local needs and points {@code sqlite4java.library.path} at it,
 * without any network access.
 *
 * <p>Maven delivers the library as a separate artifact of type {@code so}/{@code dylib}/{@code dll} (a dependency of
 * {@code com.amazonaws:DynamoDBLocal}), not inside a jar, so nothing loads it by default. It is looked for, in order:
 * on the class path, as a class path resource under {@code native/sqlite4java/} (for a packaged jar that bundles it),
 * in the local Maven repository the sqlite4java jar was loaded from, and in the local Maven repository
 * ({@code maven.repo.local}, else {@code ~/.m2/repository}). Maven downloads the library as a test dependency of
 * {@code local/}; neither Surefire nor the shade plugin put such files on the class path or into the jar. The file found is copied, under both the versioned and
 * the unversioned name sqlite4java tries, into one directory that then becomes {@code sqlite4java.library.path}.
 */
public final class SqliteNativeLibrary {
    static final String PROPERTY = "sqlite4java.library.path";
    private static final String GROUP_PATH = "com/almworks/sqlite4java";
    private static final String RESOURCE_DIR = "native/sqlite4java/";

    private SqliteNativeLibrary() {
    }

    /** The library artifact for one platform: its Maven artifact id and file extension. */
    record Platform(String artifactId, String extension) {
        /** The unversioned file name sqlite4java asks the JVM to load, e.g. {@code libsqlite4java-linux-amd64.so}. */
        String fileName() {
            return artifactId + "." + extension;
        }
    }

    /**
     * Makes sure {@code sqlite4java.library.path} names a directory holding this platform's library, copying it into
     * {@code cacheDir} if needed, and returns that directory.
     *
     * @throws IllegalStateException when the platform has no sqlite4java build or the library cannot be found
     */
    public static synchronized Path configure(Path cacheDir) {
        Platform platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank() && containsLibrary(Path.of(configured), platform)) {
            return Path.of(configured);
        }
        Path target = cacheDir.resolve("sqlite4java");
        if (!containsLibrary(target, platform)) {
            install(platform, target, new ArrayList<>());
        }
        System.setProperty(PROPERTY, target.toAbsolutePath().toString());
        return target;
    }

    static Platform platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean x86 = arch.equals("x86") || arch.equals("i386") || arch.equals("i686");
        if (os.contains("linux") && x64) {
            return new Platform("libsqlite4java-linux-amd64", "so");
        }
        if (os.contains("linux") && x86) {
            return new Platform("libsqlite4java-linux-i386", "so");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return new Platform("libsqlite4java-osx", "dylib");
        }
        if (os.contains("windows") && x64) {
            return new Platform("sqlite4java-win32-x64", "dll");
        }
        if (os.contains("windows") && x86) {
            return new Platform("sqlite4java-win32-x86", "dll");
        }
        throw new IllegalStateException("DynamoDB Local cannot run on " + osName + "/" + osArch
                + ": sqlite4java 1.0.392, which it needs, has no native library for this platform");
    }

    private static boolean containsLibrary(Path dir, Platform platform) {
        return Files.isRegularFile(dir.resolve(platform.fileName()));
    }

    private static void install(Platform platform, Path target, List<String> searched) {
        try {
            Files.createDirectories(target);
            Optional<Path> onClassPath = fromClassPath(platform, searched);
            if (onClassPath.isPresent()) {
                copy(onClassPath.get(), platform, target);
                return;
            }
            String resource = RESOURCE_DIR + platform.fileName();
            searched.add("class path resource " + resource);
            try (InputStream in = SqliteNativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    Path temp = Files.createTempFile(target, platform.artifactId(), ".tmp");
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    publish(temp, target.resolve(platform.fileName()));
                    return;
                }
            }
            Optional<Path> inRepository = besideSqliteJar(platform, searched)
                    .or(() -> fromMavenRepository(platform, searched));
            if (inRepository.isPresent()) {
                copy(inRepository.get(), platform, target);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the sqlite4java native library into " + target, e);
        }
        throw new IllegalStateException("DynamoDB Local needs the sqlite4java native library " + platform.fileName()
                + " (Maven artifact com.almworks.sqlite4java:" + platform.artifactId() + ":1.0.392:"
                + platform.extension() + "), which was not found; looked in: " + String.join(", ", searched)
                + ". Run `mvn -pl local dependency:resolve` once, or set -D" + PROPERTY + "=DIR");
    }

    private static Optional<Path> fromClassPath(Platform platform, List<String> searched) {
        searched.add("the class path");
        String classPath = System.getProperty("java.class.path", "");
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            Path name = path.getFileName();
            if (name != null && matches(name.toString(), platform) && Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * The local Maven repository the sqlite4java jar itself was loaded from (whatever {@code maven.repo.local} the
     * build used), when it was loaded from one rather than from a repackaged jar.
     */
    private static Optional<Path> besideSqliteJar(Platform platform, List<String> searched) {
        Path jar;
        try {
            Class<?> sqlite = Class.forName("com.almworks.sqlite4java.SQLite", false,
                    SqliteNativeLibrary.class.getClassLoader());
            CodeSource source = sqlite.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            jar = Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        // <repository>/com/almworks/sqlite4java/sqlite4java/<version>/sqlite4java-<version>.jar
        String marker = File.separator + GROUP_PATH.replace('/', File.separatorChar) + File.separator + "sqlite4java"
                + File.separator;
        String text = jar.toString();
        int at = text.lastIndexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        return inRepository(Path.of(text.substring(0, at)), platform, searched);
    }

    private static Optional<Path> fromMavenRepository(Platform platform, List<String> searched) {
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return inRepository(repository, platform, searched);
    }

    private static Optional<Path> inRepository(Path repository, Platform platform, List<String> searched) {
        Path artifactDir = repository.resolve(GROUP_PATH).resolve(platform.artifactId());
        searched.add(artifactDir.toString());
        if (!Files.isDirectory(artifactDir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(artifactDir)) {
            Path best = null;
            for (Path version : versions) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(version)) {
                    for (Path file : files) {
                        if (matches(file.getFileName().toString(), platform)
                                && (best == null || file.toString().compareTo(best.toString()) > 0)) {
                            best = file;
                        }
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local Maven repository at " + artifactDir, e);
        }
    }

    private static boolean matches(String fileName, Platform platform) {
        return fileName.startsWith(platform.artifactId() + "-") && fileName.endsWith("." + platform.extension());
    }

    private static void copy(Path source, Platform platform, Path target) throws IOException {
        // sqlite4java tries "<name>-<version of its own jar>" first, then "<name>": provide both so the library loads
        // whether sqlite4java comes from its Maven jar or from a repackaged one
        Path temp = Files.createTempFile(target, platform.artifactId(), ".tmp");
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        publish(temp, target.resolve(platform.fileName()));
        Path versioned = target.resolve(source.getFileName().toString());
        if (!Files.exists(versioned)) {
            Path second = Files.createTempFile(target, platform.artifactId(), ".tmp");
            Files.copy(source, second, StandardCopyOption.REPLACE_EXISTING);
            publish(second, versioned);
        }
    }

    private static void publish(Path temp, Path destination) throws IOException {
        // several JVMs (parallel test forks, a running `serve`) may share the cache directory
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
