package dev.reelsmith.local.cloud;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The S3 emulator: Adobe S3Mock ({@code com.adobe.testing:s3mock}) inside this JVM on 127.0.0.1, in a temporary
 * directory or in a data directory kept across restarts (see docs/adr/0004-local-s3-emulator.md for why S3Mock).
 *
 * <p>Clients must use path-style requests; the AWS SDK and CLI do so by themselves for an IP-address endpoint such as
 * {@link #endpoint()}. S3Mock is a Spring Boot application: it is started without its HTTPS connector, with Spring
 * Boot's logging setup turned off (libraries log through SLF4J, silenced by {@code slf4j-nop}), and with
 * {@link LoopbackConnectors} so that its plain HTTP connector, which S3Mock creates without an address, listens on the
 * loopback interface only.
 */
public final class S3Server implements AutoCloseable {
    /** Tomcat logs through java.util.logging at INFO; kept here so the level sticks (JUL holds loggers weakly). */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");
    private final S3MockApplication application;
    private final int port;
    private final Path temporaryRoot;

    private S3Server(S3MockApplication application, int port, Path temporaryRoot) {
        this.application = application;
        this.port = port;
        this.temporaryRoot = temporaryRoot;
    }

    /**
     * Starts S3Mock.
     *
     * @param port the port, or 0 for any free one
     * @param dataDirectory where buckets and objects are kept across restarts, or {@code null} for a temporary
     *     directory deleted on close
     */
    public static S3Server start(int port, Path dataDirectory) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Path root;
        try {
            root = dataDirectory != null ? Files.createDirectories(dataDirectory)
                    : Files.createTempDirectory("reelsmith-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 data directory " + dataDirectory, e);
        }
        TOMCAT_LOG.setLevel(Level.WARNING);
        // Spring Boot would otherwise install its own logging system and refuse to start next to slf4j-nop
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, port);
        properties.put("server.address", "127.0.0.1");
        // the main (HTTPS) connector is not used: plain HTTP on a free loopback port, no keystore to load
        properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
        properties.put("server.ssl.enabled", false);
        properties.put(S3MockApplication.PROP_ROOT_DIRECTORY, root.toAbsolutePath().toString());
        properties.put(S3MockApplication.PROP_SECURE_CONNECTION, false);
        properties.put("com.adobe.testing.s3mock.domain.retainFilesOnExit", dataDirectory != null);
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.sources", LoopbackConnectors.class.getName());
        S3MockApplication application;
        try {
            application = S3MockApplication.start(properties);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the S3 emulator (S3Mock) on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        @SuppressWarnings("removal")
        int httpPort = application.getHttpPort();
        return new S3Server(application, httpPort, dataDirectory == null ? root : null);
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        application.stop();
        if (temporaryRoot != null) {
            deleteRecursively(temporaryRoot);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary S3 directory " + root, e);
        }
    }
}
