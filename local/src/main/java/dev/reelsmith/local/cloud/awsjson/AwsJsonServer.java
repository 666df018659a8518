package dev.reelsmith.local.cloud.awsjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that speaks the AWS JSON protocol for one {@link AwsJsonService}, so the AWS SDK's
 * client for that service, and the AWS CLI, work against it unchanged. It checks the protocol (method, path,
 * {@code X-Amz-Target}, JSON body), answers with {@code x-amzn-RequestId} and the service's content type, and turns
 * {@link AwsServiceException}s into AWS error responses. Request signatures are not checked: any credentials work.
 */
public final class AwsJsonServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AwsJsonService service;

    private AwsJsonServer(HttpServer server, ExecutorService executor, AwsJsonService service) {
        this.server = server;
        this.executor = executor;
        this.service = service;
    }

    /**
     * Starts serving {@code service}.
     *
     * @param port the port on 127.0.0.1, or 0 for any free one
     */
    public static AwsJsonServer start(int port, AwsJsonService service) {
        Objects.requireNonNull(service, "service");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for " + service.targetPrefix()
                    + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        // a cached pool: SQS long polls hold their thread for up to 20 s and must not starve other requests
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, service.targetPrefix() + "-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AwsJsonServer instance = new AwsJsonServer(server, executor, service);
        server.createContext("/", instance::exchange);
        server.setExecutor(executor);
        server.start();
        return instance;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] body;
            int status;
            Map<String, String> headers = Map.of();
            try {
                ObjectNode response = dispatch(exchange);
                body = AwsJson.mapper().writeValueAsBytes(response);
                status = 200;
            } catch (AwsServiceException e) {
                ObjectNode error = AwsJson.mapper().createObjectNode();
                error.put("__type", service.errorNamespace() + "#" + e.code());
                error.put("message", e.getMessage());
                body = AwsJson.mapper().writeValueAsBytes(error);
                status = e.status();
                headers = e.headers();
            } catch (RuntimeException e) {
                ObjectNode error = AwsJson.mapper().createObjectNode();
                error.put("__type", service.errorNamespace() + "#InternalFailure");
                error.put("message", "The request processing has failed because of an unknown error: " + e);
                body = AwsJson.mapper().writeValueAsBytes(error);
                status = 500;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-" + service.jsonVersion());
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            throw new AwsServiceException("UnknownOperationException", "The AWS JSON protocol expects POST /, got "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), 404, Map.of());
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String prefix = service.targetPrefix() + ".";
        if (target == null || !target.startsWith(prefix) || target.length() == prefix.length()) {
            throw new AwsServiceException("UnknownOperationException", "X-Amz-Target must be " + prefix
                    + "<Operation>, was " + (target == null ? "missing" : "'" + target + "'"));
        }
        String operation = target.substring(prefix.length());
        return service.handle(operation, readBody(exchange));
    }

    private static ObjectNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return AwsJson.mapper().createObjectNode();
        }
        JsonNode node;
        try {
            node = AwsJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new AwsServiceException("SerializationException", "Request body is not valid JSON: "
                    + e.getOriginalMessage() + " in '" + new String(bytes, StandardCharsets.UTF_8) + "'");
        }
        if (node == null || !node.isObject()) {
            throw new AwsServiceException("SerializationException", "Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
