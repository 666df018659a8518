package dev.reelsmith.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelsmith.local.lambda.InvocationResult;
import dev.reelsmith.local.lambda.LambdaFunctions;
import dev.reelsmith.local.lambda.LambdaServiceException;
import dev.reelsmith.steps.PipelineFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * API Gateway (HTTP API) for the local cloud: an HTTP server on 127.0.0.1 that turns each request into the payload
 * format 2.0 event API Gateway would send ({@link HttpApiEvents}), invokes the {@code reelsmith-api} function
 * through the local Lambda service, and writes its 2.0 response back ({@code statusCode}, {@code headers},
 * {@code cookies}, {@code body}, {@code isBase64Encoded}).
 *
 * <p>Identity works like an IAM-authorised route: a SigV4-signed request (the AWS CLI, the SDKs, {@code curl
 * --aws-sigv4}) is the IAM user {@code arn:aws:iam::000000000000:user/<access key id>}. The signature is not
 * verified (there are no secrets locally; the server listens on loopback only). Unsigned requests carry no identity
 * and get 401 from the API, unless the server was started with {@code allowAnonymous}, when they are
 * {@code anonymous}.
 *
 * <p>Like API Gateway, a function error becomes {@code 500 {"message":"Internal Server Error"}}, and bodies over
 * 10 MB are refused with 413.
 */
public final class LocalApiServer implements AutoCloseable {
    /** The function invoked: the pipeline's API function. */
    public static final String FUNCTION = LambdaFunctions.PIPELINE_PREFIX + PipelineFunction.API.id();
    /** The port {@code reelsmith serve} uses unless told otherwise. */
    public static final int DEFAULT_PORT = 4575;
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final LambdaFunctions lambdas;
    private final boolean allowAnonymous;
    private final Clock clock;
    private final Consumer<String> accessLog;

    private LocalApiServer(Builder b) throws IOException {
        this.lambdas = b.lambdas;
        this.allowAnonymous = b.allowAnonymous;
        this.clock = b.clock;
        this.accessLog = b.accessLog;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "reelsmith-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static Builder builder(LambdaFunctions lambdas) {
        return new Builder(lambdas);
    }

    /** Where the API listens, e.g. {@code http://127.0.0.1:4575}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Whether unsigned requests are served as {@code anonymous}. */
    public boolean allowsAnonymous() {
        return allowAnonymous;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            status = serve(exchange);
        } catch (IOException | RuntimeException e) {
            System.err.println("reelsmith api: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " failed: " + e);
            throw e;
        }
        accessLog.accept(String.format(Locale.ROOT, "api     %s %s %d (%d ms)",
                exchange.getRequestMethod(), exchange.getRequestURI(), status,
                (System.nanoTime() - started) / 1_000_000));
    }

    private int serve(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return message(exchange, 413, "Request Entity Too Large");
        }
        HttpApiEvents.Request request = new HttpApiEvents.Request(exchange.getRequestMethod(),
                exchange.getRequestURI(), exchange.getRequestHeaders(), body, exchange.getProtocol(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getRequestHeaders().getFirst("Host"));
        Optional<HttpApiEvents.Caller> caller = HttpApiEvents.caller(request, allowAnonymous);
        ObjectNode event = HttpApiEvents.event(request, caller, UUID.randomUUID().toString(), lambdas.accountId(),
                clock.instant());
        InvocationResult result;
        try {
            result = lambdas.invoke(FUNCTION, MAPPER.writeValueAsBytes(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return message(exchange, 503, "Service Unavailable");
        } catch (LambdaServiceException e) {
            System.err.println("reelsmith api: cannot invoke " + FUNCTION + ": " + e.getMessage());
            return message(exchange, 500, "Internal Server Error");
        }
        if (result.functionError().isPresent()) {
            System.err.println("reelsmith api: " + FUNCTION + " failed: " + result.payloadText());
            return message(exchange, 500, "Internal Server Error");
        }
        return respond(exchange, result.payload());
    }

    /** Writes a payload format 2.0 response; output without a statusCode is a 200 JSON body, as API Gateway does. */
    private static int respond(HttpExchange exchange, byte[] payload) throws IOException {
        JsonNode output;
        try {
            output = MAPPER.readTree(payload);
        } catch (IOException e) {
            return message(exchange, 500, "Internal Server Error");
        }
        Headers headers = exchange.getResponseHeaders();
        if (output == null || !output.isObject() || !output.has("statusCode")) {
            headers.set("Content-Type", "application/json");
            return send(exchange, 200, payload);
        }
        int status = output.path("statusCode").asInt(500);
        for (Iterator<Map.Entry<String, JsonNode>> it = output.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.set(header.getKey(), header.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = output.path("multiValueHeaders").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            header.getValue().forEach(value -> headers.add(header.getKey(), value.asText()));
        }
        output.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asText()));
        JsonNode bodyNode = output.path("body");
        byte[] body = bodyNode.isMissingNode() || bodyNode.isNull() ? new byte[0]
                : output.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(bodyNode.asText())
                : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        return send(exchange, status, body);
    }

    private static int message(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        ObjectNode body = MAPPER.createObjectNode().put("message", message);
        return send(exchange, status, MAPPER.writeValueAsBytes(body));
    }

    private static int send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    /** Stops accepting requests, waits briefly for those in flight (long polls are cut short), and stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options: the port (default {@value #DEFAULT_PORT}, 0 for any free one) and anonymous access. */
    public static final class Builder {
        private final LambdaFunctions lambdas;
        private int port = DEFAULT_PORT;
        private boolean allowAnonymous;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> accessLog = line -> { };

        private Builder(LambdaFunctions lambdas) {
            this.lambdas = Objects.requireNonNull(lambdas, "lambdas");
        }

        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /** Serve unsigned requests as the caller {@code anonymous} (default: they get 401). */
        public Builder allowAnonymous(boolean value) {
            this.allowAnonymous = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Told one line per request: method, path, status and time. */
        public Builder accessLog(Consumer<String> value) {
            this.accessLog = Objects.requireNonNull(value, "accessLog");
            return this;
        }

        /** Binds 127.0.0.1 and starts serving. */
        public LocalApiServer start() {
            try {
                return new LocalApiServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            }
        }
    }
}
