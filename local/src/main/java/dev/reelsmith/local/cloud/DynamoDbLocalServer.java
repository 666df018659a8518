package dev.reelsmith.local.cloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Amazon DynamoDB Local ({@code com.amazonaws:DynamoDBLocal}) running inside this JVM on 127.0.0.1, always with
 * {@code -disableTelemetry} and {@code -sharedDb} (one database whatever the caller's credentials and region), either
 * in memory or in a directory.
 *
 * <p>DynamoDB Local has no option for the address it listens on and would accept connections on every interface;
 * its Jetty connector is bound to the loopback address before it starts instead.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts DynamoDB Local.
     *
     * @param port the port, or 0 for any free one
     * @param dbDirectory where the database file lives, or {@code null} to keep everything in memory
     * @param nativeCacheDir where to put the sqlite4java native library ({@link SqliteNativeLibrary})
     */
    /**
     * Held so its level sticks: sqlite4java warns "unknown jar version" at every start when it runs from a shaded
     * jar.
     */
    private static final java.util.logging.Logger SQLITE = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    /** Only sqlite4java's errors reach the console ("unknown jar version" is expected from a shaded jar). */
    static void quietenSqlite() {
        SQLITE.setLevel(java.util.logging.Level.SEVERE);
    }

    public static DynamoDbLocalServer start(int port, Path dbDirectory, Path nativeCacheDir) {
        quietenSqlite();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        SqliteNativeLibrary.configure(nativeCacheDir);
        List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-sharedDb",
                // no browser origin needs this database; without -cors DynamoDB Local answers every origin ('*')
                "-cors", "http://127.0.0.1",
                // DynamoDB Local rejects port 0; the connector's port is replaced below anyway
                "-port", "8000"));
        if (dbDirectory == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dbDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the DynamoDB Local directory " + dbDirectory, e);
            }
            args.add("-dbPath");
            args.add(dbDirectory.toAbsolutePath().toString());
        }
        DynamoDBProxyServer server = create(args);
        ServerConnector connector = loopbackConnector(server, port);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start DynamoDB Local on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        return new DynamoDbLocalServer(server, connector.getLocalPort());
    }

    private static DynamoDBProxyServer create(List<String> args) {
        // ServerRunner prints its configuration, including the placeholder port, to System.out; callers print the
        // real endpoint themselves
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            try {
                return ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            } catch (Exception e) {
                throw new IllegalStateException("cannot configure DynamoDB Local with " + args + ": "
                        + e.getMessage(), e);
            } finally {
                System.setOut(out);
            }
        }
    }

    private static ServerConnector loopbackConnector(DynamoDBProxyServer proxy, int port) {
        Server jetty;
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            jetty = (Server) field.get(proxy);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("this DynamoDB Local version keeps its Jetty server elsewhere; "
                    + "cannot bind it to 127.0.0.1", e);
        }
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector connector)) {
            throw new IllegalStateException("expected DynamoDB Local to have one Jetty ServerConnector, found "
                    + connectors.length + " connectors");
        }
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        return connector;
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
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop DynamoDB Local: " + e.getMessage(), e);
        }
    }
}
