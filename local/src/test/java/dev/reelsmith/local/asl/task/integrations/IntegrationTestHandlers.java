package dev.reelsmith.local.asl.task.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The Lambda handlers the integration tests deploy; public with public no-arg constructors, as Lambda requires. */
final class IntegrationTestHandlers {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IntegrationTestHandlers() {
    }

    /** {"name": n} in, {"greeting": "Hello, n"} out. */
    public static final class Greeter implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            JsonNode event = MAPPER.readTree(input);
            MAPPER.writeValue(output, MAPPER.createObjectNode().put("greeting", "Hello, " + event.path("name").asText()));
        }
    }

    /** Answers text that is not JSON. */
    public static final class PlainText implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write("queued for review".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Refuses every shot. */
    public static final class Rejecting implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new ShotRejectedException("shot 3 shows a logo");
        }
    }

    public static final class ShotRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ShotRejectedException(String message) {
            super(message);
        }
    }

    /** Keeps the task token it is given, as a review gate stores it for the reviewer. */
    public static final class ReviewGate implements RequestStreamHandler {
        static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            TOKENS.add(MAPPER.readTree(input).path("token").asText());
            MAPPER.writeValue(output, MAPPER.createObjectNode().put("reviewOpened", true));
        }
    }

    /** An EventBridge scheduled event in (through the Lambda event serializers), its detail type out. */
    public static final class Nightly implements RequestHandler<ScheduledEvent, String> {
        @Override
        public String handleRequest(ScheduledEvent event, Context context) {
            return event.getDetailType() + " from " + event.getSource() + " at " + event.getTime().getYear();
        }
    }
}
